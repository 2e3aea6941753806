import { createTRPCRouter, protectedProcedure } from "../trpc";
import { createApiKey, listApiKeys, revokeApiKey } from "@/server/domain/api-keys/api-keys";
import { createApiKeyInput, revokeApiKeyInput } from "@/server/domain/api-keys/schemas";

export const apiKeyRouter = createTRPCRouter({
  create: protectedProcedure.input(createApiKeyInput).mutation(({ ctx, input }) => createApiKey(ctx.db, ctx.actor, input)),
  list: protectedProcedure.query(({ ctx }) => listApiKeys(ctx.db, ctx.actor)),
  revoke: protectedProcedure.input(revokeApiKeyInput).mutation(({ ctx, input }) => revokeApiKey(ctx.db, ctx.actor, input)),
});
