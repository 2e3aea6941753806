import { createTRPCRouter, protectedProcedure, publicProcedure } from "../trpc";
import * as s from "@/server/domain/marketplace/schemas";
import { createListing, getListing, getListingByPrompt, listListings, sellingConditions, updateListing } from "@/server/domain/marketplace/listings";
import { checkoutListing, checkoutStatus, claimFreeListing } from "@/server/domain/marketplace/checkout";
import { originFromHeaders } from "@/server/http/site-origin";

export const listingRouter = createTRPCRouter({
  create: protectedProcedure.input(s.createListingInput).mutation(({ ctx, input }) => createListing(ctx.db, ctx.actor, input, ctx.request)),
  update: protectedProcedure.input(s.updateListingInput).mutation(({ ctx, input }) => updateListing(ctx.db, ctx.actor, input, ctx.request)),
  byId: publicProcedure.input(s.listingRefInput).query(({ ctx, input }) => getListing(ctx.db, ctx.viewer, input.listingId, ctx.usage)),
  byPrompt: publicProcedure.input(s.byPromptInput).query(({ ctx, input }) => getListingByPrompt(ctx.db, ctx.viewer, input)),
  /** Whether paid listings can be sold on this instance (the listing editor says so before saving). */
  sellingConditions: publicProcedure.query(({ ctx }) => sellingConditions(ctx.viewer)),
  list: publicProcedure.input(s.listListingsInput).query(({ ctx, input }) => listListings(ctx.db, ctx.viewer, input)),
  checkout: protectedProcedure
    .input(s.listingRefInput)
    .mutation(({ ctx, input }) => checkoutListing(ctx.db, ctx.actor, input, ctx.origin ?? originFromHeaders(null))),
  claimFree: protectedProcedure.input(s.listingRefInput).mutation(({ ctx, input }) => claimFreeListing(ctx.db, ctx.actor, input)),
  checkoutStatus: protectedProcedure.input(s.checkoutStatusInput).query(({ ctx, input }) => checkoutStatus(ctx.db, ctx.actor, input)),
});
