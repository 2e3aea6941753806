// API inputs of the label router. Field rules (name, split) come from shared/prompts/label-names.ts
// so the page's form checks the same before sending.
import { z } from "zod";
import { labelNameSchema, settableLabelNameSchema, SPLIT_PERCENT_MAX, SPLIT_PERCENT_MIN } from "@/shared/prompts/label-names";
import { idSchema } from "../ids";

const splitPercent = z
  .number({ error: (issue) => (issue.input === undefined ? "is required" : "must be a number") })
  .int("must be a whole number")
  .min(SPLIT_PERCENT_MIN, `must be between ${SPLIT_PERCENT_MIN} and ${SPLIT_PERCENT_MAX}`)
  .max(SPLIT_PERCENT_MAX, `must be between ${SPLIT_PERCENT_MIN} and ${SPLIT_PERCENT_MAX}`);

export const setLabelInput = z
  .object({
    promptId: idSchema,
    name: settableLabelNameSchema,
    versionId: idSchema,
    /** A second version that gets `splitPercent` of the label's traffic (an A/B test). */
    splitVersionId: idSchema.optional(),
    splitPercent: splitPercent.optional(),
  })
  .superRefine((input, ctx) => {
    if (input.splitVersionId && input.splitPercent === undefined) ctx.addIssue({ code: "custom", path: ["splitPercent"], message: "is required with splitVersionId (the share of traffic, 1 to 99, that goes to it)" });
    if (!input.splitVersionId && input.splitPercent !== undefined) ctx.addIssue({ code: "custom", path: ["splitVersionId"], message: "is required with splitPercent (the version that gets that share)" });
    if (input.splitVersionId && input.splitVersionId === input.versionId) ctx.addIssue({ code: "custom", path: ["splitVersionId"], message: "must differ from versionId" });
  });
export type SetLabelInput = z.infer<typeof setLabelInput>;

export const removeLabelInput = z.object({ promptId: idSchema, name: settableLabelNameSchema });
export const listLabelsInput = z.object({ promptId: idSchema });
export const labelHistoryInput = z.object({ promptId: idSchema, name: labelNameSchema.optional(), limit: z.number().int().min(1).max(200).default(50) });
export const labelResultsInput = z.object({
  promptId: idSchema,
  name: labelNameSchema,
  /** From when to count; by default since the label's last move (the current split's start). */
  since: z.coerce.date({ error: "must be a date" }).optional(),
});

/** GET/POST /api/v1/prompts/{slug}: ?label=… or ?version=N (neither: production, else latest). */
export const runtimeQuery = z
  .object({
    label: labelNameSchema.optional(),
    version: z
      .string()
      .regex(/^[1-9]\d{0,8}$/, "must be a whole number of 1 or more")
      .transform(Number)
      .optional(),
  })
  .refine((q) => q.label === undefined || q.version === undefined, { path: ["version"], message: "give either label or version, not both" });

/** POST's JSON body: the values of the version's {{variables}}. */
export const runtimeRenderBody = z.object(
  {
    variables: z
      .record(z.string(), z.string({ error: "must be a string" }), { error: "must be an object of names to strings" })
      .default({}),
  },
  { error: "must be a JSON object such as {\"variables\": {\"name\": \"value\"}}" },
);
