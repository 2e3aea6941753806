import { createTRPCRouter, protectedProcedure, publicProcedure } from "../trpc";
import { favoriteListInput, favoriteRefInput } from "@/server/domain/favorites/schemas";
import { addFavorite, favoriteStatus, listFavorites, removeFavorite } from "@/server/domain/favorites/favorites";

export const favoriteRouter = createTRPCRouter({
  add: protectedProcedure.input(favoriteRefInput).mutation(({ ctx, input }) => addFavorite(ctx.db, ctx.actor, input.promptId)),
  remove: protectedProcedure.input(favoriteRefInput).mutation(({ ctx, input }) => removeFavorite(ctx.db, ctx.actor, input.promptId)),
  list: protectedProcedure.input(favoriteListInput).query(({ ctx, input }) => listFavorites(ctx.db, ctx.actor, input)),
  status: publicProcedure.input(favoriteRefInput).query(({ ctx, input }) => favoriteStatus(ctx.db, ctx.viewer, input.promptId)),
});
