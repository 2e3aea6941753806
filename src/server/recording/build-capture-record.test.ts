import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { buildCaptureRecord } from "./build-capture-record";
import type { ProxyExchange } from "@/server/proxy/exchange";

const PROVIDER_KEY = "sk-proj-SECRETSECRETSECRET1234";

function exchange(overrides: Partial<ProxyExchange> = {}): ProxyExchange {
  return {
    provider: "openai",
    endpoint: "chat/completions",
    method: "POST",
    ownerId: "owner-1",
    apiKeyId: null,
    promptuaryHeaders: {},
    requestBody: Buffer.from(JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "system", content: "Sys" }, { role: "user", content: "Hello there" }] })),
    requestTruncated: false,
    status: 200,
    responseContentType: "application/json",
    responseContentEncoding: null,
    responseBody: Buffer.from(JSON.stringify({ model: "gpt-4o-mini-2024-07-18", choices: [{ message: { content: "Hi!" } }], usage: { prompt_tokens: 1000, completion_tokens: 500 } })),
    responseTruncated: false,
    startedAt: new Date("2025-12-01T10:00:00Z"),
    latencyMs: 123.4,
    ttfbMs: 99.6,
    error: null,
    secrets: [`Bearer ${PROVIDER_KEY}`, PROVIDER_KEY],
    ...overrides,
  };
}

describe("buildCaptureRecord", () => {
  it("builds a full record with usage, cost, latency and metadata", () => {
    const record = buildCaptureRecord(
      exchange({ promptuaryHeaders: { "x-promptuary-user": "alice", "x-promptuary-session": "s1", "x-promptuary-property-team": "growth" } }),
      () => "id-1",
    );
    expect(record).toMatchObject({
      id: "id-1",
      model: "gpt-4o-mini-2024-07-18",
      status: 200,
      error: null,
      stream: false,
      captureMode: "full",
      systemPrompt: "Sys",
      promptText: "Sys\n\nuser: Hello there",
      responseText: "Hi!",
      latencyMs: 123,
      ttfbMs: 100,
      inputTokens: 1000,
      outputTokens: 500,
      cachedTokens: 0,
      tokensEstimated: false,
      costUsd: ((1000 * 0.15 + 500 * 0.6) / 1e6).toFixed(10),
      endUser: "alice",
      sessionId: "s1",
      properties: { team: "growth" },
      createdAt: "2025-12-01T10:00:00.000Z",
    });
    expect(record.requestBody).toMatchObject({ model: "gpt-4o-mini" });
  });

  it("estimates tokens when the provider sent no usage, and marks them", () => {
    const record = buildCaptureRecord(exchange({ responseBody: Buffer.from(JSON.stringify({ choices: [{ message: { content: "12345678" } }] })) }));
    expect(record).toMatchObject({ inputTokens: Math.ceil("Sys\n\nuser: Hello there".length / 4), outputTokens: 2, tokensEstimated: true });
    expect(record.costUsd).not.toBeNull();
  });

  it("gives an unknown cost, not zero, for an unknown model", () => {
    const record = buildCaptureRecord(
      exchange({
        requestBody: Buffer.from(JSON.stringify({ model: "llama3:8b", messages: [] })),
        responseBody: Buffer.from(JSON.stringify({ model: "llama3:8b", choices: [{ message: { content: "x" } }], usage: { prompt_tokens: 3, completion_tokens: 1 } })),
      }),
    );
    expect(record.costUsd).toBeNull();
    expect(record.inputTokens).toBe(3);
  });

  it("stores no bodies or texts in metadata mode", () => {
    const record = buildCaptureRecord(exchange({ promptuaryHeaders: { "x-promptuary-capture": "metadata" } }));
    expect(record).toMatchObject({ captureMode: "metadata", requestBody: null, systemPrompt: null, promptText: null, responseText: null, model: "gpt-4o-mini-2024-07-18", inputTokens: 1000 });
  });

  it("reads gzip bodies and records provider errors", () => {
    const body = gzipSync(JSON.stringify({ error: { message: "You exceeded your quota", type: "insufficient_quota" } }));
    const record = buildCaptureRecord(exchange({ status: 429, responseBody: body, responseContentEncoding: "gzip" }));
    expect(record).toMatchObject({ status: 429, error: "You exceeded your quota", inputTokens: null, costUsd: null, tokensEstimated: false });
  });

  it("scrubs provider credentials echoed anywhere in the record", () => {
    const body = JSON.stringify({ error: { message: `Incorrect API key provided: ${PROVIDER_KEY}.` } });
    const record = buildCaptureRecord(exchange({ status: 401, responseBody: Buffer.from(body) }));
    expect(JSON.stringify(record)).not.toContain(PROVIDER_KEY);
    expect(record.error).toBe("Incorrect API key provided: [redacted].");
  });

  it("keeps the model of a truncated request body", () => {
    const record = buildCaptureRecord(exchange({ requestBody: Buffer.from('{"model":"gpt-4o","messages":[{"role":"user","content":"aaaa'), requestTruncated: true, responseBody: Buffer.alloc(0), responseContentType: null }));
    expect(record).toMatchObject({ model: "gpt-4o", requestBody: { truncated: true } });
  });
});
