// Second pass: clusters from different prefix groups (or split by a value early in the prompt,
// e.g. one per language) are merged when their patterns are similar at the threshold: the shared
// constants over the larger pattern's constants; or when one pattern is (at the threshold)
// contained in the other and everything the other adds sits in its slots (the larger one only
// froze what its few members happened to share inside a value, like "a {{…}} at night").
import type { Cluster } from "./clustering";
import { constantCount, mergePatterns, SLOT, slotCount, type Pattern } from "./shell";
import { appendAll } from "./append-all";

const CANDIDATES = 8;
const CONTAINER_MIN = 4;

function patternShingles(pattern: Pattern): number[] {
  const out = new Set<number>();
  for (let i = 0; i + 2 < pattern.length; i++) {
    if (pattern[i] === SLOT || pattern[i + 1] === SLOT || pattern[i + 2] === SLOT) continue;
    out.add((pattern[i] * 1_000_003 + pattern[i + 1]) * 1_000_033 + pattern[i + 2]);
  }
  return [...out];
}

export function mergeClusters(clusters: Cluster[], threshold: number): Cluster[] {
  const order = clusters.filter((c) => c.constants > 0).sort((a, b) => b.members.length - a.members.length || b.constants - a.constants);
  const kept: Cluster[] = [];
  const postings = new Map<number, number[]>();
  for (const cluster of order) {
    const shingles = patternShingles(cluster.pattern);
    const votes = new Map<number, number>();
    for (const h of shingles) for (const k of postings.get(h) ?? []) votes.set(k, (votes.get(k) ?? 0) + 1);
    const candidates = [...votes.entries()].sort((a, b) => b[1] - a[1]).slice(0, CANDIDATES);
    let best: { k: number; sim: number; merged: Pattern } | null = null;
    for (const [k] of candidates) {
      const target = kept[k];
      const { matched, merged } = mergePatterns(target.pattern, cluster.pattern);
      const smaller = target.constants <= cluster.constants ? target : cluster;
      let sim = matched / Math.max(target.constants, cluster.constants);
      // Containment only into a pattern that is itself a plausible shell, not a few recurring words.
      const plausible = smaller.constants >= CONTAINER_MIN && smaller.constants >= 3 * slotCount(smaller.pattern);
      if (sim < threshold && plausible && matched / smaller.constants >= threshold && slotCount(merged) <= slotCount(smaller.pattern)) sim = matched / smaller.constants;
      if (sim >= threshold && (!best || sim > best.sim)) best = { k, sim, merged };
    }
    if (best) {
      const target = kept[best.k];
      appendAll(target.members, cluster.members);
      target.pattern = best.merged;
      target.constants = constantCount(best.merged);
      target.segments = null;
      continue;
    }
    const k = kept.length;
    kept.push(cluster);
    for (const h of shingles) {
      const list = postings.get(h);
      if (list) list.push(k);
      else postings.set(h, [k]);
    }
  }
  return [...kept, ...clusters.filter((c) => c.constants === 0)];
}
