// A user's own model providers (Settings): add, list, remove. Keys are never sent back.
import { addUserProvider, listUserProviders, removeUserProvider } from "@/server/domain/harness/user-providers";
import { addProviderInput, removeProviderInput } from "@/server/domain/harness/provider-schemas";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const providerRouter = createTRPCRouter({
  add: protectedProcedure.input(addProviderInput).mutation(({ ctx, input }) => addUserProvider(ctx.db, ctx.actor, input, ctx.request)),
  list: protectedProcedure.query(({ ctx }) => listUserProviders(ctx.db, ctx.actor)),
  remove: protectedProcedure.input(removeProviderInput).mutation(({ ctx, input }) => removeUserProvider(ctx.db, ctx.actor, input, ctx.request)),
});
