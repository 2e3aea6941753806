// Identity thresholds per embedding model: cosine ≥ same → the same prompt; ≥ variant → a variant
// (fork with lineage); below → a new prompt. Each model's similarities have their own scale, so
// each has its own pair. IDENTITY_THRESHOLDS (JSON) overrides any entry.
import { env } from "@/env";
import { LOCAL_MODEL } from "../embeddings/local-embedder";
import { OPENAI_MODEL } from "../embeddings/openai-embedder";

export type Thresholds = { same: number; variant: number };

export const DEFAULT_THRESHOLDS: Thresholds = { same: 0.95, variant: 0.7 };

/**
 * local-ngram-256, calibrated in local-embedder.test.ts on calibration-pairs.fixture.ts: near-duplicates
 * 0.957–1.000, variants 0.776–0.933, unrelated −0.04–0.33. "same" sits in the middle of the gap.
 */
export const MODEL_THRESHOLDS: Record<string, Thresholds> = {
  [LOCAL_MODEL]: { same: 0.945, variant: 0.7 },
  [OPENAI_MODEL]: { same: 0.95, variant: 0.7 },
};

/**
 * The word stage of decideIdentity (decide.ts), the same for every model. `variantKeeps`: an edit is
 * a variant when at least this share of one text's words is untouched (the library prompt's, for an
 * addition; the capture's, for a removal); tuned on the tuning half of identity-pairs.fixture.ts
 * (different tasks sharing boilerplate keep 0.4–0.68, variants with several edits 0.70+).
 * `similarityMargin`: below thresholds.variant by more than this, the texts are not compared at all.
 */
export const EDIT_RULES = { variantKeeps: 0.7, similarityMargin: 0.25 } as const;

export function thresholdsFor(model: string, overrides: Record<string, Thresholds> | undefined = env.IDENTITY_THRESHOLDS): Thresholds {
  return overrides?.[model] ?? MODEL_THRESHOLDS[model] ?? DEFAULT_THRESHOLDS;
}
