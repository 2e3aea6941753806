import { describe, expect, it } from "vitest";
import { costUsd, priceFor } from "./model-prices";

const at = new Date("2025-12-01T00:00:00Z");

describe("priceFor", () => {
  it("picks the most specific family first", () => {
    expect(priceFor("gpt-4o-mini-2024-07-18", at)?.input).toBe(0.15);
    expect(priceFor("gpt-4o", at)?.input).toBe(2.5);
    expect(priceFor("gpt-4.1-mini", at)?.input).toBe(0.4);
    expect(priceFor("claude-sonnet-4-5-20250929", at)?.output).toBe(15);
    expect(priceFor("claude-3-5-haiku-latest", at)?.input).toBe(0.8);
  });

  it("applies the price in effect at the call's date", () => {
    expect(priceFor("o3", new Date("2025-05-01T00:00:00Z"))?.input).toBe(10);
    expect(priceFor("o3", new Date("2025-07-01T00:00:00Z"))?.input).toBe(2);
    expect(priceFor("gpt-4o", new Date("2024-06-01T00:00:00Z"))?.input).toBe(5);
    expect(priceFor("o3", new Date("2024-01-01T00:00:00Z"))).toBeNull();
  });

  it("knows no price for unknown or missing models", () => {
    expect(priceFor("my-local-llama", at)).toBeNull();
    expect(priceFor(null, at)).toBeNull();
  });
});

describe("costUsd", () => {
  it("prices input, cached input and output tokens separately", () => {
    // gpt-4o: 2.5 in, 1.25 cached, 10 out per 1M
    expect(costUsd("gpt-4o", { inputTokens: 1000, cachedTokens: 400, outputTokens: 200 }, at)).toBe(
      ((600 * 2.5 + 400 * 1.25 + 200 * 10) / 1e6).toFixed(10),
    );
  });

  it("prices Anthropic cache writes at the write rate", () => {
    // claude-sonnet-4: 3 in, 0.3 read, 3.75 write, 15 out
    const usage = { inputTokens: 100 + 50 + 20, cachedTokens: 50, cacheWriteTokens: 20, outputTokens: 10 };
    expect(costUsd("claude-sonnet-4-20250514", usage, at)).toBe(((100 * 3 + 50 * 0.3 + 20 * 3.75 + 10 * 15) / 1e6).toFixed(10));
  });

  it("is unknown, not zero, for an unknown model", () => {
    expect(costUsd("mystery-model", { inputTokens: 10, cachedTokens: 0, outputTokens: 10 }, at)).toBeNull();
  });
});
