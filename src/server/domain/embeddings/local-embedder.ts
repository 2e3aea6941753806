// The default embedder: deterministic, offline, no model weights. Hashed features of the normalised
// text (character 3–4-grams inside words, word unigrams, bigrams and trigrams) are summed into 256 signed
// buckets with sublinear term frequency, then L2-normalised. Calibrated in local-embedder.test.ts.
import { assertColumnFits, type Embedder } from "./embedder";

export const LOCAL_MODEL = "local-ngram-256";
const DIMENSIONS = 256;

/** Lower case, Unicode-normalised, punctuation and whitespace folded to single spaces. */
export function normaliseForEmbedding(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** FNV-1a with murmur3's finaliser: FNV's low bits alone are too weak to pick a bucket and a sign. */
function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** Word-level features weigh more than character n-grams: edits to wording move the vector further
 * than the n-grams every English text shares. Tuned on calibration-pairs.fixture.ts. */
const FEATURE_SCALE: Record<string, number> = { w: 2, b: 1.5, t: 2, c: 1 };

/** Feature → weight before hashing. Exported for the calibration test's diagnostics. */
export function features(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (feature: string, weight: number) => counts.set(feature, (counts.get(feature) ?? 0) + weight);
  const words = normaliseForEmbedding(text).split(" ").filter(Boolean);
  for (const word of words) {
    add(`w:${word}`, 1);
    const padded = ` ${word} `;
    for (let n = 3; n <= 4; n++) {
      for (let i = 0; i + n <= padded.length; i++) add(`c${n}:${padded.slice(i, i + n)}`, 1);
    }
  }
  for (let i = 0; i + 1 < words.length; i++) add(`b:${words[i]} ${words[i + 1]}`, 1);
  for (let i = 0; i + 2 < words.length; i++) add(`t:${words[i]} ${words[i + 1]} ${words[i + 2]}`, 1);
  return counts;
}

export function embedLocally(text: string): number[] {
  const vector = new Array<number>(DIMENSIONS).fill(0);
  for (const [feature, count] of features(text)) {
    const weight = 1 + Math.log(count);
    const scale = FEATURE_SCALE[feature[0]] ?? 1;
    const hash = hash32(feature);
    const sign = hash >>> 31 ? 1 : -1;
    vector[hash % DIMENSIONS] += sign * weight * scale;
  }
  const norm = Math.hypot(...vector);
  return norm === 0 ? vector : vector.map((v) => v / norm);
}

export const cosine = (a: number[], b: number[]) => a.reduce((sum, v, i) => sum + v * b[i], 0);

export const localEmbedder: Embedder = {
  model: LOCAL_MODEL,
  dimensions: DIMENSIONS,
  column: "local256",
  embed: async (texts) => texts.map(embedLocally),
};
assertColumnFits(LOCAL_MODEL, "local256", DIMENSIONS);
