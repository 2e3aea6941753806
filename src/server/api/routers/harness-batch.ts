// The harness router's procedures for batches: batch, batchStatus, cancel, batchList, batchResults.
// Merged into `harness` by harness.ts. Owner only: anyone else's batch is NOT_FOUND. The CSV export
// is a route handler (src/app/api/harness/batches/[id]/csv/route.ts), so the browser downloads it.
import { batchIdInput, batchInput, batchListInput, batchResultsInput } from "@/server/domain/harness/batch-schemas";
import { batchResults } from "@/server/domain/harness/batch-results";
import { batchStatus } from "@/server/domain/harness/batch-status";
import { listBatches } from "@/server/domain/harness/batch-list";
import { cancelBatch } from "@/server/domain/harness/cancel-batch";
import { createBatch } from "@/server/domain/harness/create-batch";
import { protectedProcedure } from "../trpc";

export const harnessBatchProcedures = {
  batch: protectedProcedure.input(batchInput).mutation(({ ctx, input }) => createBatch(ctx.db, ctx.actor, input)),
  batchStatus: protectedProcedure.input(batchIdInput).query(({ ctx, input }) => batchStatus(ctx.db, ctx.actor, input.batchId)),
  cancel: protectedProcedure.input(batchIdInput).mutation(({ ctx, input }) => cancelBatch(ctx.db, ctx.actor, input.batchId)),
  batchList: protectedProcedure.input(batchListInput).query(({ ctx, input }) => listBatches(ctx.db, ctx.actor, input)),
  batchResults: protectedProcedure.input(batchResultsInput).query(({ ctx, input }) => batchResults(ctx.db, ctx.actor, input)),
};
