// Pure figures of a benchmark run: percentiles of latencies (nearest rank) and a per-kind summary.

/** The q-th percentile (0 < q ≤ 1) of ascending `sorted` by nearest rank; NaN when empty. */
export function percentile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export type LatencySummary = { count: number; p50: number; p95: number; p99: number; max: number };

/** p50/p95/p99 and max of unsorted latencies (the input is not modified). */
export function summarise(latencies: readonly number[]): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
  };
}

/** Whether `after` is within `share` (0.2 = 20%) of `before`, in either direction. */
export function withinShare(before: number, after: number, share: number): boolean {
  return before > 0 && Math.abs(after - before) <= share * before;
}
