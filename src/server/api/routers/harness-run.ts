// The harness router's procedures for runs: run, get, stream, list. Merged into `harness` by harness.ts.
import { protectedProcedure } from "../trpc";
import { runInput, startRun } from "@/server/domain/harness/run-harness";
import { getRun, listRuns, listRunsInput, runIdInput } from "@/server/domain/harness/run-queries";
import { openRunStream } from "@/server/domain/harness/stream-run";

export const harnessRunProcedures = {
  /** Checks everything, stores the run with one pending cell per model, answers {runId} at once; the models run in the background. */
  run: protectedProcedure.input(runInput).mutation(({ ctx, input }) => startRun(ctx.db, ctx.actor, input, ctx.usage)),
  /** The caller's run with its cells (NOT_FOUND for anyone else). */
  get: protectedProcedure.input(runIdInput).query(({ ctx, input }) => getRun(ctx.db, ctx.actor, input.runId)),
  /** The run now (`snapshot`), then `delta` / `cell` as they happen, then `done` (SSE; owner only). */
  stream: protectedProcedure.input(runIdInput).subscription(({ ctx, input, signal }) => openRunStream(ctx.db, ctx.actor, input.runId, signal)),
  /** The caller's runs of a version or prompt, newest first, with models and pass counts. */
  list: protectedProcedure.input(listRunsInput).query(({ ctx, input }) => listRuns(ctx.db, ctx.actor, input)),
};
