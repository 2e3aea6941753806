import { describe, expect, it } from "vitest";
import { lcsPairs } from "./lcs";
import { alignPattern, fitSegments, mergePatterns, segmentsOf, SLOT } from "./shell";

const ids = (...xs: number[]) => Int32Array.from(xs);
const all = (n: number) => Int32Array.from({ length: n }, (_x, i) => i);

describe("lcsPairs", () => {
  it("finds a longest common subsequence with its index pairs", () => {
    const pairs = lcsPairs([1, 2, 3, 4, 5], [1, 9, 3, 4, 8, 5]);
    expect(pairs).toEqual([
      [0, 0],
      [2, 2],
      [3, 3],
      [4, 5],
    ]);
  });

  it("handles shared prefixes and suffixes around a differing middle, and empty inputs", () => {
    expect(lcsPairs([7, 7, 1, 2, 8], [7, 7, 3, 8]).map(([a]) => a)).toEqual([0, 1, 4]);
    expect(lcsPairs([], [1, 2])).toEqual([]);
    expect(lcsPairs([1, 2], [3, 4])).toEqual([]);
  });
});

describe("LCS shells", () => {
  it("turns every place where either side has something unmatched into one slot", () => {
    // "Write a haiku about X ." merged with "Write a haiku about Y Z ."
    const a = ids(1, 2, 3, 4, 10, 5);
    const b = ids(1, 2, 3, 4, 11, 12, 5);
    const { matched, merged } = alignPattern(a, b, all(b.length));
    expect(matched).toBe(5);
    expect([...merged]).toEqual([1, 2, 3, 4, SLOT, 5]);
  });

  it("keeps existing slots and adds slots at the ends", () => {
    const pattern = ids(SLOT, 1, 2, SLOT, 3);
    const { merged } = alignPattern(pattern, ids(1, 2, 3, 9), all(4));
    expect([...merged]).toEqual([SLOT, 1, 2, SLOT, 3, SLOT]);
  });

  it("only uses the candidate positions it is given (the rest can only be values)", () => {
    const { matched, merged } = alignPattern(ids(1, 2, 3), ids(1, 2, 3), ids(0, 2));
    expect(matched).toBe(2);
    expect([...merged]).toEqual([1, SLOT, 3]);
  });

  it("merges two patterns into their common constants", () => {
    const { matched, merged } = mergePatterns(ids(1, 2, SLOT, 3, 4), ids(1, 2, 7, 3, SLOT, 4));
    expect(matched).toBe(4);
    expect([...merged]).toEqual([1, 2, SLOT, 3, SLOT, 4]);
  });
});

describe("fitSegments (value extraction)", () => {
  it("returns the token span of every slot", () => {
    const segments = segmentsOf(ids(1, 2, SLOT, 3, SLOT));
    expect(fitSegments(segments, ids(1, 2, 8, 8, 3, 9))).toEqual([
      [2, 4],
      [5, 6],
    ]);
  });

  it("anchors the first and last runs when there is no slot outside them", () => {
    const segments = segmentsOf(ids(1, SLOT, 2));
    expect(fitSegments(segments, ids(1, 5, 2))).toEqual([[1, 2]]);
    expect(fitSegments(segments, ids(0, 1, 5, 2))).toBeNull();
    expect(fitSegments(segments, ids(1, 5, 2, 0))).toBeNull();
    // A value may contain the last constant: the last run is taken at the very end.
    expect(fitSegments(segments, ids(1, 2, 5, 2))).toEqual([[1, 3]]);
  });

  it("allows empty values and refuses texts missing a constant", () => {
    const segments = segmentsOf(ids(SLOT, 1, SLOT, 2, SLOT));
    expect(fitSegments(segments, ids(1, 2))).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
    expect(fitSegments(segments, ids(1, 3))).toBeNull();
  });
});
