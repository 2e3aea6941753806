import { describe, expect, test } from "vitest";
import { niceTicks } from "./nice-axis";

describe("niceTicks", () => {
  test("round steps from zero to just above the largest value", () => {
    expect(niceTicks(29, 4)).toEqual([0, 10, 20, 30]);
    expect(niceTicks(294, 4)).toEqual([0, 100, 200, 300]);
    expect(niceTicks(14, 4)).toEqual([0, 5, 10, 15]);
    expect(niceTicks(7, 4)).toEqual([0, 2, 4, 6, 8]);
  });
  test("an empty chart still has an axis of whole units", () => {
    expect(niceTicks(0, 4)).toEqual([0, 1, 2, 3, 4]);
    expect(niceTicks(0, 400)).toEqual([0, 100, 200, 300, 400]);
  });
  test("a negative value (refunds) takes the axis below zero", () => {
    expect(niceTicks(1500, 400, -499)).toEqual([-500, 0, 500, 1000, 1500]);
  });
  test("the top tick is never below the largest value", () => {
    for (const max of [1, 3, 9, 11, 99, 101, 1234, 98_765]) expect(niceTicks(max, 4).at(-1)).toBeGreaterThanOrEqual(max);
  });
});
