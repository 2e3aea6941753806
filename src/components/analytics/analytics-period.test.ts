import { describe, expect, test } from "vitest";
import { ANALYTICS_MAX_DAYS, ANALYTICS_MAX_HOUR_DAYS } from "@/shared/analytics/analytics-figures";
import { ANALYTICS_PERIODS, isAnalyticsPeriod, periodRange, type AnalyticsPeriod } from "./analytics-period";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = new Date("2026-11-25T14:37:12.345Z");

describe("periodRange", () => {
  test("each period ends now and starts on a bucket boundary, with one bucket per hour or day of it", () => {
    expect(periodRange("24h", now)).toEqual({ from: new Date("2026-11-24T15:00:00Z"), to: now, granularity: "hour" });
    expect(periodRange("7d", now)).toEqual({ from: new Date("2026-11-19T00:00:00Z"), to: now, granularity: "day" });
    expect(periodRange("30d", now)).toEqual({ from: new Date("2026-10-27T00:00:00Z"), to: now, granularity: "day" });
    expect(periodRange("90d", now).from).toEqual(new Date("2026-08-28T00:00:00Z"));
  });

  test("every period is within the API's range limits", () => {
    for (const period of Object.keys(ANALYTICS_PERIODS) as AnalyticsPeriod[]) {
      const { from, to, granularity } = periodRange(period, now);
      const days = (to.getTime() - from.getTime()) / DAY;
      expect(from.getTime()).toBeLessThan(to.getTime());
      expect(days).toBeLessThanOrEqual(granularity === "hour" ? ANALYTICS_MAX_HOUR_DAYS : ANALYTICS_MAX_DAYS);
    }
  });

  test("only the known periods are accepted from a URL", () => {
    expect(isAnalyticsPeriod("7d")).toBe(true);
    for (const junk of ["7", "toString", "", undefined, ["7d"]]) expect(isAnalyticsPeriod(junk)).toBe(false);
  });
});
