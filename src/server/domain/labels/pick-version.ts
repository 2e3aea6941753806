// Which version a label serves to one request: its version, or with a split the second version for
// `splitPercent` % of requests. The random source is a parameter so tests can seed it.
export type LabelTarget<V> = { version: V; splitVersion: V | null; splitPercent: number };

/** A uniform number in [0, 1). */
export type RandomSource = () => number;

export function pickLabelVersion<V>(label: LabelTarget<V>, random: RandomSource = Math.random): { version: V; arm: "main" | "split" } {
  if (!label.splitVersion || label.splitPercent <= 0) return { version: label.version, arm: "main" };
  return random() * 100 < label.splitPercent ? { version: label.splitVersion, arm: "split" } : { version: label.version, arm: "main" };
}

/** mulberry32: a small seeded generator, for reproducible splits in tests and benchmarks. */
export function seededRandom(seed: number): RandomSource {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
