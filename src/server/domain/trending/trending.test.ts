import { describe, expect, it } from "vitest";
import { logAddExp, TRENDING_WEIGHTS, trendingTerm } from "./trending";

const day = 24 * 3600_000;
const now = new Date("2026-11-22T12:00:00Z");
const score = (events: Array<[keyof typeof TRENDING_WEIGHTS, Date]>) =>
  events.reduce((acc, [e, at]) => logAddExp(acc, trendingTerm(TRENDING_WEIGHTS[e], at)), 0);

describe("trending score", () => {
  it("halves an event's weight every three days", () => {
    const fresh = trendingTerm(1, now);
    const old = trendingTerm(1, new Date(now.getTime() - 3 * day));
    expect(Math.exp(old - fresh)).toBeCloseTo(0.5, 6);
  });

  it("ranks recent activity above more, older activity", () => {
    const recent = score([["like", now], ["like", now]]);
    const stale = score(Array.from({ length: 6 }, () => ["like", new Date(now.getTime() - 9 * day)] as ["like", Date]));
    expect(recent).toBeGreaterThan(stale);
  });

  it("adds in log space without overflow, even years from the epoch", () => {
    const far = new Date("2036-01-01T00:00:00Z");
    const s = logAddExp(trendingTerm(3, far), trendingTerm(3, far));
    expect(Number.isFinite(s)).toBe(true);
    expect(s - trendingTerm(3, far)).toBeCloseTo(Math.log(2), 9);
  });
});
