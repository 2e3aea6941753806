import { createTRPCRouter, protectedProcedure, publicProcedure } from "../trpc";
import * as s from "@/server/domain/versions/schemas";
import { createVersion } from "@/server/domain/versions/create-version";
import { deprecateVersion } from "@/server/domain/versions/deprecate-version";
import { promoteVersion } from "@/server/domain/versions/promote-version";
import { proposeVersion } from "@/server/domain/versions/propose-version";
import { approveVersion, rejectVersion } from "@/server/domain/versions/review-version";
import { diffVersions, getVersion, listVersions, versionAbilities } from "@/server/domain/versions/version-queries";

export const versionRouter = createTRPCRouter({
  create: protectedProcedure.input(s.createVersionInput).mutation(({ ctx, input }) => createVersion(ctx.db, ctx.actor, input, { request: ctx.request })),
  propose: protectedProcedure.input(s.proposeVersionInput).mutation(({ ctx, input }) => proposeVersion(ctx.db, ctx.actor, input, { request: ctx.request })),
  approve: protectedProcedure.input(s.approveVersionInput).mutation(({ ctx, input }) => approveVersion(ctx.db, ctx.actor, { ...input, request: ctx.request })),
  reject: protectedProcedure.input(s.rejectVersionInput).mutation(({ ctx, input }) => rejectVersion(ctx.db, ctx.actor, { ...input, request: ctx.request })),
  deprecate: protectedProcedure.input(s.deprecateVersionInput).mutation(({ ctx, input }) => deprecateVersion(ctx.db, ctx.actor, { ...input, request: ctx.request })),
  list: publicProcedure.input(s.listVersionsInput).query(({ ctx, input }) => listVersions(ctx.db, ctx.viewer, input)),
  byId: publicProcedure.input(s.versionIdInput).query(({ ctx, input }) => getVersion(ctx.db, ctx.viewer, input.versionId)),
  diff: publicProcedure.input(s.diffInput).query(({ ctx, input }) => diffVersions(ctx.db, ctx.viewer, input)),
  /** What the viewer may do with a prompt's versions (the page's buttons; each action is checked again). */
  abilities: publicProcedure.input(s.versionAbilitiesInput).query(({ ctx, input }) => versionAbilities(ctx.db, ctx.viewer, input.promptId)),
  promote: protectedProcedure.input(s.promoteInput).mutation(({ ctx, input }) => promoteVersion(ctx.db, ctx.actor, { ...input, request: ctx.request })),
});
