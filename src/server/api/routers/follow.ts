import { createTRPCRouter, protectedProcedure, publicProcedure } from "../trpc";
import { followInput, followListInput } from "@/server/domain/follows/schemas";
import { followUser, listFollowers, listFollowing, unfollowUser } from "@/server/domain/follows/follows";

export const followRouter = createTRPCRouter({
  follow: protectedProcedure.input(followInput).mutation(({ ctx, input }) => followUser(ctx.db, ctx.actor, input.handle)),
  unfollow: protectedProcedure.input(followInput).mutation(({ ctx, input }) => unfollowUser(ctx.db, ctx.actor, input.handle)),
  followers: publicProcedure.input(followListInput).query(({ ctx, input }) => listFollowers(ctx.db, ctx.viewer, input)),
  following: publicProcedure.input(followListInput).query(({ ctx, input }) => listFollowing(ctx.db, ctx.viewer, input)),
});
