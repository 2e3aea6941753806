import { createTRPCRouter, protectedProcedure } from "../trpc";
import { captureById, captureStats, listCaptures } from "@/server/domain/captures/capture-queries";
import { captureByIdInput, captureStatsInput, listCapturesInput } from "@/server/domain/captures/schemas";

export const captureRouter = createTRPCRouter({
  list: protectedProcedure.input(listCapturesInput).query(({ ctx, input }) => listCaptures(ctx.db, ctx.actor, input)),
  byId: protectedProcedure.input(captureByIdInput).query(({ ctx, input }) => captureById(ctx.db, ctx.actor, input)),
  stats: protectedProcedure.input(captureStatsInput).query(({ ctx, input }) => captureStats(ctx.db, ctx.actor, input)),
});
