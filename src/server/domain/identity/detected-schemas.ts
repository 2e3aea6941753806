// API inputs of the Detected inbox (detected router): list, one entry, promote, accept a suggested
// fork, dismiss and restore.
import { z } from "zod";
import { categorySchema, titleSchema } from "@/shared/prompts/prompt-fields";
import { DETECTED_STATUSES } from "@/shared/captures/detected-statuses";
import { idSchema } from "../ids";
import { paginationSchema } from "../pagination";

export const listDetectedInput = paginationSchema
  .extend({ status: z.enum(DETECTED_STATUSES, { error: `must be one of: ${DETECTED_STATUSES.join(", ")}` }).default("detected") })
  .default({ status: "detected", limit: 20 });
export type ListDetectedInput = z.infer<typeof listDetectedInput>;

export const detectedIdInput = z.object({ detectedPromptId: idSchema });

export const promoteDetectedInput = z.object({ detectedPromptId: idSchema, title: titleSchema, category: categorySchema });
export type PromoteDetectedInput = z.infer<typeof promoteDetectedInput>;

export const acceptForkInput = z.object({ detectedPromptId: idSchema, title: titleSchema.optional() });
export type AcceptForkInput = z.infer<typeof acceptForkInput>;
