// A small seeded generator (mulberry32): the same numbers for the same seed, so A/B splits in tests
// and the questions of benchmarks and generated evaluation sets are reproducible.

/** A uniform number in [0, 1). */
export type RandomSource = () => number;

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
