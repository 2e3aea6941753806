import { createTRPCRouter, protectedProcedure } from "../trpc";
import { reviewQueueInput } from "@/server/domain/versions/schemas";
import { reviewQueue, reviewQueueCount } from "@/server/domain/versions/review-queue";

export const reviewRouter = createTRPCRouter({
  /** Proposals waiting for the viewer's review across their organisations (or one, role checked). */
  queue: protectedProcedure.input(reviewQueueInput).query(({ ctx, input }) => reviewQueue(ctx.db, ctx.actor, { orgId: input?.orgId, request: ctx.request })),
  /** How many wait: the header's badge. */
  count: protectedProcedure.query(({ ctx }) => reviewQueueCount(ctx.db, ctx.actor)),
});
