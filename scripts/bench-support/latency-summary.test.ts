import { describe, expect, it } from "vitest";
import { percentile, summarise, withinShare } from "./latency-summary";

describe("percentile", () => {
  it("takes the nearest rank", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 0.5)).toBe(50);
    expect(percentile(sorted, 0.95)).toBe(95);
    expect(percentile(sorted, 0.99)).toBe(99);
    expect(percentile(sorted, 1)).toBe(100);
  });

  it("answers the only value of a one-element list and NaN for none", () => {
    expect(percentile([7], 0.5)).toBe(7);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([], 0.5)).toBeNaN();
  });

  it("rounds the rank up on small lists", () => {
    expect(percentile([1, 2, 3], 0.5)).toBe(2);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(percentile([1, 2, 3, 4], 0.95)).toBe(4);
  });
});

describe("summarise", () => {
  it("sorts a copy and reports count, percentiles and max", () => {
    const input = [30, 10, 20, 50, 40];
    expect(summarise(input)).toEqual({ count: 5, p50: 30, p95: 50, p99: 50, max: 50 });
    expect(input).toEqual([30, 10, 20, 50, 40]);
  });

  it("gives NaN figures for no latencies", () => {
    const s = summarise([]);
    expect(s.count).toBe(0);
    expect(s.p95).toBeNaN();
    expect(s.max).toBeNaN();
  });
});

describe("withinShare", () => {
  it("accepts a change up to the share either way", () => {
    expect(withinShare(100, 120, 0.2)).toBe(true);
    expect(withinShare(100, 80, 0.2)).toBe(true);
    expect(withinShare(100, 121, 0.2)).toBe(false);
    expect(withinShare(100, 79, 0.2)).toBe(false);
  });

  it("refuses a missing baseline", () => {
    expect(withinShare(0, 0, 0.2)).toBe(false);
  });
});
