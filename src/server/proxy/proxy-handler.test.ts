// The onExchange contract: a call's response completes for the client only once the hook's promise
// has settled (the chunk completing a body of known length and the end of a chunked body are held
// back), so a hook that makes its record durable first never leaves an answered call unrecorded.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startFakeUpstream } from "@/test/fake-llm-upstream";
import type { ProxyExchange } from "./exchange";
import { createProxyHandler, type ProxyHandler } from "./proxy-handler";

let upstream: Awaited<ReturnType<typeof startFakeUpstream>>;
let handler: ProxyHandler;
let server: Server;
let url: string;
let hook: (exchange: ProxyExchange) => void | Promise<void>;
const log = vi.fn();

beforeAll(async () => {
  upstream = await startFakeUpstream(() => ({ body: "{}" }));
  handler = createProxyHandler({
    upstreams: { openai: `${upstream.url}/v1`, anthropic: `${upstream.url}/v1` },
    authenticate: async () => ({ ownerId: "u1", apiKeyId: null }),
    onExchange: (exchange) => hook(exchange),
    hookTimeoutMs: 1_000,
    log,
  });
  server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/proxy/openai/v1/chat/completions`;
});

afterAll(async () => {
  server.closeAllConnections();
  server.close();
  handler.close();
  await upstream.close();
});

/** Sends a call; resolves with the time its body was complete for the client, and the body. */
async function call(): Promise<{ at: number; body: string }> {
  const res = await fetch(url, { method: "POST", headers: { "x-promptuary-key": "k", "content-type": "application/json" }, body: "{}" });
  const body = await res.text();
  return { at: Date.now(), body };
}

/** A hook that settles `ms` after it is called, noting when. */
function slowHook(ms: number) {
  const calls: { at: number; exchange: ProxyExchange }[] = [];
  hook = (exchange) => {
    calls.push({ at: Date.now(), exchange });
    return new Promise((resolve) => setTimeout(resolve, ms));
  };
  return calls;
}

const body = JSON.stringify({ id: "x", text: "a".repeat(2_000) });

describe("the proxy completes a response only after the onExchange hook", () => {
  it.each([
    ["a body of known length in one chunk", () => ({ headers: { "content-type": "application/json", "content-length": String(body.length) }, body })],
    ["a body of known length in two chunks", () => ({ headers: { "content-type": "application/json", "content-length": String(body.length) }, chunks: [body.slice(0, 500), body.slice(500)], chunkDelayMs: 20 })],
    ["a chunked body", () => ({ headers: { "content-type": "application/json" }, chunks: [body.slice(0, 500), body.slice(500)], chunkDelayMs: 20 })],
    ["an event stream", () => ({ headers: { "content-type": "text/event-stream" }, chunks: ["data: 1\n\n", "data: 2\n\n"], chunkDelayMs: 20 })],
  ])("%s", async (_name, reply) => {
    upstream.setReply(reply);
    const calls = slowHook(150);
    const { at, body: received } = await call();
    expect(calls).toHaveLength(1);
    expect(at - calls[0].at).toBeGreaterThanOrEqual(140);
    const expected = reply();
    expect(received).toBe("body" in expected ? expected.body : expected.chunks!.join(""));
    expect(calls[0].exchange.responseBody.toString()).toBe(received);
    expect(calls[0].exchange.status).toBe(200);
  });

  it("still completes the response when the hook fails or hangs (after hookTimeoutMs)", async () => {
    upstream.setReply(() => ({ body }));
    hook = () => Promise.reject(new Error("disk on fire"));
    expect((await call()).body).toBe(body);
    hook = () => new Promise(() => {});
    const started = Date.now();
    expect((await call()).body).toBe(body);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(log.mock.calls.map((c) => String(c[0]))).toEqual(["onExchange failed for a call", "onExchange took over 1000 ms; completing the response anyway"]);
  });

  it("drain() resolves once the calls in flight have finished", async () => {
    upstream.setReply(() => ({ body, delayMs: 200 }));
    hook = () => {};
    const pending = call();
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    expect(await handler.drain(5_000)).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    await pending;
    expect(await handler.drain(10)).toBe(true);
    upstream.setReply(() => ({ body, delayMs: 300 }));
    const slow = call();
    await new Promise((r) => setTimeout(r, 50));
    expect(await handler.drain(20)).toBe(false);
    await slow;
  });
});
