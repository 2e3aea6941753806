// Inputs of the analytics API. A period is `from`..`to` (both optional: the last 30 days up to now),
// bucketed by hour or day; `to` is inclusive (its bucket is the last one). Range errors name the field.
import { z } from "zod";
import {
  ANALYTICS_DEFAULT_DAYS,
  ANALYTICS_GRANULARITIES,
  ANALYTICS_MAX_DAYS,
  ANALYTICS_MAX_HOUR_DAYS,
  ANALYTICS_REPORTS,
  CHARTS_BY_REPORT,
  type AnalyticsChart,
  type AnalyticsGranularity,
} from "@/shared/analytics/analytics-figures";

const DAY_MS = 86_400_000;
const dateInput = z.coerce.date({ error: "must be a date (YYYY-MM-DD or ISO 8601)" });
const idInput = z.string({ error: "must be a prompt id" }).trim().min(1, "must be a prompt id").max(100, "must be at most 100 characters");

export type AnalyticsRangeInput = { from?: Date; to?: Date; granularity?: AnalyticsGranularity };
export type ResolvedRange = { from: Date; to: Date; granularity: AnalyticsGranularity };

/** Hour buckets asked for without `from`: the last week (30 days of hours would be refused). */
const DEFAULT_HOUR_DAYS = 7;

/** The period asked for, with the defaults filled in (`now` for a missing `to`, 30 days before it for `from`, or 7 by hour). */
export function resolveRange(input: AnalyticsRangeInput, now = new Date()): ResolvedRange {
  const to = input.to ?? now;
  const granularity = input.granularity ?? "day";
  const days = granularity === "hour" ? DEFAULT_HOUR_DAYS : ANALYTICS_DEFAULT_DAYS;
  const from = input.from ?? new Date(to.getTime() - (days - 1) * DAY_MS);
  return { from, to, granularity };
}

/** What is wrong with a period, per field (empty when nothing is). */
export function rangeProblems(input: AnalyticsRangeInput, now = new Date()): { path: string; message: string }[] {
  const { from, to, granularity } = resolveRange(input, now);
  // `to` is inclusive: from = to asks for that one day (or hour).
  if (from.getTime() > to.getTime()) return [{ path: "from", message: "must not be after to" }];
  const days = (to.getTime() - from.getTime()) / DAY_MS;
  if (days > ANALYTICS_MAX_DAYS) return [{ path: "from", message: `must be at most ${ANALYTICS_MAX_DAYS} days before to` }];
  if (granularity === "hour" && days > ANALYTICS_MAX_HOUR_DAYS) return [{ path: "granularity", message: `hour buckets cover at most ${ANALYTICS_MAX_HOUR_DAYS} days; use day` }];
  return [];
}

const rangeFields = {
  from: dateInput.optional(),
  to: dateInput.optional(),
  granularity: z.enum(ANALYTICS_GRANULARITIES, { error: `must be one of ${ANALYTICS_GRANULARITIES.join(", ")}` }).optional(),
};

function checkRange(input: AnalyticsRangeInput, ctx: z.RefinementCtx) {
  for (const problem of rangeProblems(input)) ctx.addIssue({ code: "custom", path: [problem.path], message: problem.message });
}

export const creatorAnalyticsInput = z.object(rangeFields).superRefine(checkRange).default({});
export type CreatorAnalyticsInput = z.infer<typeof creatorAnalyticsInput>;

export const promptAnalyticsInput = z.object({ promptId: idInput, ...rangeFields }).superRefine(checkRange);
export type PromptAnalyticsInput = z.infer<typeof promptAnalyticsInput>;

export const orgAnalyticsInput = z.object({ orgId: z.string({ error: "must be an organisation id" }).trim().min(1, "must be an organisation id").max(100, "must be at most 100 characters"), ...rangeFields }).superRefine(checkRange);
export type OrgAnalyticsInput = z.infer<typeof orgAnalyticsInput>;

export const adminAnalyticsInput = z.object(rangeFields).superRefine(checkRange).default({});
export type AdminAnalyticsInput = z.infer<typeof adminAnalyticsInput>;

export const analyticsExportInput = z
  .object({
    report: z.enum(ANALYTICS_REPORTS, { error: `must be one of ${ANALYTICS_REPORTS.join(", ")}` }),
    promptId: idInput.optional(),
    orgId: z.string({ error: "must be an organisation id" }).trim().min(1, "must be an organisation id").max(100, "must be at most 100 characters").optional(),
    chart: z.string({ error: "must be a chart name" }),
    format: z.literal("csv", { error: "must be csv" }).default("csv"),
    ...rangeFields,
  })
  .superRefine((input, ctx) => {
    const charts: readonly string[] = CHARTS_BY_REPORT[input.report];
    if (!charts.includes(input.chart)) ctx.addIssue({ code: "custom", path: ["chart"], message: `must be one of ${charts.join(", ")} for the ${input.report} report` });
    if (input.report === "prompt" && !input.promptId) ctx.addIssue({ code: "custom", path: ["promptId"], message: "is required for the prompt report" });
    if (input.report === "org" && !input.orgId) ctx.addIssue({ code: "custom", path: ["orgId"], message: "is required for the org report" });
    checkRange(input, ctx);
  })
  .transform((input) => ({ ...input, chart: input.chart as AnalyticsChart }));
export type AnalyticsExportInput = z.infer<typeof analyticsExportInput>;
