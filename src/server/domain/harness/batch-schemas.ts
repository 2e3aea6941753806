// The inputs of the batch procedures (harness.batch, batchStatus, cancel, batchList, batchResults),
// composed from the shared run fields.
import { z } from "zod";
import { harnessAssertionsField, harnessModelsField } from "@/shared/harness/run-fields";

const id = z.string().trim().min(1, "is required").max(100, "is too long");

export const batchInput = z
  .object({
    versionId: id,
    /** Rows as objects of variable values (the upload form sends the rows it parsed and previewed)… */
    rows: z.array(z.record(z.string(), z.unknown()), { error: "must be a list of objects of variable values" }).optional(),
    /** …or the file itself, parsed on the server with the same parser. */
    file: z.object({ format: z.enum(["csv", "jsonl"], { error: "must be csv or jsonl" }), text: z.string().max(1_800_000, "is too large") }).optional(),
    models: harnessModelsField,
    assertions: harnessAssertionsField,
  })
  .refine((v) => (v.rows === undefined) !== (v.file === undefined), { message: "give either rows or a file", path: ["rows"] });
export type BatchInput = z.input<typeof batchInput>;

export const batchIdInput = z.object({ batchId: id });

export const batchListInput = z
  .object({ versionId: id.optional(), promptId: id.optional() })
  .refine((v) => Boolean(v.versionId) !== Boolean(v.promptId), { message: "give either versionId or promptId", path: ["versionId"] });

export const batchResultsInput = z.object({
  batchId: id,
  /** First row (0-based) of the matrix page. */
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});
