import { describe, expect, it } from "vitest";
import { nextAssertionKey, toAssertion, newAssertionDraft } from "./assertion-builder";
import { formatContext, formatCost, formatMs, formatPricePerMTok } from "./harness-format";
import { applyRunEvent } from "./use-live-run";
import type { RunView } from "./run-types";

describe("the Test tab's numbers", () => {
  it("writes an unknown cost or price as unknown, never $0", () => {
    expect(formatCost(null)).toBe("unknown");
    expect(formatCost("0.0000310000")).toBe("$0.000031");
    expect(formatCost("0.0123400000")).toBe("$0.0123");
    expect(formatCost("12.5")).toBe("$12.50");
    expect(formatPricePerMTok(null, 0.6)).toBe("price unknown");
    expect(formatPricePerMTok(0.15, 0.6)).toBe("$0.15 / $0.6 per 1M");
    expect(formatPricePerMTok(3, 15)).toBe("$3 / $15 per 1M");
    expect(formatContext(null)).toBe("context unknown");
    expect(formatContext(128_000)).toBe("128k context");
    expect(formatContext(1_047_576)).toBe("1M context");
    expect(formatMs(null)).toBe("—");
    expect(formatMs(640)).toBe("640 ms");
    expect(formatMs(1234)).toBe("1.23 s");
  });
});

describe("assertion drafts", () => {
  const draft = (type: Parameters<typeof newAssertionDraft>[0], value: string, extra: Partial<ReturnType<typeof newAssertionDraft>> = {}) => ({ ...newAssertionDraft(type, value), ...extra });
  it("turn into the API's assertions", () => {
    expect(toAssertion(draft("contains", "Summary:"))).toEqual({ assertion: { type: "contains", value: "Summary:" } });
    expect(toAssertion(draft("latency", "3000"))).toEqual({ assertion: { type: "latency", value: 3000 } });
    expect(toAssertion(draft("is-json", ""))).toEqual({ assertion: { type: "is-json" } });
    expect(toAssertion(draft("is-json", '{"type":"object"}'))).toEqual({ assertion: { type: "is-json", value: { type: "object" } } });
    expect(toAssertion(draft("similar", "a reference", { threshold: "0.9" }))).toEqual({ assertion: { type: "similar", value: "a reference", threshold: 0.9 } });
    expect(toAssertion(draft("llm-rubric", "Is polite", { judge: "openai/gpt-4o-mini" }))).toEqual({ assertion: { type: "llm-rubric", value: "Is polite", provider: "openai", model: "gpt-4o-mini" } });
  });
  it("get keys from their list, the same on the server and in the browser", () => {
    expect(newAssertionDraft().key).toBe(0);
    expect(nextAssertionKey([])).toBe(0);
    expect(nextAssertionKey([draft("contains", "a"), draft("contains", "b", { key: 3 })])).toBe(4);
  });
  it("name what is wrong", () => {
    expect(toAssertion(draft("contains", ""))).toEqual({ error: "Text is required" });
    expect(toAssertion(draft("latency", "soon"))).toMatchObject({ error: expect.stringMatching(/^Milliseconds /) });
    expect(toAssertion(draft("regex", "(unclosed"))).toMatchObject({ error: expect.stringMatching(/not a valid regex/) });
    expect(toAssertion(draft("is-json", "{nope"))).toMatchObject({ error: expect.stringMatching(/JSON Schema is not JSON/) });
    expect(toAssertion(draft("similar", "x", { threshold: "2" }))).toMatchObject({ error: expect.stringMatching(/threshold must be between 0 and 1/) });
  });
});

describe("a run as the stream fills it", () => {
  const cell = (position: number) => ({ position, provider: "p", model: `m${position}`, status: "pending", output: "", inputTokens: null, outputTokens: null, tokensEstimated: false, costUsd: null, ttftMs: null, latencyMs: null, finishReason: null, error: null, assertions: [] });
  const run: RunView = { id: "r", versionId: "v", status: "running", createdAt: new Date(), results: [cell(0), cell(1)] };
  it("starts from the snapshot, appends deltas per cell, replaces finished cells, and ends", () => {
    let state = applyRunEvent(null, { type: "delta", position: 0, text: "lost" });
    expect(state).toBeNull();
    state = applyRunEvent(state, { type: "snapshot", run });
    state = applyRunEvent(state, { type: "delta", position: 1, text: "Hello " });
    state = applyRunEvent(state, { type: "delta", position: 1, text: "world" });
    expect(state!.results[1]).toMatchObject({ status: "running", output: "Hello world" });
    expect(state!.results[0].output).toBe("");
    state = applyRunEvent(state, { type: "cell", result: { ...cell(1), status: "done", output: "Hello world", costUsd: "0.00001", latencyMs: 20 } });
    expect(state!.results[1]).toMatchObject({ status: "done", costUsd: "0.00001" });
    state = applyRunEvent(state, { type: "done", finishedAt: null });
    expect(state!.status).toBe("done");
  });
});
