import type { Thresholds } from "./thresholds";

export type IdentityDecision = "same" | "variant" | "new";

/** The decision for a captured prompt given its similarity to the nearest known prompt (null: none). */
export function decide(similarity: number | null, thresholds: Thresholds): IdentityDecision {
  if (similarity === null) return "new";
  if (similarity >= thresholds.same) return "same";
  if (similarity >= thresholds.variant) return "variant";
  return "new";
}
