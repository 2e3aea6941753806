import { createTRPCRouter, protectedProcedure } from "../trpc";
import { salesSummaryInput } from "@/server/domain/marketplace/schemas";
import { salesSummary } from "@/server/domain/marketplace/sales-summary";

export const salesRouter = createTRPCRouter({
  summary: protectedProcedure.input(salesSummaryInput).query(({ ctx, input }) => salesSummary(ctx.db, ctx.actor, input)),
});
