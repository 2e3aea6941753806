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

export function thresholdsFor(model: string, overrides: Record<string, Thresholds> | undefined = env.IDENTITY_THRESHOLDS): Thresholds {
  return overrides?.[model] ?? MODEL_THRESHOLDS[model] ?? DEFAULT_THRESHOLDS;
}
