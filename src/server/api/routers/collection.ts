import { createTRPCRouter, protectedProcedure, publicProcedure } from "../trpc";
import * as s from "@/server/domain/collections/schemas";
import { createCollection, deleteCollection, updateCollection } from "@/server/domain/collections/manage-collections";
import { addPromptToCollection, removePromptFromCollection, reorderCollection } from "@/server/domain/collections/collection-items";
import { collectionsForPrompt, getCollectionBySlug, listCollections } from "@/server/domain/collections/collection-queries";
import { followCollection, setCollectionForTools, unfollowCollection } from "@/server/domain/collections/collection-follows";
import { collectionFeed } from "@/server/domain/collections/collection-feed";

export const collectionRouter = createTRPCRouter({
  create: protectedProcedure.input(s.createCollectionInput).mutation(({ ctx, input }) => createCollection(ctx.db, ctx.actor, input)),
  update: protectedProcedure.input(s.updateCollectionInput).mutation(({ ctx, input }) => updateCollection(ctx.db, ctx.actor, input)),
  delete: protectedProcedure.input(s.collectionRefInput).mutation(({ ctx, input }) => deleteCollection(ctx.db, ctx.actor, input.collectionId)),
  addPrompt: protectedProcedure.input(s.addPromptInput).mutation(({ ctx, input }) => addPromptToCollection(ctx.db, ctx.actor, input)),
  removePrompt: protectedProcedure.input(s.removePromptInput).mutation(({ ctx, input }) => removePromptFromCollection(ctx.db, ctx.actor, input)),
  reorder: protectedProcedure.input(s.reorderInput).mutation(({ ctx, input }) => reorderCollection(ctx.db, ctx.actor, input)),
  bySlug: publicProcedure.input(s.bySlugInput).query(({ ctx, input }) => getCollectionBySlug(ctx.db, ctx.viewer, input.slug)),
  list: publicProcedure.input(s.listCollectionsInput).query(({ ctx, input }) => listCollections(ctx.db, ctx.viewer, input)),
  forPrompt: protectedProcedure.input(s.forPromptInput).query(({ ctx, input }) => collectionsForPrompt(ctx.db, ctx.actor, input.promptId)),
  follow: protectedProcedure.input(s.collectionRefInput).mutation(({ ctx, input }) => followCollection(ctx.db, ctx.actor, input.collectionId)),
  unfollow: protectedProcedure.input(s.collectionRefInput).mutation(({ ctx, input }) => unfollowCollection(ctx.db, ctx.actor, input.collectionId)),
  setForTools: protectedProcedure.input(s.setForToolsInput).mutation(({ ctx, input }) => setCollectionForTools(ctx.db, ctx.actor, input)),
  feed: protectedProcedure.input(s.collectionFeedInput).query(({ ctx, input }) => collectionFeed(ctx.db, ctx.actor, input)),
});
