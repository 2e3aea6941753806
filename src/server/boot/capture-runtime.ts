// Composition root of the capture path: proxy → recorder → identity dispatch → jobs. The proxy
// reports each call through onExchange; here it becomes a Capture record that the recorder appends
// to its spool (one per process, under DATA_DIR/spool or the directory server.ts names for a cluster
// worker, spool-dirs.ts; replayed at start) before the proxy lets the
// call's response complete; stored batches are announced with capture/request.recorded when the
// proxy is quiet (identity-dispatch.ts); API keys are authenticated through a cache that keeps
// known keys working while the database is down (cached-authenticator.ts), and such outages are
// logged once each way (database-outage-log.ts). server.ts and the App Router route both take the
// handler from here.
import { join } from "node:path";
import { dataDir, env } from "@/env";
import { buildCaptureRecord } from "@/server/recording/build-capture-record";
import { createIdentityDispatcher, type IdentityDispatcher } from "@/server/recording/identity-dispatch";
import { createCaptureRecorder, type CaptureRecorder } from "@/server/recording/recorder";
import { getDb } from "@/server/db/client";
import { pingDatabase } from "@/server/db/ping";
import { createDatabaseOutageLog } from "./database-outage-log";
import { lookUpApiKey } from "@/server/domain/api-keys/api-keys";
import { processRateLimitConfig, processRateLimiter } from "@/server/domain/rate-limits/rate-limits";
import { proxyKeyAnswer, proxyLimit } from "./proxy-key-checks";
import { sendEvent } from "@/server/jobs/send-event";
import { existingSingleton, processSingleton, replaceSingleton } from "@/server/process-singleton";
import { createCachedAuthenticator, type Authenticated, type CachedAuthenticator } from "@/server/proxy/cached-authenticator";
import { createProxyHandler, type ProxyHandler } from "@/server/proxy/proxy-handler";

type CaptureRuntime = { recorder: CaptureRecorder; adopted: CaptureRecorder[]; identity: IdentityDispatcher; handler: ProxyHandler; authenticate: CachedAuthenticator };

export type CaptureRuntimeOptions = {
  /** This process's own spool (default DATA_DIR/spool); no other process may use it at the same time. */
  spoolDir?: string;
  /** Spools of processes that no longer exist (workers of an earlier, larger cluster): replayed into the database, never appended to. */
  adoptSpoolDirs?: string[];
  /** Tells sibling processes (HTTP workers) an API key answer this one looked up. */
  shareKeyAnswer?: (keyHash: string, value: Authenticated | null) => void;
  /** Where this process's outage lines go (default stderr); HTTP workers hand them to the primary, which logs each change once. */
  logDatabaseState?: (line: string, reachable: boolean) => void;
};

const RUNTIME = "capture-runtime";

function createCaptureRuntime(opts: CaptureRuntimeOptions): CaptureRuntime {
  // Prompt identity yields to live traffic (see identity-dispatch.ts).
  const identity = createIdentityDispatcher({ send: (captureIds) => sendEvent("capture/request.recorded", { captureIds }) });
  const databaseState = createDatabaseOutageLog({
    log: opts.logDatabaseState ?? ((line) => console.error(`[capture] ${line}`)),
    // The recorder would otherwise wait out its backoff (up to 30 s) before writing the spool.
    onReachable: () => void recorder.flush().catch(() => {}),
  });
  const recorder = createCaptureRecorder({
    getDb,
    spoolDir: opts.spoolDir ?? join(dataDir(), "spool"),
    onStored: (captureIds) => identity.stored(captureIds),
    onDatabaseState: databaseState,
  });
  recorder.start().catch((error: unknown) => console.error("[capture] could not replay the spool", error));
  const adopted = (opts.adoptSpoolDirs ?? []).map((spoolDir) => {
    const orphan = createCaptureRecorder({ getDb, spoolDir, onStored: (captureIds) => identity.stored(captureIds), onDatabaseState: databaseState });
    orphan.start().catch((error: unknown) => console.error(`[capture] could not replay the spool in ${spoolDir}`, error));
    return orphan;
  });
  const authenticate = createCachedAuthenticator(
    async (key) => proxyKeyAnswer(await lookUpApiKey(getDb(), key)),
    { onDatabaseState: databaseState, ping: () => pingDatabase(getDb()), onAnswer: opts.shareKeyAnswer },
  );
  // Rate limits: a local decision per call, counts shared through the database in batches (batched-limiter.ts).
  const limitConfig = processRateLimitConfig();
  const proxy = createProxyHandler({
    upstreams: { openai: env.OPENAI_BASE_URL, anthropic: env.ANTHROPIC_BASE_URL },
    authenticate,
    limit: proxyLimit(limitConfig.enabled ? processRateLimiter(getDb) : null, limitConfig),
    // Awaited by the proxy before the call's response completes: an answered call is on disk.
    onExchange: (exchange) => recorder.record(buildCaptureRecord(exchange)),
  });
  const handler: ProxyHandler = Object.assign(
    (req: Parameters<ProxyHandler>[0], res: Parameters<ProxyHandler>[1]) => {
      identity.activity();
      proxy(req, res);
    },
    { drain: (graceMs: number) => proxy.drain(graceMs), reported: (graceMs: number) => proxy.reported(graceMs), close: () => proxy.close() },
  );
  return { recorder, adopted, identity, handler, authenticate };
}

/** The proxy's handler; the first call in a process creates the runtime with `opts`. */
export function getProxyHandler(opts: CaptureRuntimeOptions = {}): ProxyHandler {
  return processSingleton(RUNTIME, () => createCaptureRuntime(opts)).handler;
}

/** An API key answer a sibling process looked up (see CaptureRuntimeOptions.shareKeyAnswer). */
export function learnKeyAnswer(keyHash: string, value: Authenticated | null): void {
  existingSingleton<CaptureRuntime>(RUNTIME)?.authenticate.learn(keyHash, value);
}

/** Another worker saw the database come back: answers remembered through the outage are looked up again (revocations apply). */
export function recheckKeyAnswers(): void {
  existingSingleton<CaptureRuntime>(RUNTIME)?.authenticate.recheckAll();
}

/** On shutdown, first: waits up to `graceMs` for proxied calls in flight to finish (false if some did not). */
export async function drainProxy(graceMs: number): Promise<boolean> {
  return existingSingleton<CaptureRuntime>(RUNTIME)?.handler.drain(graceMs) ?? true;
}

/**
 * On shutdown, once no call is in flight: seal the spool, try a last database write for at most
 * `graceMs` (what is not written stays in the spool for the next start), announce what was stored,
 * drop idle upstream connections.
 */
export async function closeCaptureRuntime(opts: { graceMs?: number } = {}): Promise<void> {
  const runtime = existingSingleton<CaptureRuntime>(RUNTIME);
  if (!runtime) return;
  replaceSingleton(RUNTIME, undefined);
  // Calls the shutdown cut report as their connections close: wait until they have all closed and
  // their records are in the spool, before the spool is sealed.
  await runtime.handler.drain(500);
  await runtime.handler.reported(1_000);
  runtime.handler.close();
  await Promise.all([runtime.recorder, ...runtime.adopted].map((recorder) => recorder.close({ graceMs: opts.graceMs })));
  runtime.identity.close();
}
