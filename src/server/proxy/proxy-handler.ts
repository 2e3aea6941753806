// The capture proxy's data plane: authenticates the caller by x-promptuary-key, forwards the call
// unchanged to the provider over a keep-alive agent, relays status, headers and body back chunk by
// chunk (SSE is never buffered), and once the upstream response is complete reports the call with
// copies of the bodies to the onExchange hook, and completes the client's response only when the
// hook's promise settles: the end of a chunked body, or the chunk that completes a body of known
// length, is held back until then, so a hook that makes its record durable first (the recorder's
// spool) never leaves an answered call unrecorded, whatever happens to the process. It knows
// nothing of what the hook does (recording is wired in src/server/boot/capture-runtime.ts).
// Independent of Next.js: server.ts mounts it on node:http, and the App Router route through
// web-adapter.ts.
import http, { type IncomingHttpHeaders, type OutgoingHttpHeaders } from "node:http";
import https from "node:https";
import type { Readable } from "node:stream";
import { performance } from "node:perf_hooks";
import type { Authenticated } from "./cached-authenticator";
import { CappedBuffer } from "./capped-buffer";
import type { Provider, ProxyExchange } from "./exchange";
import { downstreamResponseHeaders, promptuaryHeaders, providerSecrets, upstreamRequestHeaders } from "./forward-headers";
import { providerErrorBody, type ProxyErrorKind } from "./provider-errors";
import { parseProxyRoute, upstreamUrl } from "./proxy-route";
import { CLIENT_IP_HEADER } from "@/server/http/client-ip";
import { rateLimitedMessage, rateLimitHeaders, type RateLimitState } from "@/server/http/rate-limit-headers";

/** What the handler needs from a request: node's IncomingMessage, or the web adapter's stand-in. */
export type ProxyRequest = Readable & { method?: string; url?: string; headers: IncomingHttpHeaders };

/** What the handler needs from a response: node's ServerResponse, or the web adapter's stand-in. */
export interface ProxyResponse {
  readonly headersSent: boolean;
  readonly writableEnded: boolean;
  writeHead(status: number, headers: string[] | OutgoingHttpHeaders): unknown;
  flushHeaders(): void;
  write(chunk: Buffer): boolean;
  end(chunk?: string | Buffer): unknown;
  destroy(error?: Error): unknown;
  once(event: "drain", listener: () => void): unknown;
  on(event: "close", listener: () => void): unknown;
}

export type ProxyHandlerOptions = {
  /** Provider base URLs including their version path, e.g. https://api.openai.com/v1. */
  upstreams: Record<Provider, string>;
  authenticate: (key: string) => Promise<Authenticated | null>;
  /**
   * Counts the call against the caller's rate limits and says whether it may go on; synchronous (a
   * local decision, shared with other instances in the background). Absent or null: no limits.
   */
  limit?: (caller: Authenticated, clientIp: string | null) => RateLimitState | null;
  /**
   * Called once per call. For a call whose upstream response is complete, before the client's
   * response completes: its last bytes wait until the returned promise settles (at most
   * `hookTimeoutMs`). For a failed or cut call, after the response has ended.
   */
  onExchange: (exchange: ProxyExchange) => void | Promise<void>;
  /** Longest a response's completion waits for the onExchange hook (a stuck disk must not hang clients). */
  hookTimeoutMs?: number;
  /** Upstream socket idle timeout; LLM calls can think for minutes. */
  timeoutMs?: number;
  /** Bytes of each request and response body copied into the exchange. */
  captureLimitBytes?: number;
  log?: (message: string, error?: unknown) => void;
};

export type ProxyHandler = ((req: ProxyRequest, res: ProxyResponse) => void) & {
  /** Resolves once no call is in flight, or after `graceMs` (then resolves false). */
  drain(graceMs: number): Promise<boolean>;
  /** Resolves once every call's hook (onExchange) has settled, cut calls' included, or after `graceMs`. */
  reported(graceMs: number): Promise<void>;
  /** Drops idle upstream connections. */
  close(): void;
};

const DEFAULT_TIMEOUT_MS = 10 * 60_000;
const DEFAULT_CAPTURE_LIMIT = 4 * 1024 * 1024;
const DEFAULT_HOOK_TIMEOUT_MS = 5_000;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function reply(res: ProxyResponse, provider: Provider, status: number, kind: ProxyErrorKind, message: string, headers: Record<string, string> = {}) {
  const body = providerErrorBody(provider, kind, message);
  res.writeHead(status, { ...headers, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) });
  res.end(body);
}

export function createProxyHandler(options: ProxyHandlerOptions): ProxyHandler {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const limit = options.captureLimitBytes ?? DEFAULT_CAPTURE_LIMIT;
  const log = options.log ?? ((message: string, error?: unknown) => console.error(`[proxy] ${message}`, error ?? ""));
  const agents = {
    http: new http.Agent({ keepAlive: true, maxFreeSockets: 256, scheduling: "lifo" }),
    https: new https.Agent({ keepAlive: true, maxFreeSockets: 256, scheduling: "lifo" }),
  };

  const hookTimeoutMs = options.hookTimeoutMs ?? DEFAULT_HOOK_TIMEOUT_MS;
  let inFlight = 0;
  let drained: (() => void)[] = [];
  /** Set by drain(): connections closed from now on are the server's shutdown cutting them. */
  let stopping = false;

  /** Hooks still running: shutdown waits for them (a call cut by the shutdown reports as it closes). */
  const reporting = new Set<Promise<void>>();

  /** Runs the hook; the promise settles when it has (never rejects, at most hookTimeoutMs). */
  const report = (exchange: ProxyExchange): Promise<void> | void => {
    const settled = runHook(exchange);
    if (!settled) return;
    reporting.add(settled);
    void settled.finally(() => reporting.delete(settled));
    return settled;
  };

  const runHook = (exchange: ProxyExchange): Promise<void> | void => {
    let result: void | Promise<void>;
    try {
      result = options.onExchange(exchange);
    } catch (error) {
      return log("onExchange failed for a call", error);
    }
    if (!result) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        log(`onExchange took over ${hookTimeoutMs} ms; completing the response anyway`);
        resolve();
      }, hookTimeoutMs);
    });
    return Promise.race([result.catch((error: unknown) => log("onExchange failed for a call", error)), timeout]).finally(() => clearTimeout(timer));
  };

  async function serve(req: ProxyRequest, res: ProxyResponse) {
    const started = performance.now();
    const startedAt = new Date();
    const route = parseProxyRoute(req.url);
    if (!route) return reply(res, "openai", 404, "not_found", "Unknown proxy path: use /api/proxy/openai/v1/… or /api/proxy/anthropic/v1/….");
    const { provider } = route;
    if (route.refused) return reply(res, provider, 400, "bad_request", route.refused);

    const key = first(req.headers["x-promptuary-key"]);
    let caller: Authenticated | null = null;
    if (key) {
      try {
        caller = await options.authenticate(key);
      } catch {
        // The authenticator reports database outages itself, once per outage, not once per call.
        return reply(res, provider, 503, "unavailable", "Promptuary could not verify the x-promptuary-key right now; try again.");
      }
    }
    if (!caller) {
      const message = key ? "Invalid or revoked Promptuary API key (x-promptuary-key)." : "Missing x-promptuary-key header: send your Promptuary API key with every proxied call.";
      return reply(res, provider, 401, "unauthorized", message);
    }
    // Checked on each call from the cached answer: an expiry (a rotation's grace end) applies on time.
    if (caller.expiresAt != null && caller.expiresAt <= Date.now()) {
      return reply(res, provider, 401, "unauthorized", `This Promptuary API key (x-promptuary-key) expired at ${new Date(caller.expiresAt).toISOString()}; create a new key (or rotate before expiry) in Settings.`);
    }
    if (caller.scopes?.length && !caller.scopes.includes("proxy")) {
      return reply(res, provider, 403, "forbidden", `This Promptuary API key (x-promptuary-key) lacks the "proxy" scope (it has: ${caller.scopes.join(", ")}). Create a key with the "proxy" scope in Settings.`);
    }
    const limited = options.limit?.(caller, first(req.headers[CLIENT_IP_HEADER]) ?? null);
    if (limited && !limited.allowed) return reply(res, provider, 429, "rate_limited", rateLimitedMessage(limited), rateLimitHeaders(limited));

    const target = upstreamUrl(options.upstreams[provider], route);
    const secure = target.protocol === "https:";
    const method = req.method ?? "GET";
    const requestCopy = new CappedBuffer(limit);
    const responseCopy = new CappedBuffer(limit);
    let status = 0;
    let contentType: string | null = null;
    let contentEncoding: string | null = null;
    let ttfb: number | null = null;
    let finished = false;

    const finish = (error: string | null): Promise<void> | void => {
      if (finished) return;
      finished = true;
      const latencyMs = performance.now() - started;
      return report({
        provider,
        endpoint: route.endpoint,
        method,
        ownerId: caller.ownerId,
        apiKeyId: caller.apiKeyId,
        promptuaryHeaders: promptuaryHeaders(req.headers),
        requestBody: requestCopy.toBuffer(),
        requestTruncated: requestCopy.truncated,
        status,
        responseContentType: contentType,
        responseContentEncoding: contentEncoding,
        responseBody: responseCopy.toBuffer(),
        responseTruncated: responseCopy.truncated,
        startedAt,
        latencyMs,
        ttfbMs: ttfb,
        error,
        secrets: providerSecrets(req.headers),
      });
    };

    const upstream = (secure ? https : http).request({
      protocol: target.protocol,
      hostname: target.hostname.replace(/^\[|\]$/g, ""),
      port: target.port || undefined,
      path: target.pathname + target.search,
      method,
      headers: upstreamRequestHeaders(req.headers),
      agent: secure ? agents.https : agents.http,
    });
    upstream.setTimeout(timeoutMs, () => upstream.destroy(new Error(`upstream timed out after ${timeoutMs} ms`)));

    upstream.on("error", (error) => {
      if (!res.headersSent) {
        status = 502;
        reply(res, provider, 502, "bad_gateway", `Promptuary could not reach the ${provider} API: ${error.message}`);
        finish(`upstream unreachable: ${error.message}`);
      } else {
        res.destroy();
        finish(`upstream failed mid-response: ${error.message}`);
      }
    });

    upstream.on("response", (upstreamRes) => {
      status = upstreamRes.statusCode ?? 502;
      contentType = first(upstreamRes.headers["content-type"]) ?? null;
      contentEncoding = first(upstreamRes.headers["content-encoding"]) ?? null;
      const headers = downstreamResponseHeaders(upstreamRes.rawHeaders);
      res.writeHead(status, limited ? withRateLimitHeaders(headers, limited) : headers);
      if (contentType?.includes("text/event-stream")) res.flushHeaders();
      // With a known length the client sees the response complete on its last byte, not on end():
      // the chunk that completes it waits for the hook like the end of a chunked body does.
      const length = Number(first(upstreamRes.headers["content-length"]) ?? NaN);
      let relayed = 0;
      let held: Buffer | undefined;
      upstreamRes.on("data", (chunk: Buffer) => {
        ttfb ??= performance.now() - started;
        responseCopy.push(chunk);
        relayed += chunk.length;
        if (relayed >= length) {
          held = held ? Buffer.concat([held, chunk]) : chunk;
          return;
        }
        if (!res.write(chunk)) {
          upstreamRes.pause();
          res.once("drain", () => upstreamRes.resume());
        }
      });
      upstreamRes.on("end", () => {
        ttfb ??= performance.now() - started;
        const reported = finish(null);
        if (reported) void reported.then(() => res.end(held));
        else res.end(held);
      });
      upstreamRes.on("close", () => {
        if (upstreamRes.complete) return;
        res.destroy();
        finish("upstream closed the connection mid-response");
      });
      upstreamRes.on("error", () => {}); // reported through "close" above
    });

    res.on("close", () => {
      if (res.writableEnded) return;
      // Say who cut the call before the upstream is torn down (which would read as its failure).
      if (res.headersSent) finish(stopping ? "cut mid-response by the server shutting down" : "the client closed the connection mid-response");
      upstream.destroy();
      finish("client closed the connection");
    });

    req.on("data", (chunk: Buffer) => {
      requestCopy.push(chunk);
      if (!upstream.write(chunk)) {
        req.pause();
        upstream.once("drain", () => req.resume());
      }
    });
    req.on("end", () => upstream.end());
    req.on("error", (error) => upstream.destroy(error));
  }

  const handler = (req: ProxyRequest, res: ProxyResponse) => {
    inFlight++;
    res.on("close", () => {
      if (--inFlight > 0) return;
      const waiting = drained;
      drained = [];
      for (const resolve of waiting) resolve();
    });
    serve(req, res).catch((error: unknown) => {
      log("unexpected proxy failure", error);
      if (!res.headersSent) reply(res, parseProxyRoute(req.url)?.provider ?? "openai", 500, "unavailable", "Promptuary proxy error.");
      else res.destroy();
    });
  };
  return Object.assign(handler, {
    drain(graceMs: number) {
      stopping = true;
      if (!inFlight) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), graceMs);
        drained.push(() => {
          clearTimeout(timer);
          resolve(true);
        });
      });
    },
    async reported(graceMs: number) {
      if (!reporting.size) return;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.all(reporting), new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
    },
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  });
}

/** Promptuary's own limit on every answer, as on its 429s, unless the provider already sent these names. */
function withRateLimitHeaders(raw: string[], state: RateLimitState): string[] {
  const sent = new Set<string>();
  for (let i = 0; i < raw.length; i += 2) sent.add(raw[i].toLowerCase());
  for (const [name, value] of Object.entries(rateLimitHeaders(state))) if (!sent.has(name)) raw.push(name, value);
  return raw;
}
