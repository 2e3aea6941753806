// The capture path end to end, composed as capture-runtime.ts composes it: the real openai and
// @anthropic-ai/sdk clients call the proxy (node:http + createProxyHandler, whose onExchange hook
// builds the record for a real recorder on a test database), which forwards to a fake provider on
// loopback.
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildCaptureRecord } from "@/server/recording/build-capture-record";
import type { CaptureRecord } from "@/server/recording/capture-record";
import { createCaptureRecorder, type CaptureRecorder } from "@/server/recording/recorder";
import { createPgPrismaClient, type Db } from "@/server/db/prisma";
import { authenticateApiKey, createApiKey } from "@/server/domain/api-keys/api-keys";
import { createCachedAuthenticator } from "@/server/proxy/cached-authenticator";
import type { ProxyExchange } from "@/server/proxy/exchange";
import { createProxyHandler, type ProxyHandler } from "@/server/proxy/proxy-handler";
import { serveWebRequest } from "@/server/proxy/web-adapter";
import { makeUser } from "@/test/callers";
import { startFakeUpstream } from "@/test/fake-llm-upstream";
import { createTestDatabase, type TestDatabase } from "@/test/test-db";

const OPENAI_KEY = "sk-proj-PROVIDERKEY-openai-0123456789abcdef";
const ANTHROPIC_KEY = "sk-ant-api03-PROVIDERKEY-anthropic-0123456789";

const sse = (events: unknown[], named = false) =>
  events.map((e) => (named ? `event: ${(e as { type: string }).type}\n` : "") + `data: ${JSON.stringify(e)}\n\n`);

const chatCompletion = {
  id: "chatcmpl-1",
  object: "chat.completion",
  created: 1_764_000_000,
  model: "gpt-4o-mini-2024-07-18",
  choices: [{ index: 0, message: { role: "assistant", content: "Bonjour!", refusal: null }, logprobs: null, finish_reason: "stop" }],
  usage: { prompt_tokens: 1200, completion_tokens: 300, total_tokens: 1500, prompt_tokens_details: { cached_tokens: 200 } },
};

const chatChunks = [
  ...sse([
    { id: "c1", object: "chat.completion.chunk", created: 1, model: "gpt-4o-mini", choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }] },
    { id: "c1", object: "chat.completion.chunk", created: 1, model: "gpt-4o-mini", choices: [{ index: 0, delta: { content: "Once upon" }, finish_reason: null }] },
    { id: "c1", object: "chat.completion.chunk", created: 1, model: "gpt-4o-mini", choices: [{ index: 0, delta: { content: " a time" }, finish_reason: "stop" }] },
    { id: "c1", object: "chat.completion.chunk", created: 1, model: "gpt-4o-mini", choices: [], usage: { prompt_tokens: 40, completion_tokens: 4, total_tokens: 44 } },
  ]),
  "data: [DONE]\n\n",
];

const anthropicMessage = {
  id: "msg_1",
  type: "message",
  role: "assistant",
  model: "claude-sonnet-4-5-20250929",
  content: [{ type: "text", text: "Crisp leaves falling" }],
  stop_reason: "end_turn",
  stop_sequence: null,
  usage: { input_tokens: 50, output_tokens: 10, cache_read_input_tokens: 1000, cache_creation_input_tokens: 0 },
};

const anthropicEvents = [
  { type: "message_start", message: { id: "msg_2", type: "message", role: "assistant", model: "claude-haiku-4-5-20251001", content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 30, output_tokens: 1 } } },
  { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
  { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "Autumn " } },
  { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "wind" } },
  { type: "content_block_stop", index: 0 },
  { type: "message_delta", delta: { stop_reason: "end_turn", stop_sequence: null }, usage: { output_tokens: 6 } },
  { type: "message_stop" },
];

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) => ({ status, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
const eventStream = (chunks: string[], chunkDelayMs = 0) => ({ headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache" }, chunks, chunkDelayMs });

let testDb: TestDatabase;
let db: Db;
let deadDb: Db;
let dbDown = false;
let upstream: Awaited<ReturnType<typeof startFakeUpstream>>;
let spoolDir: string;
let recorder: CaptureRecorder;
const seen: CaptureRecord[] = [];
const stored: string[] = [];
let batches = 0;
let handler: ProxyHandler;
let proxy: Server;
let proxyUrl: string;
let promptuaryKey: string;
let openai: OpenAI;
let anthropic: Anthropic;

function makeRecorder() {
  return createCaptureRecorder({ getDb: () => (dbDown ? deadDb : db), spoolDir, flushMs: 5, retryInitialMs: 50, retryMaxMs: 200, onStored: (ids) => void (batches++, stored.push(...ids)), log: () => {} });
}

async function listen(h: ProxyHandler): Promise<{ server: Server; url: string }> {
  const server = createServer(h);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** The proxy's onExchange hook as the capture runtime wires it, keeping each record for the assertions. */
function recordExchange(exchange: ProxyExchange) {
  const record = buildCaptureRecord(exchange);
  seen.push(record);
  return recorder.record(record);
}

/** The records in the spool's segments (an empty segment created ahead of time may be there too). */
async function spooled(): Promise<CaptureRecord[]> {
  const texts = await Promise.all((await readdir(spoolDir)).map((f) => readFile(join(spoolDir, f), "utf8")));
  return texts.flatMap((t) => t.split("\n").filter(Boolean).map((line) => JSON.parse(line) as CaptureRecord));
}

/** Waits until the proxy has handed `count` records to the recorder. */
async function recorded(count: number) {
  for (let i = 0; i < 200 && seen.length < count; i++) await new Promise((r) => setTimeout(r, 5));
  expect(seen.length).toBe(count);
}

async function capturesInDb() {
  return db.capture.findMany({ orderBy: { createdAt: "asc" } });
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.db;
  deadDb = createPgPrismaClient("postgresql://nobody:nothing@127.0.0.1:9/none", { max: 1 });
  const { actor } = await makeUser(db);
  promptuaryKey = (await createApiKey(db, actor, { name: "proxy test" })).key;
  upstream = await startFakeUpstream(() => json({}));
  spoolDir = await mkdtemp(join(tmpdir(), "pq-spool-"));
  recorder = makeRecorder();
  await recorder.start();
  const authenticate = createCachedAuthenticator(async (key) => {
    const a = await authenticateApiKey(db, key);
    return a ? { ownerId: a.id, apiKeyId: null } : null;
  });
  handler = createProxyHandler({
    upstreams: { openai: `${upstream.url}/v1`, anthropic: `${upstream.url}/v1` },
    authenticate,
    onExchange: recordExchange,
    log: () => {},
  });
  ({ server: proxy, url: proxyUrl } = await listen(handler));
  openai = new OpenAI({ apiKey: OPENAI_KEY, baseURL: `${proxyUrl}/api/proxy/openai/v1`, defaultHeaders: { "x-promptuary-key": promptuaryKey }, maxRetries: 0 });
  anthropic = new Anthropic({ apiKey: ANTHROPIC_KEY, baseURL: `${proxyUrl}/api/proxy/anthropic`, defaultHeaders: { "x-promptuary-key": promptuaryKey }, maxRetries: 0 });
});

afterAll(async () => {
  proxy?.closeAllConnections();
  proxy?.close();
  handler?.close();
  await recorder?.close();
  await upstream?.close();
  await deadDb?.$disconnect().catch(() => {});
  await testDb?.close();
  if (spoolDir) await rm(spoolDir, { recursive: true, force: true });
});

beforeEach(async () => {
  dbDown = false;
  await recorder.flush();
  await db.capture.deleteMany();
  seen.length = 0;
  stored.length = 0;
  batches = 0;
  upstream.requests.length = 0;
});

describe("OpenAI through the proxy", () => {
  it("returns a plain chat completion unchanged and records one capture with tokens, cost, latency and metadata", async () => {
    upstream.setReply(() => ({ ...json(chatCompletion, 200, { "x-request-id": "req_123" }), delayMs: 30 }));
    const { data, response } = await openai.chat.completions
      .create(
        { model: "gpt-4o-mini", messages: [{ role: "system", content: "Translate to French." }, { role: "user", content: "Hello!" }] },
        { headers: { "x-promptuary-user": "end-user-7", "x-promptuary-session": "sess-1", "x-promptuary-property-feature": "translate" } },
      )
      .withResponse();
    expect(data).toEqual(chatCompletion);
    expect(response.headers.get("x-request-id")).toBe("req_123");

    const [forwarded] = upstream.requests;
    expect(forwarded.url).toBe("/v1/chat/completions");
    expect(forwarded.headers.authorization).toBe(`Bearer ${OPENAI_KEY}`);
    expect(Object.keys(forwarded.headers).filter((h) => h.startsWith("x-promptuary"))).toEqual([]);
    expect(forwarded.headers.host).toBe(new URL(upstream.url).host);

    await recorded(1);
    await recorder.flush();
    const [capture] = await capturesInDb();
    expect(capture).toMatchObject({
      provider: "openai",
      endpoint: "chat/completions",
      method: "POST",
      model: "gpt-4o-mini-2024-07-18",
      status: 200,
      error: null,
      stream: false,
      captureMode: "full",
      systemPrompt: "Translate to French.",
      promptText: "Translate to French.\n\nuser: Hello!",
      responseText: "Bonjour!",
      inputTokens: 1200,
      outputTokens: 300,
      cachedTokens: 200,
      tokensEstimated: false,
      endUser: "end-user-7",
      sessionId: "sess-1",
      properties: { feature: "translate" },
    });
    // gpt-4o-mini: 0.15 in, 0.075 cached, 0.60 out per 1M tokens
    expect(capture.costUsd?.toFixed(10)).toBe(((1000 * 0.15 + 200 * 0.075 + 300 * 0.6) / 1e6).toFixed(10));
    expect(capture.latencyMs).toBeGreaterThanOrEqual(30);
    expect(capture.ttfbMs).toBeGreaterThanOrEqual(30);
    expect(capture.ttfbMs!).toBeLessThanOrEqual(capture.latencyMs);
    expect(stored).toEqual([capture.id]);
  });

  it("streams chunk by chunk, exactly as the upstream sent them", async () => {
    upstream.setReply(() => eventStream(chatChunks, 120));
    const started = Date.now();
    const stream = await openai.chat.completions.create({ model: "gpt-4o-mini", stream: true, stream_options: { include_usage: true }, messages: [{ role: "user", content: "Tell a story" }] });
    const arrivals: number[] = [];
    const chunks: unknown[] = [];
    for await (const chunk of stream) {
      arrivals.push(Date.now() - started);
      chunks.push(chunk);
    }
    const expected = chatChunks.slice(0, -1).map((c) => JSON.parse(c.slice("data: ".length)));
    expect(chunks).toEqual(expected);
    // Not buffered: the first chunk arrived long before the last one was sent (4 × 120 ms later).
    expect(arrivals[0]).toBeLessThan(arrivals[arrivals.length - 1] - 250);

    await recorded(1);
    await recorder.flush();
    const [capture] = await capturesInDb();
    expect(capture).toMatchObject({ stream: true, responseText: "Once upon a time", inputTokens: 40, outputTokens: 4, tokensEstimated: false, model: "gpt-4o-mini" });
    expect(capture.ttfbMs!).toBeLessThan(capture.latencyMs - 250);
  });

  it("relays the raw stream bytes and headers unchanged", async () => {
    upstream.setReply(() => eventStream(chatChunks, 5));
    const res = await fetch(`${proxyUrl}/api/proxy/openai/v1/chat/completions?trace=1`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${OPENAI_KEY}`, "x-promptuary-key": promptuaryKey },
      body: JSON.stringify({ model: "gpt-4o-mini", stream: true, messages: [{ role: "user", content: "Hi" }] }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(await res.text()).toBe(chatChunks.join(""));
    expect(upstream.requests[0].url).toBe("/v1/chat/completions?trace=1");
    await recorded(1);
  });

  it("estimates tokens when the upstream sends no usage", async () => {
    upstream.setReply(() => json({ ...chatCompletion, usage: undefined }));
    await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "x".repeat(400) }] });
    await recorded(1);
    await recorder.flush();
    const [capture] = await capturesInDb();
    expect(capture).toMatchObject({ tokensEstimated: true, inputTokens: Math.ceil("user: ".length / 4 + 100), outputTokens: 2 });
    expect(capture.costUsd).not.toBeNull();
  });

  it("passes upstream 4xx and 5xx responses through unchanged", async () => {
    const rateLimited = { error: { message: "Rate limit reached for gpt-4o-mini", type: "requests", param: null, code: "rate_limit_exceeded" } };
    upstream.setReply(() => json(rateLimited, 429, { "retry-after": "7" }));
    const error = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect((error as InstanceType<typeof OpenAI.APIError>).error).toEqual(rateLimited.error);
    expect((error as InstanceType<typeof OpenAI.APIError>).headers?.get("retry-after")).toBe("7");

    upstream.setReply(() => ({ status: 503, headers: { "content-type": "text/plain" }, body: "upstream overloaded" }));
    const res = await fetch(`${proxyUrl}/api/proxy/openai/v1/models`, { headers: { "x-promptuary-key": promptuaryKey } });
    expect(res.status).toBe(503);
    expect(await res.text()).toBe("upstream overloaded");

    await recorded(2);
    await recorder.flush();
    const captures = await capturesInDb();
    expect(captures.map((c) => [c.status, c.error])).toEqual(
      expect.arrayContaining([
        [429, "Rate limit reached for gpt-4o-mini"],
        [503, "HTTP 503"],
      ]),
    );
    expect(captures.every((c) => c.costUsd === null)).toBe(true);
  });

  it("answers 502 in OpenAI's error shape when the upstream is unreachable", async () => {
    const down = createProxyHandler({ upstreams: { openai: "http://127.0.0.1:9/v1", anthropic: "http://127.0.0.1:9/v1" }, authenticate: async () => ({ ownerId: (await db.user.findFirstOrThrow()).id, apiKeyId: null }), onExchange: recordExchange, log: () => {} });
    const { server, url } = await listen(down);
    try {
      const client = new OpenAI({ apiKey: OPENAI_KEY, baseURL: `${url}/api/proxy/openai/v1`, defaultHeaders: { "x-promptuary-key": promptuaryKey }, maxRetries: 0 });
      const error = await client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "hi" }] }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OpenAI.APIError);
      expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(502);
      expect((error as InstanceType<typeof OpenAI.APIError>).error).toMatchObject({ type: "server_error", code: "upstream_unreachable" });

      const aClient = new Anthropic({ apiKey: ANTHROPIC_KEY, baseURL: `${url}/api/proxy/anthropic`, defaultHeaders: { "x-promptuary-key": promptuaryKey }, maxRetries: 0 });
      const aError = await aClient.messages.create({ model: "claude-haiku-4-5", max_tokens: 10, messages: [{ role: "user", content: "hi" }] }).catch((e: unknown) => e);
      expect((aError as InstanceType<typeof Anthropic.APIError>).status).toBe(502);
      expect((aError as InstanceType<typeof Anthropic.APIError>).error).toMatchObject({ type: "error", error: { type: "api_error" } });

      await recorded(2);
      await recorder.flush();
      const captures = await capturesInDb();
      expect(captures.map((c) => c.status)).toEqual([502, 502]);
      expect(captures[0].error).toMatch(/^upstream unreachable/);
    } finally {
      server.closeAllConnections();
      server.close();
      down.close();
    }
  });

  it("rejects a missing or invalid x-promptuary-key with 401 and forwards nothing", async () => {
    const noKey = new OpenAI({ apiKey: OPENAI_KEY, baseURL: `${proxyUrl}/api/proxy/openai/v1`, maxRetries: 0 });
    const e1 = await noKey.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "hi" }] }).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(OpenAI.AuthenticationError);
    expect((e1 as InstanceType<typeof OpenAI.APIError>).error).toMatchObject({ type: "invalid_request_error", code: "invalid_promptuary_key" });

    const badKey = new Anthropic({ apiKey: ANTHROPIC_KEY, baseURL: `${proxyUrl}/api/proxy/anthropic`, defaultHeaders: { "x-promptuary-key": "pq_" + "x".repeat(32) }, maxRetries: 0 });
    const e2 = await badKey.messages.create({ model: "claude-haiku-4-5", max_tokens: 10, messages: [{ role: "user", content: "hi" }] }).catch((e: unknown) => e);
    expect(e2).toBeInstanceOf(Anthropic.AuthenticationError);
    expect((e2 as InstanceType<typeof Anthropic.APIError>).error).toMatchObject({ type: "error", error: { type: "authentication_error" } });

    expect(upstream.requests).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toHaveLength(0);
  });
});

describe("Anthropic through the proxy", () => {
  it("returns a message unchanged and records cache reads and cost", async () => {
    upstream.setReply(() => json(anthropicMessage));
    const message = await anthropic.messages.create({ model: "claude-sonnet-4-6", max_tokens: 100, system: "You write haiku.", messages: [{ role: "user", content: "Autumn" }] });
    expect(message).toEqual(anthropicMessage);
    const [forwarded] = upstream.requests;
    expect(forwarded.url).toBe("/v1/messages");
    // This SDK version sends the key as a bearer token; x-api-key would be forwarded the same way.
    expect(forwarded.headers["x-api-key"] ?? forwarded.headers.authorization).toContain(ANTHROPIC_KEY);
    expect(forwarded.headers["anthropic-version"]).toBeTruthy();

    await recorded(1);
    await recorder.flush();
    const [capture] = await capturesInDb();
    expect(capture).toMatchObject({ provider: "anthropic", endpoint: "messages", model: "claude-sonnet-4-5-20250929", systemPrompt: "You write haiku.", responseText: "Crisp leaves falling", inputTokens: 1050, outputTokens: 10, cachedTokens: 1000 });
    // claude-sonnet-4-5: 3 in, 0.30 cache read, 15 out per 1M tokens
    expect(capture.costUsd?.toFixed(10)).toBe(((50 * 3 + 1000 * 0.3 + 10 * 15) / 1e6).toFixed(10));
  });

  it("streams events exactly as sent and assembles the text and usage", async () => {
    const chunks = sse(anthropicEvents, true);
    upstream.setReply(() => eventStream(chunks, 10));
    const stream = await anthropic.messages.create({ model: "claude-haiku-4-5", max_tokens: 50, stream: true, messages: [{ role: "user", content: "Wind" }] });
    const events: unknown[] = [];
    for await (const event of stream) events.push(event);
    expect(events).toEqual(anthropicEvents);

    await recorded(1);
    await recorder.flush();
    const [capture] = await capturesInDb();
    expect(capture).toMatchObject({ stream: true, model: "claude-haiku-4-5-20251001", responseText: "Autumn wind", inputTokens: 30, outputTokens: 6, tokensEstimated: false });
    expect(capture.costUsd?.toFixed(10)).toBe(((30 * 1 + 6 * 5) / 1e6).toFixed(10));
  });

  it("passes an upstream error through unchanged", async () => {
    const overloaded = { type: "error", error: { type: "overloaded_error", message: "Overloaded" } };
    upstream.setReply(() => json(overloaded, 529));
    const error = await anthropic.messages.create({ model: "claude-haiku-4-5", max_tokens: 5, messages: [{ role: "user", content: "x" }] }).catch((e: unknown) => e);
    expect((error as InstanceType<typeof Anthropic.APIError>).status).toBe(529);
    expect((error as InstanceType<typeof Anthropic.APIError>).error).toEqual(overloaded);
    await recorded(1);
  });
});

describe("what is stored", () => {
  it("stores no bodies or texts in metadata mode", async () => {
    upstream.setReply(() => json(chatCompletion));
    await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "private" }] }, { headers: { "x-promptuary-capture": "metadata" } });
    await recorded(1);
    await recorder.flush();
    const [capture] = await capturesInDb();
    expect(capture).toMatchObject({ captureMode: "metadata", requestBody: null, systemPrompt: null, promptText: null, responseText: null, model: "gpt-4o-mini-2024-07-18", inputTokens: 1200 });
  });

  it("never stores the provider key, even when the upstream echoes it", async () => {
    upstream.setReply((req) => (req.url.includes("messages") ? json(anthropicMessage) : json({ error: { message: `Incorrect API key provided: ${OPENAI_KEY}`, type: "invalid_request_error" } }, 401)));
    await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] }).catch(() => {});
    await anthropic.messages.create({ model: "claude-haiku-4-5", max_tokens: 5, messages: [{ role: "user", content: "hi" }] });
    await recorded(2);
    await recorder.flush();
    const rows = await db.$queryRaw<{ row: string }[]>`SELECT row_to_json(c)::text AS row FROM "Capture" c`;
    expect(rows).toHaveLength(2);
    const dump = rows.map((r) => r.row).join("\n");
    expect(dump).not.toContain(OPENAI_KEY);
    expect(dump).not.toContain(ANTHROPIC_KEY);
    expect(dump).not.toContain(promptuaryKey);
    expect(dump).toContain("[redacted]");
  });
});

describe("durability", () => {
  it("keeps captures in the spool while the database is down and stores them all when it is back", async () => {
    upstream.setReply(() => json(chatCompletion));
    dbDown = true;
    for (let i = 0; i < 5; i++) {
      const reply = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: `call ${i}` }] });
      expect(reply).toEqual(chatCompletion);
    }
    await recorded(5);
    await expect(recorder.flush()).rejects.toThrow();
    expect(await spooled()).toHaveLength(5);
    expect(await db.capture.count()).toBe(0);

    dbDown = false;
    await recorder.flush();
    const captures = await capturesInDb();
    expect(captures.map((c) => c.promptText).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `user: call ${i}`));
    expect(await spooled()).toEqual([]);
    expect(stored.sort()).toEqual(captures.map((c) => c.id).sort());
  });

  it("has each call in the spool before the client sees its response complete (JSON, a body in two chunks, SSE)", async () => {
    dbDown = true; // nothing leaves the spool: what is there was put there before the response completed
    upstream.setReply(() => json(chatCompletion));
    await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "before end: json" }] });
    expect((await spooled()).map((r) => r.promptText)).toContain("user: before end: json");

    const body = JSON.stringify(chatCompletion);
    const half = Math.floor(body.length / 2);
    upstream.setReply(() => ({ headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) }, chunks: [body.slice(0, half), body.slice(half)], chunkDelayMs: 30 }));
    expect(await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "before end: chunks" }] })).toEqual(chatCompletion);
    expect((await spooled()).map((r) => r.promptText)).toContain("user: before end: chunks");

    upstream.setReply(() => eventStream(chatChunks, 5));
    const stream = await openai.chat.completions.create({ model: "gpt-4o-mini", stream: true, messages: [{ role: "user", content: "before end: sse" }] });
    for await (const chunk of stream) void chunk;
    expect((await spooled()).map((r) => r.promptText)).toContain("user: before end: sse");

    dbDown = false;
    await recorder.flush();
    expect(await db.capture.count()).toBe(3);
  });

  it("stores a call with NUL characters and unpaired surrogates, replaced with U+FFFD and flagged", async () => {
    const reply = { ...chatCompletion, choices: [{ ...chatCompletion.choices[0], message: { role: "assistant", content: "nul\u0000 here", refusal: null } }] };
    upstream.setReply(() => json(reply));
    const answer = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "system", content: "lone \ud800 high" }, { role: "user", content: "a\u0000b \udc00 and a pair 😀" }] });
    expect(answer.choices[0].message.content).toBe("nul\u0000 here"); // relayed unchanged
    // Forwarded unchanged too: JSON.stringify escapes both.
    expect(upstream.requests[0].body).toContain("a\\u0000b \\udc00");
    await recorder.flush();
    const [capture] = await capturesInDb();
    expect(capture).toMatchObject({
      textRepaired: true,
      systemPrompt: "lone \ufffd high",
      promptText: "lone \ufffd high\n\nuser: a\ufffdb \ufffd and a pair 😀",
      responseText: "nul\ufffd here",
    });
    expect(capture.requestBody).toMatchObject({ messages: [{ content: "lone \ufffd high" }, { content: "a\ufffdb \ufffd and a pair 😀" }] });

    upstream.setReply(() => json(chatCompletion));
    await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "plain text, a backslash-u: \\u0000" }] });
    await recorder.flush();
    const plain = (await capturesInDb()).find((c) => c.id !== capture.id);
    expect(plain).toMatchObject({ textRepaired: false, promptText: "user: plain text, a backslash-u: \\u0000" });
  });

  it("replays the spool after a restart without storing anything twice", async () => {
    upstream.setReply(() => json(chatCompletion));
    dbDown = true;
    for (let i = 0; i < 3; i++) await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: `restart ${i}` }] });
    await recorded(3);
    await recorder.close(); // the database is down: the records stay in the spool
    expect(await spooled()).toHaveLength(3);

    // A segment whose rows were committed just before a crash, left behind: replayed, not duplicated.
    await writeFile(join(spoolDir, "000000000000001-1-000000001.jsonl"), JSON.stringify(seen[0]) + "\n" + JSON.stringify(seen[0]) + "\n{torn");

    dbDown = false;
    recorder = makeRecorder(); // a new process over the same spool directory
    await recorder.start();
    await recorder.flush();
    const captures = await capturesInDb();
    expect(captures.map((c) => c.promptText).sort()).toEqual([0, 1, 2].map((i) => `user: restart ${i}`));
    expect(await spooled()).toEqual([]);
  });

  it("stores a burst of concurrent calls in a few batched inserts", async () => {
    upstream.setReply(() => json(chatCompletion));
    const calls = 60;
    await Promise.all(Array.from({ length: calls }, (_, i) => openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: `burst ${i}` }] })));
    await recorded(calls);
    await recorder.flush();
    expect(await db.capture.count()).toBe(calls);
    expect(batches).toBeLessThan(calls);
  });

  it("writes records in multi-row batches of at most batchSize", async () => {
    const before = seen.length;
    const template = seen[before - 1] ?? (await (async () => {
      upstream.setReply(() => json(chatCompletion));
      await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "t" }] });
      await recorded(1);
      return seen[0];
    })());
    await recorder.flush();
    await db.capture.deleteMany();
    batches = 0;
    for (let i = 0; i < 1200; i++) recorder.record({ ...template, id: `bulk-${i}` });
    await recorder.flush();
    expect(await db.capture.count()).toBe(1200);
    expect(batches).toBe(3); // batchSize 500: 500 + 500 + 200
  });

  it("drops only the row the database rejects (its owner is gone) and stores the rest of the batch", async () => {
    upstream.setReply(() => json(chatCompletion));
    await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "keep me" }] });
    await recorded(1);
    await recorder.flush();
    await db.capture.deleteMany();
    const template = seen[0];
    recorder.record({ ...template, id: "kept-1" });
    recorder.record({ ...template, id: "orphan", ownerId: "no-such-user" });
    recorder.record({ ...template, id: "kept-2", requestBody: null, costUsd: null });
    await recorder.flush();
    const rows = await db.capture.findMany({ orderBy: { id: "asc" }, select: { id: true, requestBody: true, costUsd: true, createdAt: true, promptText: true } });
    expect(rows.map((r) => r.id)).toEqual(["kept-1", "kept-2"]);
    expect(rows[0].requestBody).toEqual(template.requestBody);
    expect(rows[0].promptText).toBe(template.promptText);
    expect(rows[0].createdAt.toISOString()).toBe(template.createdAt);
    expect(rows[1]).toMatchObject({ requestBody: null, costUsd: null });
    expect(await spooled()).toEqual([]);
  });
});

describe("the App Router mount (Web Request → node-style handler)", () => {
  it("serves plain and streaming calls of the real SDK and answers 401 the same way", async () => {
    const viaRoute = new OpenAI({
      apiKey: OPENAI_KEY,
      baseURL: "http://app.test/api/proxy/openai/v1",
      defaultHeaders: { "x-promptuary-key": promptuaryKey },
      maxRetries: 0,
      fetch: (url, init) => serveWebRequest(handler, new Request(url, init)),
    });
    upstream.setReply(() => json(chatCompletion));
    expect(await viaRoute.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] })).toEqual(chatCompletion);

    upstream.setReply(() => eventStream(chatChunks, 5));
    const chunks: unknown[] = [];
    for await (const chunk of await viaRoute.chat.completions.create({ model: "gpt-4o-mini", stream: true, messages: [{ role: "user", content: "hi" }] })) chunks.push(chunk);
    expect(chunks).toEqual(chatChunks.slice(0, -1).map((c) => JSON.parse(c.slice("data: ".length))));

    const unauthorized = await serveWebRequest(handler, new Request("http://app.test/api/proxy/anthropic/v1/messages", { method: "POST", body: "{}" }));
    expect(unauthorized.status).toBe(401);
    expect(await unauthorized.json()).toMatchObject({ type: "error", error: { type: "authentication_error" } });

    await recorded(2);
    await recorder.flush();
    const captures = await capturesInDb();
    expect(captures.map((c) => [c.stream, c.responseText])).toEqual([
      [false, "Bonjour!"],
      [true, "Once upon a time"],
    ]);
  });
});
