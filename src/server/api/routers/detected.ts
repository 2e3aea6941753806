import { createTRPCRouter, protectedProcedure } from "../trpc";
import { acceptSuggestedFork } from "@/server/domain/identity/accept-suggested-fork";
import { detectedById, detectedCounts, listDetected } from "@/server/domain/identity/detected-queries";
import { acceptForkInput, detectedIdInput, listDetectedInput, promoteDetectedInput } from "@/server/domain/identity/detected-schemas";
import { dismissDetected, restoreDetected } from "@/server/domain/identity/dismiss-detected";
import { promoteDetected } from "@/server/domain/identity/promote-detected";

/** The Detected inbox: prompts the proxy saw that are not in the caller's library. Owner-only. */
export const detectedRouter = createTRPCRouter({
  list: protectedProcedure.input(listDetectedInput).query(({ ctx, input }) => listDetected(ctx.db, ctx.actor, input)),
  /** How many entries are in each state (the Captures navigation shows the inbox's). */
  counts: protectedProcedure.query(({ ctx }) => detectedCounts(ctx.db, ctx.actor)),
  byId: protectedProcedure.input(detectedIdInput).query(({ ctx, input }) => detectedById(ctx.db, ctx.actor, input)),
  promote: protectedProcedure.input(promoteDetectedInput).mutation(({ ctx, input }) => promoteDetected(ctx.db, ctx.actor, input)),
  acceptFork: protectedProcedure.input(acceptForkInput).mutation(({ ctx, input }) => acceptSuggestedFork(ctx.db, ctx.actor, input)),
  dismiss: protectedProcedure.input(detectedIdInput).mutation(({ ctx, input }) => dismissDetected(ctx.db, ctx.actor, input)),
  restore: protectedProcedure.input(detectedIdInput).mutation(({ ctx, input }) => restoreDetected(ctx.db, ctx.actor, input)),
});
