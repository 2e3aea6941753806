// The HTTP side of `npm start`, the same in the single process and in each cluster worker: the
// capture proxy answered directly on node:http, everything else through the anonymous page cache
// (src/server/page-cache) to Next. Its stop() is the HTTP half of the shutdown: proxied calls in
// flight finish (each is in the spool before its response completes), the spool is sealed and
// written, buffered usage events (page views among them) are flushed; the database is stopped afterwards by its owner.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { answerClientError } from "./client-error";
import { admitCachedApiCall } from "./cached-api-limit";
import { refusedPageKey } from "./page-api-key";
import { startIdleGc } from "./idle-gc";
import { createReadGate } from "@/server/http/read-gate";
import { answerUnlessLeft } from "@/server/http/visitor-presence";
import { hasMalformedPath } from "@/server/http/malformed-path";
import next from "next";
import { env } from "@/env";
import { getDb } from "@/server/db/client";
import { flushUsage } from "@/server/domain/analytics/record-usage";
import { sharePublicReads, sweepPublicReads } from "@/server/domain/access/public-reads";
import { recordPageView } from "@/server/domain/social/views";
import { prepareNodeRequest } from "@/server/http/node-request";
import { viewerKeyOfNodeRequest } from "@/server/http/viewer-key";
import { createPageCache, type PageCache, type PageCacheOptions } from "@/server/page-cache/page-cache";
import { PROXY_PREFIX } from "@/server/proxy/proxy-route";
import { closeCaptureRuntime, drainProxy, getProxyHandler, type CaptureRuntimeOptions } from "./capture-runtime";

/**
 * Reads that wait their turn: pages, tRPC queries and the REST API's. The build's static files, the
 * MCP endpoint's streams, exports and the like are not renders and never wait behind one.
 */
const isReadMethod = (method: string | undefined) => method === "GET" || method === "HEAD";

function takesTurns(req: IncomingMessage): boolean {
  if (!isReadMethod(req.method)) return false;
  const url = req.url ?? "/";
  if (url.startsWith("/api/")) return url.startsWith("/api/trpc/") || url.startsWith("/api/v1/");
  return !url.startsWith("/_next/");
}

export type HttpServer = {
  server: Server;
  pageCache: PageCache;
  /** Resolves with the port once the server listens (in a cluster worker: the shared port). */
  listening: Promise<number>;
  /** Stops serving: proxied calls in flight get `graceMs` to finish, then the spool gets one last database write. */
  stop(opts: { graceMs: number }): Promise<void>;
};

export async function startHttpServer(opts: {
  dev: boolean;
  spool: CaptureRuntimeOptions;
  /** A write started or ended here (a cluster worker tells the others). */
  onWrite?: PageCacheOptions["onWrite"];
  /** This process rendered and kept a page (a cluster worker offers it to the others). */
  onStore?: PageCacheOptions["onStore"];
}): Promise<HttpServer> {
  const port = env.PORT;
  // Next builds its internal request URLs from this hostname, whatever host the browser used; code
  // that sends people somewhere reads the origin from the request instead (http/site-origin.ts; the
  // Auth.js routes through auth/route-handlers.ts), so 127.0.0.1 or a LAN address stays itself.
  const app = next({ dev: opts.dev, hostname: "localhost", port, dir: process.cwd() });
  const handle = app.getRequestHandler();
  await app.prepare();

  const proxy = getProxyHandler(opts.spool);
  const trustedProxies = env.TRUST_PROXY;
  const idleGc = startIdleGc();
  const readGate = createReadGate({ concurrency: opts.dev ? 0 : env.READ_CONCURRENCY, releaseAfterMs: 5_000 });
  const pageCache = createPageCache({
    // Under `next dev` pages change as their files do: nothing is kept.
    ttlMs: opts.dev ? 0 : env.PAGE_CACHE_TTL_MS,
    render: (req, res) => handle(req, res),
    // Cached pages are anonymous: the hit's visitor is known by a hash of address and agent.
    recordView: (view, req) => recordPageView(getDb(), view, { actorId: null, origin: { source: "web", viewerKey: viewerKeyOfNodeRequest(req) } }),
    onWrite: opts.onWrite,
    onStore: opts.onStore,
    // An idle server's last pages are dropped after a TTL: give their memory back then, too.
    onFreed: () => idleGc.released(),
    onError: (error) => console.error("[server]", error),
    // A cached anonymous API answer counts against its address's budget, as its render would.
    admit: admitCachedApiCall,
  });

  // Searches by everyone who sees only what anonymous visitors see share one answer for the page
  // cache's TTL, dropped by the same writes (domain/access/public-reads.ts).
  const sharedReadsTtl = opts.dev ? 0 : env.PAGE_CACHE_TTL_MS;
  sharePublicReads({ generation: pageCache.store.generation, writing: pageCache.store.writing, ttlMs: sharedReadsTtl });
  // Swept like the page cache's entries, and what an idle server lets go is collected the same way.
  if (sharedReadsTtl > 0) {
    const sweep = () => {
      if (sweepPublicReads() > 0) idleGc.released();
    };
    setInterval(sweep, sharedReadsTtl / 2).unref();
  }

  const server = createServer((req, res) => {
    idleGc.touch();
    // Security headers on every response; the client's address for per-IP limits (node-request.ts).
    prepareNodeRequest(req, res, { trustedProxies });
    if (req.url?.startsWith(PROXY_PREFIX)) return proxy(req, res);
    if (hasMalformedPath(req.url ?? "/")) return void res.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end("Bad Request: the path has a percent-escape that does not decode (such as %ZZ or a lone %).");
    // A page asked with a wrong API key: 401, not a failed render (page-api-key.ts).
    if (req.headers.authorization) return void answerWithPageKey(req, res);
    answer(req, res);
  });
  const answerWithPageKey = (req: IncomingMessage, res: ServerResponse) =>
    refusedPageKey(req, res).then(
      (refused) => void (refused || answer(req, res)),
      (error: unknown) => {
        console.error("[server]", error);
        if (!res.headersSent) res.writeHead(503, { "content-type": "text/plain; charset=utf-8", "retry-after": "5" }).end("Service Unavailable: the API key could not be checked; try again.\n");
      },
    );
  function answer(req: IncomingMessage, res: ServerResponse) {
    // Reads take turns, hits and renders alike (http/read-gate.ts). Writes go straight through:
    // they are rarer, and many wait on something else (a model, Stripe, a job step).
    if (takesTurns(req))
      return void readGate.admit(req, res, () => {
        pageCache.handle(req, res);
        return new Promise<void>((resolve) => res.once("close", resolve));
      });
    // Pages take no writes (the app has no server actions): refused before Next renders one.
    if (!isReadMethod(req.method) && req.method !== "OPTIONS" && !req.url?.startsWith("/api/") && !req.url?.startsWith("/_next/"))
      return void res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" }).end(`Method Not Allowed: pages answer GET and HEAD, not ${req.method}.\n`);
    // A write whose client asked and hung up at once is not made (http/visitor-presence.ts).
    answerUnlessLeft(req, res, () => pageCache.handle(req, res));
  }
  server.on("clientError", answerClientError);
  const listening = new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, env.HOST, () => resolve((server.address() as { port: number }).port));
  });

  let stopped: Promise<void> | undefined;
  const stop = ({ graceMs }: { graceMs: number }) =>
    (stopped ??= (async () => {
      server.close();
      idleGc.stop();
      await drainProxy(graceMs);
      server.closeAllConnections();
      await new Promise((resolve) => setImmediate(resolve)); // cut calls report themselves on "close"
      await closeCaptureRuntime({ graceMs: 1_500 }).catch((error: unknown) => console.error("[capture]", error));
      await flushUsage().catch((error: unknown) => console.error("[usage]", error));
    })());
  return { server, pageCache, listening, stop };
}
