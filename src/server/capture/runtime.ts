// Composition root of the capture proxy: one recorder per process (spool under DATA_DIR/spool,
// replayed at start), stored batches announced with capture/request.recorded when the proxy is
// quiet (identity-dispatch.ts), API keys authenticated through a 30 s cache. server.ts and the
// App Router route both take the handler from here; kept on globalThis because Next may load this
// module in several chunks.
import { join } from "node:path";
import { dataDir, env } from "@/env";
import { getDb } from "@/server/db/client";
import { resolveApiKey } from "@/server/domain/api-keys/api-keys";
import { sendEvent } from "~/inngest/send-event";
import { createCachedAuthenticator } from "@/server/proxy/cached-authenticator";
import { createProxyHandler, type ProxyHandler } from "@/server/proxy/proxy-handler";
import { createIdentityDispatcher, type IdentityDispatcher } from "./identity-dispatch";
import { createCaptureRecorder, type CaptureRecorder } from "./recorder";

type CaptureRuntime = { recorder: CaptureRecorder; identity: IdentityDispatcher; handler: ProxyHandler };

const holder = globalThis as unknown as { __promptuaryCapture?: CaptureRuntime };

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
    recorder,
  });
  const handler: ProxyHandler = Object.assign((req: Parameters<ProxyHandler>[0], res: Parameters<ProxyHandler>[1]) => {
    identity.activity();
    proxy(req, res);
  }, { close: () => proxy.close() });
  return { recorder, identity, handler };
}

export function getProxyHandler(): ProxyHandler {
  holder.__promptuaryCapture ??= createCaptureRuntime();
  return holder.__promptuaryCapture.handler;
}

/** On shutdown: spool what is buffered, try a last write, announce what was stored, drop idle upstream connections. */
export async function closeCaptureRuntime(): Promise<void> {
  const runtime = holder.__promptuaryCapture;
  if (!runtime) return;
  holder.__promptuaryCapture = undefined;
  runtime.handler.close();
  await runtime.recorder.close();
  runtime.identity.close();
}
