// The inputs of the evidence procedures (attachEvidence, detachEvidence, listingEvidence, evidenceCandidates).
import { z } from "zod";
import { idSchema } from "../ids";

export const listingIdInput = z.object({ listingId: idSchema });

/** A listing and exactly one of a run or a batch: both or neither is a 400 naming the field. */
export const evidenceRefInput = z
  .object({ listingId: idSchema, runId: idSchema.optional(), batchId: idSchema.optional() })
  .superRefine((v, ctx) => {
    if (v.runId && v.batchId) {
      ctx.addIssue({ code: "custom", path: ["runId"], message: "give a runId or a batchId, not both" });
      ctx.addIssue({ code: "custom", path: ["batchId"], message: "give a runId or a batchId, not both" });
    } else if (!v.runId && !v.batchId) {
      ctx.addIssue({ code: "custom", path: ["runId"], message: "give a runId or a batchId" });
    }
  });
