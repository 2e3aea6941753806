// The fields of a harness run that the Test form checks before sending and the server validates.
import { z } from "zod";
import { assertionSchema } from "./assertions";

export const MAX_HARNESS_MODELS = 8;
export const MAX_HARNESS_ASSERTIONS = 20;

export const modelParamsSchema = z
  .object({
    temperature: z.number({ error: "must be a number" }).min(0, "must be between 0 and 2").max(2, "must be between 0 and 2").optional(),
    maxTokens: z.number({ error: "must be a number" }).int("must be a whole number").min(1, "must be at least 1").max(64_000, "must be at most 64000").optional(),
    /** Replaces any system prompt for this model only. */
    system: z.string().max(20_000, "is too long").optional(),
  })
  .strict();
export type ModelParams = z.infer<typeof modelParamsSchema>;

export const modelChoiceSchema = z.object({
  provider: z.string().trim().min(1, "is required").max(40, "is too long"),
  model: z.string().trim().min(1, "is required").max(200, "is too long"),
  params: modelParamsSchema.optional(),
});
export type ModelChoice = z.infer<typeof modelChoiceSchema>;

export const harnessModelsField = z
  .array(modelChoiceSchema)
  .min(1, "pick at least one model")
  .max(MAX_HARNESS_MODELS, `pick at most ${MAX_HARNESS_MODELS} models`);

export const harnessAssertionsField = z.array(assertionSchema).max(MAX_HARNESS_ASSERTIONS, `at most ${MAX_HARNESS_ASSERTIONS} assertions`).default([]);

export const CELL_STATUSES = ["pending", "running", "done", "error"] as const;
export type CellStatus = (typeof CELL_STATUSES)[number];
