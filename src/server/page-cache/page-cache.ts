// The short-lived cache of what anonymous visitors see, in front of Next on node:http (server.ts).
// A cacheable request (cacheable-request.ts) is answered from an entry younger than the TTL, or
// rendered by Next once while concurrent requests for the same key wait for that render (or, when
// an entry is past its TTL but not twice that, get it while one request renders it again). Only a
// 200 without Set-Cookie is kept. Each response gets a fresh CSP nonce in its header and body
// (nonce-body.ts), and a hit records the prompt page views its render recorded (render-context.ts).
// Writes that may have changed something empty it (page-cache-store.ts), and while one is in flight
// anywhere requests are rendered rather than answered from it; `onWrite` tells the other workers. What one worker renders
// and keeps, `onStore` offers to the others (`sharedEntry`), so a page is rendered once per TTL for
// all of them rather than once per worker. Responses carry
// `x-cache: hit | miss`, or `bypass` on a public page asked for by someone signed in (or with an
// API key, or by Next's client navigation).
import type { IncomingMessage, OutgoingHttpHeader, ServerResponse } from "node:http";
import { newNonce } from "@/server/http/security-headers";
import { cacheDecision, carriesCredentials, isWrite, writeMayHaveChanged } from "./cacheable-request";
import { captureResponse, type CapturedResponse } from "./capture-response";
import { gzipWithNonce, toNonceBody, withNonce } from "./nonce-body";
import { createPageCacheStore, type CachedResponse, type PageCacheStore } from "./page-cache-store";

export type { CachedResponse };
import { collectRenderEffects, type NotedView } from "./render-context";

export type PageCacheOptions = {
  /** How long an entry answers; 0 turns the cache off (writes are still announced). */
  ttlMs: number;
  maxBytes?: number;
  /** Next's request handler. */
  render: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /** Records a prompt page view, as the page does when it renders, for the visitor of `req`. */
  recordView: (view: NotedView, req: IncomingMessage) => void;
  /** A write started or ended in this process (to tell the other workers); `changed`: it may have changed something; `signed`: by someone signed in. */
  onWrite?: (phase: "start" | "end", changed?: boolean, signed?: boolean) => void;
  /** This process rendered and kept an entry (to offer it to the other workers). */
  onStore?: (key: string, entry: CachedResponse) => void;
  /** Entries were dropped as too old (`bytes` of them): memory to give back once the server is idle. */
  onFreed?: (bytes: number) => void;
  onError?: (error: unknown) => void;
  /**
   * Asked before a hit is served: false when the request was answered otherwise (a rate limit's
   * 429). A hit costs a visitor's budget as the render it stands for would (cached-api-limit.ts).
   */
  admit?: (req: IncomingMessage, res: ServerResponse) => boolean;
};

export type PageCache = {
  handle: (req: IncomingMessage, res: ServerResponse) => void;
  /** A write in another worker (`source`) started or ended. */
  remoteWrite: (phase: "start" | "end", source: string, changed?: boolean, signed?: boolean) => void;
  /** An entry another worker rendered and kept (kept here too unless a write here says otherwise). */
  sharedEntry: (key: string, entry: CachedResponse) => void;
  forgetSource: (source: string) => void;
  store: PageCacheStore;
};

/** Not kept: the transport's, and those a hit sets itself. */
const UNSTORED_HEADERS = new Set(["content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive", "date", "etag", "x-cache"]);
/** Not kept either, but sent with the render they came with: the rate limit's, its visitor's, not the next one's. */
const VISITOR_HEADERS = new Set(["retry-after", "ratelimit-limit", "ratelimit-remaining", "ratelimit-reset", "ratelimit-policy"]);
const NONCE = /'nonce-([^']+)'/;

function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(",") : (header ?? "");
  return value.split(",").some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    if (coding.trim() !== "gzip" && coding.trim() !== "*") return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return !q || Number(q.slice(2)) > 0;
  });
}

const headerText = (value: OutgoingHttpHeader | undefined) => (Array.isArray(value) ? value.join(", ") : value === undefined ? "" : String(value));

/** Sends `entry` on `res` with `nonce` in place of the one it was rendered with. */
function send(res: ServerResponse, entry: Pick<CachedResponse, "status" | "headers" | "body">, nonce: string | null, gzip: boolean, state: "hit" | "miss") {
  const old = entry.body.nonce;
  res.statusCode = entry.status;
  for (const [name, value] of entry.headers) {
    const swapped = old && nonce && nonce !== old ? (Array.isArray(value) ? value.map((v) => v.replaceAll(old, nonce)) : value.replaceAll(old, nonce)) : value;
    res.setHeader(name, swapped);
  }
  const compressed = gzip ? gzipWithNonce(entry.body, nonce) : null;
  const bytes = compressed ?? withNonce(entry.body, nonce);
  if (compressed) res.setHeader("Content-Encoding", "gzip");
  const vary = headerText(res.getHeader("vary"));
  if (!/accept-encoding/i.test(vary)) res.setHeader("Vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
  res.setHeader("Content-Length", bytes.length);
  res.setHeader("x-cache", state);
  res.end(bytes);
}

export function createPageCache(opts: PageCacheOptions): PageCache {
  const store = createPageCacheStore({ ttlMs: opts.ttlMs, maxBytes: opts.maxBytes ?? 64 * 1024 * 1024 });
  let lastRequestAt = Date.now();
  if (opts.ttlMs > 0)
    setInterval(() => {
      const freed = store.sweep({ idle: Date.now() - lastRequestAt >= opts.ttlMs });
      if (freed > 0) opts.onFreed?.(freed);
    }, opts.ttlMs / 2).unref();
  /** Renders in flight per key: later requests for the same key wait for the first one. */
  const rendering = new Map<string, Promise<CachedResponse | null>>();
  const onError = opts.onError ?? ((error: unknown) => console.error("[page-cache]", error));

  /** Renders in flight in this process (misses, and everything not answered from the cache). */
  let renders = 0;
  const render = (req: IncomingMessage, res: ServerResponse) => {
    renders++;
    return opts
      .render(req, res)
      .catch((error: unknown) => {
        onError(error);
        if (!res.headersSent) res.writeHead(500).end("Internal Server Error");
      })
      .finally(() => renders--);
  };

  /**
   * A hit, after what is ready to run when a render is in flight here: a render waits on the
   * database a dozen times or more, and each time its answer arrived it would otherwise run only
   * after every hit that arrived with it (under load, a miss took ten times its own time).
   */
  function answerHit(req: IncomingMessage, res: ServerResponse, entry: CachedResponse) {
    if (renders > 0) setImmediate(() => serveHit(req, res, entry));
    else serveHit(req, res, entry);
  }

  function serveHit(req: IncomingMessage, res: ServerResponse, entry: CachedResponse) {
    if (res.destroyed) return;
    if (opts.admit && !opts.admit(req, res)) return;
    store.countHit();
    for (const view of entry.views) opts.recordView(view, req);
    send(res, entry, entry.body.nonce ? newNonce() : null, acceptsGzip(req.headers["accept-encoding"]), "hit");
  }

  function renderMiss(req: IncomingMessage, res: ServerResponse, key: string, lead: boolean) {
    store.countMiss();
    const generation = store.generation();
    const renderedFrom = Date.now();
    const gzip = acceptsGzip(req.headers["accept-encoding"]);
    // Next sends the body as it is; this layer compresses it (and can then swap nonces cheaply).
    delete req.headers["accept-encoding"];
    let settle: (entry: CachedResponse | null) => void = () => {};
    if (lead) {
      const pending = new Promise<CachedResponse | null>((resolve) => (settle = resolve));
      rendering.set(key, pending);
      void pending.finally(() => {
        if (rendering.get(key) === pending) rendering.delete(key);
      });
    }
    let views: NotedView[] = [];
    captureResponse(
      res,
      (captured: CapturedResponse) => {
        let stored: CachedResponse | null = null;
        try {
          const headers = res.getHeaders();
          const nonce = headerText(headers["content-security-policy"]).match(NONCE)?.[1] ?? null;
          const entry: CachedResponse = {
            status: captured.status,
            headers: Object.entries(headers)
              .filter(([name, value]) => value !== undefined && !UNSTORED_HEADERS.has(name) && !VISITOR_HEADERS.has(name))
              .map(([name, value]) => [name, typeof value === "number" ? String(value) : (value as string | string[])]),
            body: toNonceBody(captured.body, nonce),
            views,
            renderedFrom,
            storedAt: Date.now(),
          };
          for (const name of UNSTORED_HEADERS) res.removeHeader(name);
          if (captured.status === 200 && headers["set-cookie"] === undefined && store.set(key, entry, generation)) {
            stored = entry;
            // After this response is on its way.
            const onStore = opts.onStore;
            if (onStore) setImmediate(() => onStore(key, entry));
          }
          send(res, { ...entry, headers: [] }, nonce, gzip, "miss");
        } catch (error) {
          onError(error);
          if (!res.writableEnded) res.end(captured.body);
        } finally {
          settle(stored);
        }
      },
      () => settle(null),
    );
    views = collectRenderEffects(() => void render(req, res)).views;
  }

  function handle(req: IncomingMessage, res: ServerResponse) {
    lastRequestAt = Date.now();
    if (isWrite(req)) {
      const signed = carriesCredentials(req);
      store.write("start", undefined, true, signed);
      opts.onWrite?.("start", true, signed);
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        // A client that went away before the answer: the write may still have happened.
        const changed = res.writableFinished ? writeMayHaveChanged(res.statusCode) : true;
        store.write("end", undefined, changed, signed);
        opts.onWrite?.("end", changed, signed);
      };
      res.once("finish", end);
      res.once("close", end);
      void render(req, res);
      return;
    }
    const decision = cacheDecision(req);
    if (!decision.cacheable) {
      if (decision.reason === "personal") res.setHeader("x-cache", "bypass");
      void render(req, res);
      return;
    }
    if (opts.ttlMs <= 0) {
      void render(req, res);
      return;
    }
    // While someone signed in is writing, in any worker, pages are rendered, not answered from the
    // cache: the writer's answer can reach them (who may ask again at once, on a connection another
    // worker takes) before the other workers hear that the write ended, while its start reached
    // them before it committed. Nothing is stored meanwhile (page-cache-store.ts). Anonymous
    // writes (refused, or changing nothing public) do not hold it: they cannot keep it cold.
    if (store.writing()) return renderMiss(req, res, decision.key, false);
    const hit = store.get(decision.key);
    if (hit) return answerHit(req, res, hit);
    const pending = rendering.get(decision.key);
    if (!pending) return renderMiss(req, res, decision.key, true);
    // Past its TTL and being rendered again: the last render, rather than a wait for the next.
    const stale = store.getStale(decision.key);
    if (stale) return answerHit(req, res, stale);
    void pending.then((entry) => (entry && !res.destroyed ? serveHit(req, res, entry) : renderMiss(req, res, decision.key, false)));
  }

  return {
    handle,
    remoteWrite: (phase, source, changed, signed) => store.write(phase, source, changed, signed),
    sharedEntry: (key, entry) => void store.setShared(key, entry),
    forgetSource: (source) => store.forgetSource(source),
    store,
  };
}
