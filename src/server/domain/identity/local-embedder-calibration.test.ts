import { describe, expect, test } from "vitest";
import { DIFFERENT_QUESTION, NEAR_DUPLICATES, UNRELATED, VARIANTS, type CalibrationPair } from "./calibration-pairs.fixture";
import { decide } from "./decide";
import { cosine, embedLocally, localEmbedder, LOCAL_MODEL } from "../embeddings/local-embedder";
import { thresholdsFor } from "./thresholds";

const similarity = (p: CalibrationPair) => cosine(embedLocally(p.a), embedLocally(p.b));
const thresholds = thresholdsFor(LOCAL_MODEL, undefined);

function report(name: string, pairs: CalibrationPair[]) {
  const sims = pairs.map((p) => ({ label: p.label, similarity: Number(similarity(p).toFixed(3)) }));
  const values = sims.map((s) => s.similarity);
  console.log(`[calibration] ${name}: ${Math.min(...values).toFixed(3)}–${Math.max(...values).toFixed(3)}\n${sims.map((s) => `  ${s.similarity.toFixed(3)}  ${s.label}`).join("\n")}`);
  return sims;
}

describe("local embedder", () => {
  test("is deterministic, unit length, 256 dimensions, and records its model", async () => {
    const [a, b] = await localEmbedder.embed(["Summarise this text.", "Summarise this text."]);
    expect(a).toHaveLength(256);
    expect(a).toEqual(b);
    expect(Math.hypot(...a)).toBeCloseTo(1, 10);
    expect(localEmbedder.model).toBe(LOCAL_MODEL);
    expect(localEmbedder.column).toBe("local256");
  });

  test("ignores case, whitespace and punctuation", () => {
    expect(cosine(embedLocally("Hello,   WORLD!\nHow are you?"), embedLocally("hello world how are you"))).toBeCloseTo(1, 10);
  });

  // Calibration: each class of realistic pair falls in its own band with the default thresholds.
  test("near-duplicates are the same prompt", () => {
    for (const s of report("near-duplicates", NEAR_DUPLICATES)) expect({ ...s, decision: decide(s.similarity, thresholds) }).toMatchObject({ decision: "same" });
  });

  test("edited prompts are variants", () => {
    for (const s of report("variants", VARIANTS)) expect({ ...s, decision: decide(s.similarity, thresholds) }).toMatchObject({ decision: "variant" });
  });

  test("unrelated prompts are new", () => {
    for (const s of report("unrelated", UNRELATED)) expect({ ...s, decision: decide(s.similarity, thresholds) }).toMatchObject({ decision: "new" });
  });

  test("a whole different user question is a variant-sized edit, never unrelated (documented limit)", () => {
    for (const s of report("different question", DIFFERENT_QUESTION)) expect(s.similarity).toBeGreaterThanOrEqual(thresholds.variant);
  });

  test("bands leave a margin around the thresholds", () => {
    const min = (pairs: CalibrationPair[]) => Math.min(...pairs.map(similarity));
    const max = (pairs: CalibrationPair[]) => Math.max(...pairs.map(similarity));
    expect(min(NEAR_DUPLICATES) - thresholds.same).toBeGreaterThanOrEqual(0.01);
    expect(thresholds.same - max(VARIANTS)).toBeGreaterThanOrEqual(0.01);
    expect(min(VARIANTS) - thresholds.variant).toBeGreaterThanOrEqual(0.05);
    expect(thresholds.variant - max(UNRELATED)).toBeGreaterThanOrEqual(0.2);
  });
});
