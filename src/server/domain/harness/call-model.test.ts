import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_ANTHROPIC_MODELS, DEFAULT_OPENAI_MODELS, startFakeModelProvider } from "@/test/fake-model-provider";
import { callModel } from "./call-model";
import type { HarnessProvider } from "./providers";

let fake: Awaited<ReturnType<typeof startFakeModelProvider>>;
beforeAll(async () => {
  fake = await startFakeModelProvider({ slowMs: 2000, openaiModels: [...DEFAULT_OPENAI_MODELS, "plain-model"], anthropicModels: [...DEFAULT_ANTHROPIC_MODELS, "plain-claude"] });
});
afterAll(() => fake.close());

const openai = (): HarnessProvider => ({ name: "openai", kind: "openai", baseUrl: fake.baseUrl, apiKey: "sk-test", configured: true, builtIn: true });
const anthropic = (): HarnessProvider => ({ name: "anthropic", kind: "anthropic", baseUrl: fake.baseUrl, apiKey: "sk-ant-test", configured: true, builtIn: true });

async function call(provider: HarnessProvider, model: string, opts: { timeoutMs?: number; system?: string } = {}) {
  const deltas: string[] = [];
  const answer = await callModel({
    provider,
    model,
    prompt: "Summarise the quarterly report in three bullet points",
    params: opts.system ? { system: opts.system } : {},
    signal: new AbortController().signal,
    timeoutMs: opts.timeoutMs ?? 5000,
    onDelta: (t) => deltas.push(t),
  });
  return { answer, deltas };
}

describe("callModel through the official SDKs", () => {
  it("streams an OpenAI answer piece by piece with the provider's streamed usage", async () => {
    const { answer, deltas } = await call(openai(), "gpt-4o-mini", { system: "Be brief." });
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join("")).toBe("gpt-4o-mini says: Summarise the quarterly report in three bullet points");
    expect(answer.outputTokens).toBe(Math.ceil(deltas.join("").length / 4));
    expect(answer.inputTokens).toBeGreaterThan(0);
    expect(answer.finishReason).toBe("stop");
    const sent = fake.requests.at(-1)!;
    expect(sent.system).toBe("Be brief.");
    expect(sent.body.stream_options).toEqual({ include_usage: true });
  });

  it("streams an Anthropic answer with input and output usage", async () => {
    const { answer, deltas } = await call(anthropic(), "claude-3-5-haiku-latest", { system: "Be brief." });
    expect(deltas.join("")).toBe("claude-3-5-haiku-latest says: Summarise the quarterly report in three bullet points");
    expect(answer.inputTokens).toBe(Math.ceil(("Be brief." + "Summarise the quarterly report in three bullet points").length / 4));
    expect(answer.outputTokens).toBe(Math.ceil(deltas.join("").length / 4));
    expect(answer.finishReason).toBe("end_turn");
    expect(fake.requests.at(-1)!.system).toBe("Be brief.");
  });

  it("reports no usage (null) when the provider sends none", async () => {
    const { answer } = await call(openai(), "nousage-model");
    expect(answer.inputTokens).toBeNull();
    expect(answer.outputTokens).toBeNull();
  });

  it("fails with the provider's error, and times out a slow model", async () => {
    await expect(call(openai(), "broken-model")).rejects.toThrow(/500/);
    await expect(call(openai(), "slow-model", { timeoutMs: 300 })).rejects.toThrow(/timed out|timeout/i);
  });

  it("reads a plain JSON answer from a server that ignores stream: true, usage included", async () => {
    const o = await call(openai(), "plain-model");
    expect(o.deltas).toEqual(["plain-model says: Summarise the quarterly report in three bullet points"]);
    expect(o.answer).toEqual({ inputTokens: expect.any(Number), outputTokens: Math.ceil(o.deltas[0].length / 4), finishReason: "stop" });
    const a = await call(anthropic(), "plain-claude");
    expect(a.deltas.join("")).toBe("plain-claude says: Summarise the quarterly report in three bullet points");
    expect(a.answer.outputTokens).toBe(Math.ceil(a.deltas.join("").length / 4));
    expect(a.answer.finishReason).toBe("end_turn");
  });
});
