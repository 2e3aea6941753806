// The shell of a cluster as a token pattern: constant token ids with SLOT where members differ.
// Merging a new member keeps the longest common subsequence of the pattern's constants and the
// member's tokens; any place where either side has something unmatched becomes one slot. Fitting
// finds the constant segments of a pattern in a member, which yields the value spans.
import { lcsPairs } from "./lcs";

export const SLOT = -1;

export type Pattern = Int32Array;

/** Pattern of a single prompt: its candidate-constant tokens, the rest folded into slots. */
export function patternOf(ids: Int32Array, constant: (index: number) => boolean): Pattern {
  const out: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    if (constant(i)) out.push(ids[i]);
    else if (out[out.length - 1] !== SLOT) out.push(SLOT);
  }
  return Int32Array.from(out);
}

export function constantCount(pattern: Pattern): number {
  let n = 0;
  for (const item of pattern) if (item !== SLOT) n++;
  return n;
}

export function slotCount(pattern: Pattern): number {
  let n = 0;
  for (const item of pattern) if (item === SLOT) n++;
  return n;
}

export type Alignment = { matched: number; merged: Pattern };

/**
 * Aligns a pattern with a prompt's tokens restricted to `positions` (ascending token indices that
 * may be constants) and returns how many constants matched and the merged pattern.
 */
export function alignPattern(pattern: Pattern, ids: Int32Array, positions: ArrayLike<number>): Alignment {
  const constIndex: number[] = [];
  const constIds: number[] = [];
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] !== SLOT) {
      constIndex.push(i);
      constIds.push(pattern[i]);
    }
  }
  const candidate = new Int32Array(positions.length);
  for (let k = 0; k < positions.length; k++) candidate[k] = ids[positions[k]];
  const pairs = lcsPairs(constIds, candidate);

  const merged: number[] = [];
  const gap = () => {
    if (merged[merged.length - 1] !== SLOT) merged.push(SLOT);
  };
  let prevItem = -1;
  let prevToken = -1;
  for (const [c, p] of pairs) {
    const item = constIndex[c];
    const token = positions[p];
    if (item > prevItem + 1 || token > prevToken + 1) gap();
    merged.push(pattern[item]);
    prevItem = item;
    prevToken = token;
  }
  if (prevItem < pattern.length - 1 || prevToken < ids.length - 1) gap();
  return { matched: pairs.length, merged: Int32Array.from(merged) };
}

/** Constant segments of a pattern (maximal runs between slots) and whether it starts/ends with a slot. */
export type Segments = { runs: Int32Array[]; leadingSlot: boolean; trailingSlot: boolean };

export function segmentsOf(pattern: Pattern): Segments {
  const runs: Int32Array[] = [];
  let current: number[] = [];
  for (const item of pattern) {
    if (item === SLOT) {
      if (current.length) runs.push(Int32Array.from(current));
      current = [];
    } else current.push(item);
  }
  if (current.length) runs.push(Int32Array.from(current));
  return { runs, leadingSlot: pattern[0] === SLOT, trailingSlot: pattern.length > 0 && pattern[pattern.length - 1] === SLOT };
}

function findRun(ids: Int32Array, run: Int32Array, from: number, to: number): number {
  const last = to - run.length;
  outer: for (let i = from; i <= last; i++) {
    for (let k = 0; k < run.length; k++) if (ids[i + k] !== run[k]) continue outer;
    return i;
  }
  return -1;
}

/**
 * Where a prompt's tokens fit the segments: the token span [start, end) of every slot, in order,
 * or null when it does not fit. Middle segments are taken at their first occurrence (this decides
 * feasibility exactly: the first and last segments are anchored when there is no slot outside them).
 */
export function fitSegments(segments: Segments, ids: Int32Array): Array<[number, number]> | null {
  const { runs, leadingSlot, trailingSlot } = segments;
  const n = ids.length;
  if (runs.length === 0) return leadingSlot ? [[0, n]] : n === 0 ? [] : null;
  const spans: Array<[number, number]> = [];
  let pos = 0;
  let end = n;
  let firstRun = 0;
  let lastRun = runs.length - 1;
  if (!leadingSlot) {
    if (findRun(ids, runs[0], 0, runs[0].length) !== 0) return null;
    pos = runs[0].length;
    firstRun = 1;
  }
  if (!trailingSlot) {
    const last = runs[runs.length - 1];
    if (lastRun < firstRun) {
      // A single run that is both anchored at the start and the end: the prompt is exactly it.
      return pos === n ? spans : null;
    }
    if (n - last.length < pos || findRun(ids, last, n - last.length, n) !== n - last.length) return null;
    end = n - last.length;
    lastRun--;
  }
  for (let r = firstRun; r <= lastRun; r++) {
    const at = findRun(ids, runs[r], pos, end);
    if (at < 0) return null;
    spans.push([pos, at]);
    pos = at + runs[r].length;
  }
  spans.push([pos, end]);
  return spans;
}

/** Merges two patterns: their common constants, a slot wherever either had anything else. */
export function mergePatterns(a: Pattern, b: Pattern): Alignment {
  const index = (p: Pattern) => {
    const at: number[] = [];
    const ids: number[] = [];
    p.forEach((item, i) => {
      if (item !== SLOT) {
        at.push(i);
        ids.push(item);
      }
    });
    return { at, ids };
  };
  const A = index(a);
  const B = index(b);
  const pairs = lcsPairs(A.ids, B.ids);
  const merged: number[] = [];
  const gap = () => {
    if (merged[merged.length - 1] !== SLOT) merged.push(SLOT);
  };
  let prevA = -1;
  let prevB = -1;
  for (const [i, j] of pairs) {
    const ia = A.at[i];
    const jb = B.at[j];
    if (ia > prevA + 1 || jb > prevB + 1) gap();
    merged.push(a[ia]);
    prevA = ia;
    prevB = jb;
  }
  if (prevA < a.length - 1 || prevB < b.length - 1) gap();
  return { matched: pairs.length, merged: Int32Array.from(merged) };
}
