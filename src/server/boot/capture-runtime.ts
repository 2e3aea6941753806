// Composition root of the capture path: proxy → recorder → identity dispatch → jobs. The proxy
// reports each finished call through onExchange; here it becomes a Capture record for the recorder
// (one per process, spool under DATA_DIR/spool, replayed at start); stored batches are announced
// with capture/request.recorded when the proxy is quiet (identity-dispatch.ts); API keys are
// authenticated through a 30 s cache. server.ts and the App Router route both take the handler
// from here.
import { join } from "node:path";
import { dataDir, env } from "@/env";
import { buildCaptureRecord } from "@/server/recording/build-capture-record";
import { createIdentityDispatcher, type IdentityDispatcher } from "@/server/recording/identity-dispatch";
import { createCaptureRecorder, type CaptureRecorder } from "@/server/recording/recorder";
import { getDb } from "@/server/db/client";
import { resolveApiKey } from "@/server/domain/api-keys/api-keys";
import { sendEvent } from "@/server/jobs/send-event";
import { existingSingleton, processSingleton, replaceSingleton } from "@/server/process-singleton";
import { createCachedAuthenticator } from "@/server/proxy/cached-authenticator";
import { createProxyHandler, type ProxyHandler } from "@/server/proxy/proxy-handler";

type CaptureRuntime = { recorder: CaptureRecorder; identity: IdentityDispatcher; handler: ProxyHandler };

const RUNTIME = "capture-runtime";

function createCaptureRuntime(): CaptureRuntime {
  // Prompt identity yields to live traffic (see identity-dispatch.ts).
  const identity = createIdentityDispatcher({ send: (captureIds) => sendEvent("capture/request.recorded", { captureIds }) });
  const recorder = createCaptureRecorder({
    getDb,
    spoolDir: join(dataDir(), "spool"),
    onStored: (captureIds) => identity.stored(captureIds),
  });
  recorder.start().catch((error: unknown) => console.error("[capture] could not replay the spool", error));
  const authenticate = createCachedAuthenticator(async (key) => {
    const resolved = await resolveApiKey(getDb(), key);
    return resolved ? { ownerId: resolved.actor.id, apiKeyId: resolved.apiKeyId } : null;
  });
  const proxy = createProxyHandler({
    upstreams: { openai: env.OPENAI_BASE_URL, anthropic: env.ANTHROPIC_BASE_URL },
    authenticate,
    onExchange: (exchange) => recorder.record(buildCaptureRecord(exchange)),
  });
  const handler: ProxyHandler = Object.assign((req: Parameters<ProxyHandler>[0], res: Parameters<ProxyHandler>[1]) => {
    identity.activity();
    proxy(req, res);
  }, { close: () => proxy.close() });
  return { recorder, identity, handler };
}

export function getProxyHandler(): ProxyHandler {
  return processSingleton(RUNTIME, createCaptureRuntime).handler;
}

/** On shutdown: spool what is buffered, try a last write, announce what was stored, drop idle upstream connections. */
export async function closeCaptureRuntime(): Promise<void> {
  const runtime = existingSingleton<CaptureRuntime>(RUNTIME);
  if (!runtime) return;
  replaceSingleton(RUNTIME, undefined);
  runtime.handler.close();
  await runtime.recorder.close();
  runtime.identity.close();
}
