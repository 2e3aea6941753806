import { createTRPCRouter, protectedProcedure, publicProcedure } from "../trpc";
import { createUser } from "@/server/domain/users/create-user";
import { byHandleInput, changeEmailInput, changePasswordInput, deleteAccountInput, signUpInput, updateProfileInput } from "@/server/domain/users/schemas";
import { getMe, getUserByHandle, updateProfile } from "@/server/domain/users/user-queries";
import { changeEmail, changePassword } from "@/server/domain/users/account-changes";
import { accountDeletionPlan, deleteAccount } from "@/server/domain/users/delete-account";
import { exportAccountData } from "@/server/domain/users/export-data";
import { homeSummary } from "@/server/domain/users/home-summary";

export const userRouter = createTRPCRouter({
  signUp: publicProcedure.input(signUpInput).mutation(({ ctx, input }) => createUser(ctx.db, input)),
  byHandle: publicProcedure.input(byHandleInput).query(({ ctx, input }) => getUserByHandle(ctx.db, ctx.viewer, input.handle)),
  me: protectedProcedure.query(({ ctx }) => getMe(ctx.db, ctx.actor)),
  updateProfile: protectedProcedure.input(updateProfileInput).mutation(({ ctx, input }) => updateProfile(ctx.db, ctx.actor, input)),
  changePassword: protectedProcedure.input(changePasswordInput).mutation(({ ctx, input }) => changePassword(ctx.db, ctx.actor, input, ctx.request)),
  changeEmail: protectedProcedure.input(changeEmailInput).mutation(({ ctx, input }) => changeEmail(ctx.db, ctx.actor, input, ctx.request)),
  deletionPlan: protectedProcedure.query(({ ctx }) => accountDeletionPlan(ctx.db, ctx.actor)),
  deleteAccount: protectedProcedure.input(deleteAccountInput).mutation(({ ctx, input }) => deleteAccount(ctx.db, ctx.actor, input, ctx.request)),
  exportData: protectedProcedure.query(({ ctx }) => exportAccountData(ctx.db, ctx.actor)),
  home: protectedProcedure.query(({ ctx }) => homeSummary(ctx.db, ctx.actor)),
});
