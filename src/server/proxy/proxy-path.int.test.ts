// The capture proxy keeps what it forwards under the provider's /v1/: raw HTTP requests (node:http
// with the path exactly as written; fetch and URL would normalise it first) carrying every
// traversal form are refused with a 400 in the provider's error shape and never reach the fake
// upstream, while ordinary paths (encoded slashes in a model id included) still pass.
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeUpstream } from "@/test/fake-llm-upstream";
import { createProxyHandler, type ProxyHandler } from "./proxy-handler";
import { parseProxyRoute, REFUSED_PATH_MESSAGE, upstreamUrl } from "./proxy-route";
import { serveWebRequest } from "./web-adapter";

let upstream: Awaited<ReturnType<typeof startFakeUpstream>>;
let handler: ProxyHandler;
let proxy: Server;
let port: number;

beforeAll(async () => {
  upstream = await startFakeUpstream(() => ({ body: JSON.stringify({ ok: true }) }));
  handler = createProxyHandler({
    upstreams: { openai: `${upstream.url}/v1`, anthropic: `${upstream.url}/v1` },
    authenticate: async (key) => (key === "pq_good" ? { ownerId: "owner", apiKeyId: null } : null),
    onExchange: () => {},
    log: () => {},
  });
  proxy = createServer(handler);
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  port = (proxy.address() as AddressInfo).port;
});
afterAll(async () => {
  handler.close();
  proxy.closeAllConnections();
  await new Promise((resolve) => proxy.close(resolve));
  await upstream.close();
});
beforeEach(() => {
  upstream.requests.length = 0;
});

/** One request with the path sent byte for byte as given. */
function raw(path: string, method = "GET"): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method, headers: { "x-promptuary-key": "pq_good", authorization: "Bearer sk-provider-secret" } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end(method === "POST" ? "{}" : undefined);
  });
}

const TRAVERSALS = [
  "/api/proxy/openai/v1/../../../etc/passwd",
  "/api/proxy/openai/v1/chat/../../admin",
  "/api/proxy/openai/v1/..",
  "/api/proxy/openai/v1/./../x",
  "/api/proxy/openai/v1/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
  "/api/proxy/openai/v1/%2E%2E/%2E%2E/etc/passwd",
  "/api/proxy/openai/v1/.%2e/.%2e/etc/passwd",
  "/api/proxy/openai/v1/..%2f..%2f..%2fetc%2fpasswd",
  "/api/proxy/openai/v1/models/..%2F..%2F..%2Fetc%2Fpasswd",
  "/api/proxy/openai/v1/..\\..\\..\\etc\\passwd",
  "/api/proxy/openai/v1/..%5c..%5cetc%5cpasswd",
  "/api/proxy/openai/v1/%252e%252e/%252e%252e/etc/passwd",
  "/api/proxy/openai/v1/..%252f..%252fetc%252fpasswd",
  "/api/proxy/openai/v1/%25252e%25252e/etc/passwd",
  "/api/proxy/openai/v1/..;/..;/etc/passwd",
  "/api/proxy/openai/v1/chat/completions/..?x=1",
];

describe("path traversal through the capture proxy", () => {
  it.each(TRAVERSALS)("refuses %s with a 400 in OpenAI's error shape, sending nothing upstream", async (path) => {
    const res = await raw(path, "POST");
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({ error: { message: REFUSED_PATH_MESSAGE, type: "invalid_request_error", param: null, code: "invalid_path" } });
    expect(upstream.requests).toEqual([]);
  });

  it("answers Anthropic paths in Anthropic's error shape", async () => {
    const res = await raw("/api/proxy/anthropic/v1/..%2f..%2fadmin");
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({ type: "error", error: { type: "invalid_request_error", message: REFUSED_PATH_MESSAGE } });
    expect(upstream.requests).toEqual([]);
  });

  it("refuses before checking the key: a stranger learns nothing and costs no lookup", async () => {
    const res = await new Promise<number>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, path: "/api/proxy/openai/v1/../../etc/passwd" }, (r) => {
        r.resume();
        resolve(r.statusCode ?? 0);
      });
      req.on("error", reject);
      req.end();
    });
    expect(res).toBe(400);
  });

  it("forwards ordinary paths unchanged, under /v1/ (an encoded slash in a model id cannot climb out)", async () => {
    for (const path of ["/api/proxy/openai/v1/chat/completions", "/api/proxy/openai/v1/models/meta-llama%2FLlama-3-8b", "/api/proxy/openai/v1/files/file-abc/content?limit=2", "/api/proxy/openai/v1/chat.completions%2ejson"]) {
      const res = await raw(path);
      expect(res.status).toBe(200);
    }
    expect(upstream.requests.map((r) => r.url)).toEqual(["/v1/chat/completions", "/v1/models/meta-llama%2FLlama-3-8b", "/v1/files/file-abc/content?limit=2", "/v1/chat.completions%2ejson"]);
  });

  it("refuses the same forms when served through the web adapter (next dev)", async () => {
    const res = await serveWebRequest(handler, new Request(`http://localhost/api/proxy/openai/v1/..%2F..%2Fetc%2Fpasswd`, { headers: { "x-promptuary-key": "pq_good" } }));
    expect(res.status).toBe(400);
    expect(upstream.requests).toEqual([]);
  });
});

describe("upstreamUrl", () => {
  it("stays under the configured base path, whatever route it is given", () => {
    const route = parseProxyRoute("/api/proxy/openai/v1/chat/completions?stream=true")!;
    expect(upstreamUrl("https://api.example.com/openai/v1/", route).href).toBe("https://api.example.com/openai/v1/chat/completions?stream=true");
    // A route that skipped the parser's check still cannot leave the base.
    for (const endpoint of ["../../etc/passwd", "%2e%2e/x", "..\\x", "../v1-other/x"]) {
      expect(() => upstreamUrl("https://api.example.com/openai/v1", { provider: "openai", endpoint, search: "" })).toThrow(/refusing to forward/);
    }
  });
});
