import { createTRPCRouter, protectedProcedure } from "../trpc";
import { paginationSchema } from "@/server/domain/pagination";
import { myFeed } from "@/server/domain/feed/feed";

export const feedRouter = createTRPCRouter({
  mine: protectedProcedure.input(paginationSchema.default({ limit: 20 })).query(({ ctx, input }) => myFeed(ctx.db, ctx.actor, input)),
});
