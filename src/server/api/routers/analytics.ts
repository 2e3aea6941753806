import { adminProcedure, createTRPCRouter, protectedProcedure } from "../trpc";
import { adminAnalyticsInput, analyticsExportInput, creatorAnalyticsInput, orgAnalyticsInput, promptAnalyticsInput } from "@/server/domain/analytics/analytics-schemas";
import { adminAnalytics, creatorAnalytics, orgAnalytics, promptAnalytics } from "@/server/domain/analytics/analytics-queries";
import { exportAnalyticsCsv } from "@/server/domain/analytics/analytics-csv";
import { analyticsTrackProcedures } from "./analytics-track";

export const analyticsRouter = createTRPCRouter({
  // What the browser reports (analytics.copy): analytics-track.ts.
  ...analyticsTrackProcedures,
  /** The signed-in creator's own prompts. */
  creator: protectedProcedure.input(creatorAnalyticsInput).query(({ ctx, input }) => creatorAnalytics(ctx.db, ctx.actor, input)),
  /** One prompt: its owner or an admin (a prompt the caller may not read is NOT_FOUND, another's FORBIDDEN). */
  prompt: protectedProcedure.input(promptAnalyticsInput).query(({ ctx, input }) => promptAnalytics(ctx.db, ctx.actor, input)),
  /** An organisation's prompts: its admins and owners (others NOT_FOUND / FORBIDDEN). */
  org: protectedProcedure.input(orgAnalyticsInput).query(({ ctx, input }) => orgAnalytics(ctx.db, ctx.actor, input)),
  admin: adminProcedure.input(adminAnalyticsInput).query(({ ctx, input }) => adminAnalytics(ctx.db, input)),
  /** One chart's data as CSV text, with the same authorization as its report. */
  export: protectedProcedure.input(analyticsExportInput).query(({ ctx, input }) => exportAnalyticsCsv(ctx.db, ctx.actor, input)),
});
