import { createTRPCRouter, protectedProcedure, publicProcedure } from "../trpc";
import { createUser } from "@/server/domain/users/create-user";
import { byHandleInput, signUpInput, updateProfileInput } from "@/server/domain/users/schemas";
import { getMe, getUserByHandle, updateProfile } from "@/server/domain/users/user-queries";

export const userRouter = createTRPCRouter({
  signUp: publicProcedure.input(signUpInput).mutation(({ ctx, input }) => createUser(ctx.db, input)),
  byHandle: publicProcedure.input(byHandleInput).query(({ ctx, input }) => getUserByHandle(ctx.db, ctx.viewer, input.handle)),
  me: protectedProcedure.query(({ ctx }) => getMe(ctx.db, ctx.actor)),
  updateProfile: protectedProcedure.input(updateProfileInput).mutation(({ ctx, input }) => updateProfile(ctx.db, ctx.actor, input)),
});
