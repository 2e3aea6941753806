import { createTRPCRouter, protectedProcedure, publicProcedure } from "../trpc";
import * as s from "@/server/domain/versions/schemas";
import { createVersion } from "@/server/domain/versions/create-version";
import { promoteVersion } from "@/server/domain/versions/promote-version";
import { diffVersions, getVersion, listVersions } from "@/server/domain/versions/version-queries";

export const versionRouter = createTRPCRouter({
  create: protectedProcedure.input(s.createVersionInput).mutation(({ ctx, input }) => createVersion(ctx.db, ctx.actor, input)),
  list: publicProcedure.input(s.listVersionsInput).query(({ ctx, input }) => listVersions(ctx.db, ctx.viewer, input)),
  byId: publicProcedure.input(s.versionIdInput).query(({ ctx, input }) => getVersion(ctx.db, ctx.viewer, input.versionId)),
  diff: publicProcedure.input(s.diffInput).query(({ ctx, input }) => diffVersions(ctx.db, ctx.viewer, input)),
  promote: protectedProcedure.input(s.promoteInput).mutation(({ ctx, input }) => promoteVersion(ctx.db, ctx.actor, input)),
});
