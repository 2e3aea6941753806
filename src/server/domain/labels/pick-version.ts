// Which version a label serves to one request: its version, or with a split the second version for
// `splitPercent` % of requests. The random source is a parameter so tests can seed it.
import type { RandomSource } from "@/shared/random/seeded-random";

export type { RandomSource } from "@/shared/random/seeded-random";
export type LabelTarget<V> = { version: V; splitVersion: V | null; splitPercent: number };

export function pickLabelVersion<V>(label: LabelTarget<V>, random: RandomSource = Math.random): { version: V; arm: "main" | "split" } {
  if (!label.splitVersion || label.splitPercent <= 0) return { version: label.version, arm: "main" };
  return random() * 100 < label.splitPercent ? { version: label.splitVersion, arm: "split" } : { version: label.version, arm: "main" };
}
