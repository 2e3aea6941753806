import { createTRPCRouter, protectedProcedure } from "../trpc";
import { createApiKey, listApiKeys, revokeApiKey, rotateApiKey } from "@/server/domain/api-keys/api-keys";
import { createApiKeyInput, revokeApiKeyInput, rotateApiKeyInput } from "@/server/domain/api-keys/schemas";

export const apiKeyRouter = createTRPCRouter({
  create: protectedProcedure.input(createApiKeyInput).mutation(({ ctx, input }) => createApiKey(ctx.db, ctx.actor, input, ctx.request, ctx.apiKey ?? null)),
  list: protectedProcedure.query(({ ctx }) => listApiKeys(ctx.db, ctx.actor)),
  revoke: protectedProcedure.input(revokeApiKeyInput).mutation(({ ctx, input }) => revokeApiKey(ctx.db, ctx.actor, input, ctx.request)),
  rotate: protectedProcedure.input(rotateApiKeyInput).mutation(({ ctx, input }) => rotateApiKey(ctx.db, ctx.actor, input, ctx.request, ctx.apiKey ?? null)),
});
