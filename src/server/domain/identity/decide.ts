// same / variant / new for a capture against its nearest prompt. The embedding finds the candidate
// and rules out the far ones; the words decide: identical once formatting, case, punctuation,
// numerals, typos and sentence order are folded away → same; an edit that leaves most of one text
// in place (constraints, counts, targets, tone, added or removed requirements) → variant; otherwise
// → new (a different task, even one wrapped in the same boilerplate). Measured by bench:identity on
// identity-pairs.fixture.ts.
import { diffInstructions } from "./instruction-diff";
import { EDIT_RULES, type Thresholds } from "./thresholds";

export type IdentityDecision = "same" | "variant" | "new";

/** The decision from the similarity alone (null: nothing to compare with). Used when the texts are unavailable. */
export function decide(similarity: number | null, thresholds: Thresholds): IdentityDecision {
  if (similarity === null) return "new";
  if (similarity >= thresholds.same) return "same";
  if (similarity >= thresholds.variant) return "variant";
  return "new";
}

export type IdentityInput = {
  /** The capture's identity text. */
  text: string;
  /** The nearest known prompt's text (null: nothing to compare with). */
  candidateText: string | null;
  /** Cosine between the two under the current embedder (null: no candidate). */
  similarity: number | null;
  thresholds: Thresholds;
};

/**
 * same / variant / new (see the header). Pure and bounded (instruction-diff.ts caps the words and
 * the edits): it runs once per distinct identity text against one candidate.
 */
export function decideIdentity(input: IdentityInput): IdentityDecision {
  const { candidateText, similarity, thresholds } = input;
  if (candidateText === null || similarity === null) return "new";
  // Far below the variant band: no edit of one prompt lands there; skip the word diff.
  if (similarity < thresholds.variant - EDIT_RULES.similarityMargin) return "new";
  const diff = diffInstructions(candidateText, input.text);
  if (diff.tooDifferent) return "new";
  if (diff.changedA === 0 && diff.changedB === 0) return "same";
  const kept = Math.max(1 - diff.changedA / Math.max(1, diff.lengthA), 1 - diff.changedB / Math.max(1, diff.lengthB));
  return kept >= EDIT_RULES.variantKeeps ? "variant" : "new";
}
