import { createTRPCRouter, protectedProcedure } from "../trpc";
import { licenseRefInput } from "@/server/domain/marketplace/schemas";
import { getLicense, listMyLicenses } from "@/server/domain/marketplace/licenses";

export const licenseRouter = createTRPCRouter({
  mine: protectedProcedure.query(({ ctx }) => listMyLicenses(ctx.db, ctx.actor)),
  byId: protectedProcedure.input(licenseRefInput).query(({ ctx, input }) => getLicense(ctx.db, ctx.actor, input.licenseId)),
});
