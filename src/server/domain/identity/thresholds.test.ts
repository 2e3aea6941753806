import { expect, test } from "vitest";
import { decide } from "./decide";
import { LOCAL_MODEL } from "../embeddings/local-embedder";
import { OPENAI_MODEL } from "../embeddings/openai-embedder";
import { DEFAULT_THRESHOLDS, thresholdsFor } from "./thresholds";
import { capturedPromptTitle } from "./captured-prompt-title";

test("each model has its thresholds; overrides win; unknown models get the defaults", () => {
  expect(thresholdsFor(OPENAI_MODEL, undefined)).toEqual({ same: 0.95, variant: 0.7 });
  expect(thresholdsFor(LOCAL_MODEL, undefined).variant).toBe(0.7);
  expect(thresholdsFor(LOCAL_MODEL, { [LOCAL_MODEL]: { same: 0.9, variant: 0.5 } })).toEqual({ same: 0.9, variant: 0.5 });
  expect(thresholdsFor("some-other-model", undefined)).toEqual(DEFAULT_THRESHOLDS);
});

test("decide: same at or above `same`, variant in between, new below or with nothing to compare", () => {
  const t = { same: 0.95, variant: 0.7 };
  expect(decide(0.95, t)).toBe("same");
  expect(decide(0.9499, t)).toBe("variant");
  expect(decide(0.7, t)).toBe("variant");
  expect(decide(0.69, t)).toBe("new");
  expect(decide(null, t)).toBe("new");
});

test("captured prompt titles come from the first meaningful line", () => {
  expect(capturedPromptTitle("system: You are a helpful travel agent.\nuser: hi")).toBe("You are a helpful travel agent.");
  expect(capturedPromptTitle("\n\n# Invoice extractor\nExtract…")).toBe("Invoice extractor");
  expect(capturedPromptTitle("a".repeat(10) + " " + "word ".repeat(40)).length).toBeLessThanOrEqual(80);
  expect(capturedPromptTitle("  \n ok")).toBe("Captured prompt");
});
