// The split's coin: each version at its weight over many draws (binomial tolerance), never the
// split version without a split, and the seeded source reproducible.
import { describe, expect, it } from "vitest";
import { seededRandom } from "@/shared/random/seeded-random";
import { pickLabelVersion } from "./pick-version";

describe("pickLabelVersion", () => {
  it.each([1, 10, 50, 99])("sends %i percent of requests to the split version within 4.5 standard deviations", (percent) => {
    const random = seededRandom(percent * 7919);
    const n = 20_000;
    let split = 0;
    for (let i = 0; i < n; i++) if (pickLabelVersion({ version: "a", splitVersion: "b", splitPercent: percent }, random).arm === "split") split++;
    const p = percent / 100;
    expect(Math.abs(split - n * p)).toBeLessThanOrEqual(4.5 * Math.sqrt(n * p * (1 - p)));
  });

  it("serves the label's version when there is no split", () => {
    expect(pickLabelVersion({ version: "a", splitVersion: null, splitPercent: 0 }, () => 0)).toEqual({ version: "a", arm: "main" });
    expect(pickLabelVersion({ version: "a", splitVersion: "b", splitPercent: 0 }, () => 0)).toEqual({ version: "a", arm: "main" });
  });

  it("splits on the boundary as [0, percent) → split", () => {
    const label = { version: "a", splitVersion: "b", splitPercent: 30 };
    expect(pickLabelVersion(label, () => 0.2999).version).toBe("b");
    expect(pickLabelVersion(label, () => 0.3).version).toBe("a");
  });

  it("repeats a seeded sequence", () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const first = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
