// The proxy's key checks and rate limit, composed as capture-runtime.ts composes them (the real key
// lookup through the cached authenticator, the batched limiter on the test database), called with
// the official OpenAI and Anthropic SDKs: an expired key is a 401 saying it expired, a key without
// the proxy scope a 403 naming it, and past a limit a 429 in each provider's own error shape with
// Retry-After and RateLimit-* headers; refused calls never reach the provider.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApiKey, lookUpApiKey } from "@/server/domain/api-keys/api-keys";
import { createBatchedLimiter, type BatchedLimiter } from "@/server/domain/rate-limits/batched-limiter";
import { postgresLimiterStore } from "@/server/domain/rate-limits/limiter-store";
import { DEFAULT_IP_LIMITS, type RateLimitConfig } from "@/server/domain/rate-limits/rate-limit-plans";
import { createCachedAuthenticator } from "@/server/proxy/cached-authenticator";
import { createProxyHandler, type ProxyHandler } from "@/server/proxy/proxy-handler";
import { makeUser } from "@/test/callers";
import { startFakeUpstream } from "@/test/fake-llm-upstream";
import { setUpTestDatabase } from "@/test/set-up-test-database";
import { proxyKeyAnswer, proxyLimit } from "./proxy-key-checks";

const t = setUpTestDatabase();
const LIMITS: RateLimitConfig = { enabled: true, plans: { free: { api: 100, proxy: 3 }, pro: { api: 100, proxy: 100 } }, ip: DEFAULT_IP_LIMITS };

let upstream: Awaited<ReturnType<typeof startFakeUpstream>>;
let limiter: BatchedLimiter;
let handler: ProxyHandler;
let server: Server;
let base: string;

const completion = { id: "chatcmpl-1", object: "chat.completion", created: 1, model: "gpt-4o-mini", choices: [{ index: 0, message: { role: "assistant", content: "hi", refusal: null }, logprobs: null, finish_reason: "stop" }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } };
const message = { id: "msg_1", type: "message", role: "assistant", model: "claude-haiku-4-5", content: [{ type: "text", text: "hi" }], stop_reason: "end_turn", stop_sequence: null, usage: { input_tokens: 1, output_tokens: 1 } };

beforeAll(async () => {
  upstream = await startFakeUpstream((req) => ({ body: JSON.stringify(req.url.endsWith("/messages") ? message : completion) }));
  limiter = createBatchedLimiter({ store: postgresLimiterStore(t.db), syncMs: 50 });
  handler = createProxyHandler({
    upstreams: { openai: `${upstream.url}/v1`, anthropic: `${upstream.url}/v1` },
    authenticate: createCachedAuthenticator(async (key) => proxyKeyAnswer(await lookUpApiKey(t.db, key))),
    limit: proxyLimit(limiter, LIMITS),
    onExchange: () => {},
    log: () => {},
  });
  server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/proxy`;
});
afterAll(async () => {
  limiter.close();
  handler.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await upstream.close();
});
beforeEach(() => {
  upstream.requests.length = 0;
});

async function keyFor(opts: { plan?: string; scopes?: ("read" | "write" | "proxy" | "admin")[]; expiresAt?: Date; rateLimitPerMinute?: number } = {}) {
  const { actor, user } = await makeUser(t.db);
  await t.db.user.update({ where: { id: user.id }, data: { plan: opts.plan ?? "pro" } });
  const created = await createApiKey(t.db, actor, { name: "proxy", scopes: opts.scopes, rateLimitPerMinute: opts.rateLimitPerMinute });
  if (opts.expiresAt) await t.db.apiKey.update({ where: { id: created.id }, data: { expiresAt: opts.expiresAt } });
  return created.key;
}

const openai = (key: string) => new OpenAI({ apiKey: "sk-provider", baseURL: `${base}/openai/v1`, defaultHeaders: { "x-promptuary-key": key }, maxRetries: 0 });
const anthropic = (key: string) => new Anthropic({ apiKey: "sk-ant-provider", baseURL: `${base}/anthropic`, defaultHeaders: { "x-promptuary-key": key }, maxRetries: 0 });
const chat = (key: string) => openai(key).chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] });
const messages = (key: string) => anthropic(key).messages.create({ model: "claude-haiku-4-5", max_tokens: 10, messages: [{ role: "user", content: "hi" }] });

async function failure<T>(promise: Promise<T>) {
  return promise.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (error: unknown) => error as { status: number; error: unknown; headers: Headers; message: string },
  );
}

describe("the proxy's key checks", () => {
  it("refuses an expired key with a 401 saying it expired, in the provider's shape", async () => {
    const key = await keyFor({ expiresAt: new Date(Date.now() - 1000) });
    const error = await failure(chat(key));
    expect(error.status).toBe(401);
    expect(error.error).toMatchObject({ type: "invalid_request_error", code: "invalid_promptuary_key", message: expect.stringMatching(/expired at \d{4}-/) });
    expect(upstream.requests).toHaveLength(0);
  });

  it("refuses a key without the proxy scope with a 403 naming it; a proxy key goes through", async () => {
    const readOnly = await keyFor({ scopes: ["read", "write"] });
    const openaiError = await failure(chat(readOnly));
    expect(openaiError.status).toBe(403);
    expect(openaiError.error).toMatchObject({ code: "insufficient_scope", message: expect.stringContaining('lacks the "proxy" scope') });
    const anthropicError = await failure(messages(readOnly));
    expect(anthropicError.status).toBe(403);
    expect(anthropicError.error).toMatchObject({ type: "error", error: { type: "permission_error" } });
    expect(upstream.requests).toHaveLength(0);

    const proxyKey = await keyFor({ scopes: ["proxy"] });
    expect((await chat(proxyKey)).choices[0].message.content).toBe("hi");
    expect(upstream.requests).toHaveLength(1);
  });
});

describe("the proxy's rate limit", () => {
  it("past the plan's limit answers 429 in OpenAI's shape with Retry-After and RateLimit-* headers", async () => {
    const key = await keyFor({ plan: "free" });
    // Answers that pass carry the limit and what is left of it too.
    const first = await chat(key).withResponse();
    expect(first.response.headers.get("ratelimit-limit")).toBe("3");
    expect(first.response.headers.get("ratelimit-remaining")).toBe("2");
    expect(first.response.headers.get("ratelimit-policy")).toBe("3;w=60");
    for (let i = 0; i < 2; i++) await chat(key);
    const error = await failure(chat(key));
    expect(error.status).toBe(429);
    expect(error.error).toMatchObject({ type: "rate_limit_exceeded", code: "rate_limit_exceeded", message: expect.stringContaining("3 requests per minute") });
    expect(Number(error.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(error.headers.get("ratelimit-limit")).toBe("3");
    expect(error.headers.get("ratelimit-remaining")).toBe("0");
    expect(error.headers.get("ratelimit-policy")).toBe("3;w=60");
    expect(upstream.requests).toHaveLength(3);
  });

  it("answers 429 in Anthropic's shape, and a key's own limit applies before its owner's plan", async () => {
    const key = await keyFor({ plan: "pro", rateLimitPerMinute: 1 });
    await messages(key);
    const error = await failure(messages(key));
    expect(error.status).toBe(429);
    expect(error.error).toMatchObject({ type: "error", error: { type: "rate_limit_error", message: expect.stringContaining("1 requests per minute") } });
    expect(error.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(upstream.requests).toHaveLength(1);
  });

  it("counts every key of one user against the user's plan", async () => {
    const { actor, user } = await makeUser(t.db);
    await t.db.user.update({ where: { id: user.id }, data: { plan: "free" } });
    const [a, b] = await Promise.all([createApiKey(t.db, actor, { name: "a" }), createApiKey(t.db, actor, { name: "b" })]);
    await chat(a.key);
    await chat(b.key);
    await chat(a.key);
    expect((await failure(chat(b.key))).status).toBe(429);
  });
});
