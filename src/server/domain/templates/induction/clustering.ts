// Greedy single-pass clustering of distinct prompts against cluster patterns (Drain-like: a prompt
// is compared only with the few clusters that share the most recurring shingles with it), with the
// LCS alignment as the similarity: the share of constants the prompt and the pattern have in
// common, over the larger of the two (the prompt counted by its candidate-constant tokens only, so
// long unique values do not count against it).
import { alignPattern, constantCount, fitSegments, patternOf, segmentsOf, type Pattern, type Segments } from "./shell";
import type { Skeleton } from "./skeleton";
import type { TokenizedPrompt } from "./tokenizer";

export type Cluster = { pattern: Pattern; constants: number; segments: Segments | null; members: number[] };

const CANDIDATES = 5;
const MAX_POSTING = 400;

export function similarity(constants: number, skeletonLength: number, matched: number): number {
  const denominator = Math.max(constants, skeletonLength);
  return denominator === 0 ? 0 : matched / denominator;
}

/** Clusters the prompts of one group (`group`: indices into `prompts`; members are such indices). */
export function clusterPrompts(prompts: TokenizedPrompt[], group: number[], skeletons: Map<number, Skeleton>, threshold: number): Cluster[] {
  const clusters: Cluster[] = [];
  const postings = new Map<number, number[]>();
  const votes = new Map<number, number>();

  for (const index of group) {
    const { ids } = prompts[index];
    const { positions, shared } = skeletons.get(index) as Skeleton;

    votes.clear();
    for (const h of shared) {
      const list = postings.get(h);
      if (!list || list.length > MAX_POSTING) continue;
      for (const c of list) votes.set(c, (votes.get(c) ?? 0) + 1);
    }
    const candidates = [...votes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, CANDIDATES);

    let best: { cluster: Cluster; sim: number; merged: Pattern | null } | null = null;
    for (const [c] of candidates) {
      const cluster = clusters[c];
      cluster.segments ??= segmentsOf(cluster.pattern);
      let sim: number;
      let merged: Pattern | null = null;
      if (fitSegments(cluster.segments, ids)) sim = similarity(cluster.constants, positions.length, cluster.constants);
      else {
        const alignment = alignPattern(cluster.pattern, ids, positions);
        sim = similarity(cluster.constants, positions.length, alignment.matched);
        merged = alignment.merged;
      }
      if (sim >= threshold && (!best || sim > best.sim)) best = { cluster, sim, merged };
    }

    if (best) {
      best.cluster.members.push(index);
      if (best.merged) {
        best.cluster.pattern = best.merged;
        best.cluster.constants = constantCount(best.merged);
        best.cluster.segments = null;
      }
      continue;
    }
    const keep = new Uint8Array(ids.length);
    for (const p of positions) keep[p] = 1;
    const pattern = patternOf(ids, (i) => keep[i] === 1);
    const id = clusters.length;
    clusters.push({ pattern, constants: constantCount(pattern), segments: null, members: [index] });
    for (const h of shared) {
      const list = postings.get(h);
      if (list) list.push(id);
      else postings.set(h, [id]);
    }
  }
  return clusters;
}
