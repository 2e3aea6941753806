import { describe, expect, it } from "vitest";
import { contextTokensFor } from "./model-context";

describe("context windows", () => {
  it("knows the OpenAI and Anthropic families, specific names before general ones", () => {
    expect(contextTokensFor("gpt-4o-mini")).toBe(128_000);
    expect(contextTokensFor("gpt-4o-2024-08-06")).toBe(128_000);
    expect(contextTokensFor("gpt-4.1-nano")).toBe(1_047_576);
    expect(contextTokensFor("gpt-5-mini")).toBe(400_000);
    expect(contextTokensFor("gpt-3.5-turbo")).toBe(16_385);
    expect(contextTokensFor("o1-mini")).toBe(128_000);
    expect(contextTokensFor("o1")).toBe(200_000);
    expect(contextTokensFor("claude-3-5-haiku-latest")).toBe(200_000);
    expect(contextTokensFor("claude-sonnet-4-5")).toBe(200_000);
    expect(contextTokensFor("Claude-Opus-4-1-20250805")).toBe(200_000);
  });

  it("says unknown (null), never 0, for a model it does not know", () => {
    expect(contextTokensFor("llama3.2")).toBeNull();
    expect(contextTokensFor("gpt-4o-like-but-not")).toBe(128_000); // a family member by name
    expect(contextTokensFor("my-gpt-4o")).toBeNull();
    expect(contextTokensFor("")).toBeNull();
    expect(contextTokensFor(null)).toBeNull();
  });
});
