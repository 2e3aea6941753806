// The harness router's procedures for evidence on listings. Merged into `harness` by harness.ts.
import { protectedProcedure, publicProcedure } from "../trpc";
import { evidenceRefInput, listingIdInput } from "@/server/domain/harness/evidence-schemas";
import { attachEvidence, detachEvidence, evidenceCandidates, listingEvidence } from "@/server/domain/harness/listing-evidence";

export const harnessEvidenceProcedures = {
  /** The seller attaches a finished run or batch of the listed prompt (exactly one of runId, batchId); idempotent. */
  attachEvidence: protectedProcedure.input(evidenceRefInput).mutation(({ ctx, input }) => attachEvidence(ctx.db, ctx.actor, input)),
  detachEvidence: protectedProcedure.input(evidenceRefInput).mutation(({ ctx, input }) => detachEvidence(ctx.db, ctx.actor, input)),
  /** What buyers see: models, pass rates, median cost and latency, samples, usage and lineage; anyone who can see the listing. */
  listingEvidence: publicProcedure.input(listingIdInput).query(({ ctx, input }) => listingEvidence(ctx.db, ctx.viewer, input)),
  /** The seller's runs and batches of the listed prompt, to pick from. */
  evidenceCandidates: protectedProcedure.input(listingIdInput).query(({ ctx, input }) => evidenceCandidates(ctx.db, ctx.actor, input)),
};
