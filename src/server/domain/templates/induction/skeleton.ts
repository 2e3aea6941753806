// Which tokens of a group's prompts may be template constants. A template's constant text recurs
// in every member, so a token is a candidate only when a 3-token shingle around it occurs in enough
// of the group's distinct prompts (at least two, and half of the group): the words of a long
// document, or phrases that values happen to share, do not, which keeps a 400-word value from
// drowning a 20-word instruction when prompts are compared.
import type { TokenizedPrompt } from "./tokenizer";

const SHINGLE = 3;
const SUPPORT = 0.5;
const WINDOW = 48;

function shingleHash(ids: Int32Array, at: number, width: number): number {
  let h1 = 0x811c9dc5 ^ width;
  let h2 = 0x01000193;
  for (let k = 0; k < width; k++) {
    h1 = Math.imul(h1 ^ ids[at + k], 0x01000193);
    h2 = Math.imul(h2 ^ (ids[at + k] + 0x9e3779b9), 0x85ebca6b);
  }
  // 53 bits from two 32-bit hashes: a collision only makes a token a candidate by mistake.
  return (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff);
}

/**
 * Shingle hashes of a prompt, one per start position, NaN outside its head and tail windows (short
 * prompts give one whole-prompt shingle). Only the first and last WINDOW tokens of a long prompt
 * are compared: an instruction sits before or after its document, and the middle of a long
 * prompt, where a document's own recurring phrases would pass for constants, is left to the
 * shell refinement (refine-pattern.ts).
 */
export function shinglesOf(ids: Int32Array): number[] {
  if (ids.length === 0) return [];
  const width = Math.min(SHINGLE, ids.length);
  const out: number[] = [];
  const n = ids.length;
  for (let i = 0; i + width <= n; i++) out.push(i + width <= WINDOW || i >= n - WINDOW ? shingleHash(ids, i, width) : NaN);
  return out;
}

export type Skeleton = {
  /** Ascending token indices that may be constants. */
  positions: Int32Array;
  /** Distinct supported shingle hashes (for candidate lookup). */
  shared: number[];
};

/** Skeletons of a group of distinct prompts (distinct: duplicates would count as support). */
export function skeletons(prompts: TokenizedPrompt[], group: number[]): Map<number, Skeleton> {
  const perPrompt = group.map((i) => shinglesOf(prompts[i].ids));
  const df = new Map<number, number>();
  for (const hashes of perPrompt) {
    for (const h of new Set(hashes)) if (!Number.isNaN(h)) df.set(h, (df.get(h) ?? 0) + 1);
  }
  const minimum = Math.max(2, Math.ceil(SUPPORT * group.length));
  const out = new Map<number, Skeleton>();
  group.forEach((index, g) => {
    const hashes = perPrompt[g];
    const n = prompts[index].ids.length;
    const width = Math.min(SHINGLE, n);
    const keep = new Uint8Array(n);
    const shared = new Set<number>();
    for (let i = 0; i < hashes.length; i++) {
      if ((df.get(hashes[i]) ?? 0) < minimum) continue;
      shared.add(hashes[i]);
      for (let k = 0; k < width; k++) keep[i + k] = 1;
    }
    const positions: number[] = [];
    for (let i = 0; i < n; i++) if (keep[i]) positions.push(i);
    out.set(index, { positions: Int32Array.from(positions), shared: [...shared] });
  });
  return out;
}
