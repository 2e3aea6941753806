// Whether two versions' error rates differ by more than chance: a two-proportion z-test at the 95%
// level (|z| > 1.96), used to mark the better version of an A/B split only when the data say so.

export type ErrorCounts = { calls: number; errors: number };

/** Which of the two has the lower error rate, significantly; null when the difference may be chance. */
export function lowerErrorRate(a: ErrorCounts, b: ErrorCounts, zCritical = 1.96): "a" | "b" | null {
  if (a.calls === 0 || b.calls === 0) return null;
  const pa = a.errors / a.calls;
  const pb = b.errors / b.calls;
  const pooled = (a.errors + b.errors) / (a.calls + b.calls);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.calls + 1 / b.calls));
  if (se === 0) return null;
  const z = (pa - pb) / se;
  if (Math.abs(z) <= zCritical) return null;
  return z < 0 ? "a" : "b";
}
