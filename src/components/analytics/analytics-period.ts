// The dashboards' period picker: which periods there are, their default, and the range and bucket
// size each asks the analytics API for (hours for the last day, days beyond: a week of hourly bars
// is too thin to read on a phone; UTC buckets).
import type { Granularity } from "./usage-figures";

export const ANALYTICS_PERIODS = {
  "24h": { label: "24 hours", hours: 24, granularity: "hour" },
  "7d": { label: "7 days", hours: 7 * 24, granularity: "day" },
  "30d": { label: "30 days", hours: 30 * 24, granularity: "day" },
  "90d": { label: "90 days", hours: 90 * 24, granularity: "day" },
} as const satisfies Record<string, { label: string; hours: number; granularity: Granularity }>;
export type AnalyticsPeriod = keyof typeof ANALYTICS_PERIODS;
export const DEFAULT_PERIOD: AnalyticsPeriod = "30d";

export const isAnalyticsPeriod = (value: unknown): value is AnalyticsPeriod => typeof value === "string" && Object.hasOwn(ANALYTICS_PERIODS, value);

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * The range of a period ending now: it starts at a bucket boundary so the first bucket is whole
 * (the current, partial bucket is the last one shown).
 */
export function periodRange(period: AnalyticsPeriod, now = new Date()): { from: Date; to: Date; granularity: Granularity } {
  const { hours, granularity } = ANALYTICS_PERIODS[period];
  const unit = granularity === "hour" ? HOUR_MS : DAY_MS;
  const buckets = (hours * HOUR_MS) / unit;
  const currentBucket = Math.floor(now.getTime() / unit) * unit;
  const from = new Date(currentBucket - (buckets - 1) * unit);
  return { from, to: now, granularity };
}
