import { describe, expect, it } from "vitest";
import { withoutUnmanagedIndexDrops } from "./unmanaged-indexes";

describe("withoutUnmanagedIndexDrops", () => {
  it("accepts only the drops of the named HNSW indexes", () => {
    expect(withoutUnmanagedIndexDrops('-- DropIndex\nDROP INDEX "PromptEmbedding_local256_hnsw";\n')).toBe("");
    expect(withoutUnmanagedIndexDrops("-- This is an empty migration.\n")).toBe("");
    expect(withoutUnmanagedIndexDrops('-- DropIndex\nDROP INDEX "Prompt_title_trgm_idx";\n')).toBe('DROP INDEX "Prompt_title_trgm_idx"');
    expect(withoutUnmanagedIndexDrops('ALTER TABLE "Prompt" ADD COLUMN "x" INTEGER;\n')).toContain("ADD COLUMN");
  });
});
