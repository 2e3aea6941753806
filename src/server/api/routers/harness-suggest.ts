// The harness router's procedures for suggested rewrites. Merged into `harness` by harness.ts.
import { protectedProcedure } from "../trpc";
import { suggestImprovement, suggestInput } from "@/server/domain/harness/suggest-improvement";

export const harnessSuggestProcedures = {
  /** A chosen model rewrites the run's prompt from its failing assertions and outputs; nothing is stored. */
  suggest: protectedProcedure.input(suggestInput).mutation(({ ctx, input }) => suggestImprovement(ctx.db, ctx.actor, input)),
};
