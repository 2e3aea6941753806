// `npm start` / `npm run dev`: one Node process that owns the embedded database (when there is no
// DATABASE_URL), applies migrations, seeds the demo catalogue on first start, and serves Next.js.
// Next's documented custom-server mode. The capture proxy (/api/proxy/…) is answered here directly
// on node:http, before Next, so proxied calls never pass through Next's request pipeline.
import "./src/server/boot/server-only-in-node.mjs";
import { createServer } from "node:http";
import { spawnSync } from "node:child_process";
import next from "next";
import { ensureAuthSecret } from "./src/server/boot/auth-secret";
import { buildIsStale } from "./src/server/boot/build-freshness";

const dev = process.argv.includes("--dev");
(process.env as Record<string, string>).NODE_ENV ??= dev ? "development" : "production";
// The network is often closed; Next must not try to phone home.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

async function main() {
  const { env } = await import("./src/env");
  const { assertPortAvailable, PortInUseError } = await import("./src/server/boot/port-check");
  await assertPortAvailable(env.PORT, env.HOST);
  ensureAuthSecret();
  if (!dev && buildIsStale(process.cwd())) {
    console.log("▸ Building the app (first start or sources changed)…");
    const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  const { prepareDatabase } = await import("./src/server/db/prepare-database");
  const { redactUrl } = await import("./src/server/db/redact-url");
  const database = await prepareDatabase();
  if (database.embedded) process.env.PROMPTUARY_EMBEDDED_DATABASE_URL = database.url;
  console.log(`▸ Database: ${database.embedded ? `embedded PostgreSQL (PGlite + pgvector) under ${env.DATA_DIR}/` : redactUrl(database.url)}`);
  if (database.applied.length) console.log(`▸ Applied migrations: ${database.applied.join(", ")}`);

  const { getDb } = await import("./src/server/db/client");
  const db = getDb();

  // Background jobs: Inngest when configured, otherwise the in-process runner (this process only).
  const { inngestConfigured, sendEvent } = await import("./src/server/jobs/send-event");
  let jobs: import("./inngest/in-process-runner").InProcessRunner | undefined;
  if (inngestConfigured()) console.log("▸ Jobs: Inngest");
  else {
    const { functions } = await import("./inngest/functions");
    const { startInProcessRunner } = await import("./inngest/in-process-runner");
    jobs = startInProcessRunner({ functions });
    console.log(`▸ Jobs: ${jobs.describe()}`);
  }
  // After the job runner, so the events the seed sends (a new prompt's embedding) have somewhere to go.
  if ((await db.user.count()) === 0) {
    const { seedDemoCatalogue } = await import("./prisma/seed/seed");
    console.log("▸ First start: seeding the demo catalogue…");
    await seedDemoCatalogue(db, (line) => console.log(`  ${line}`));
  }
  // Identity for captures left pending by an earlier run (crash, shutdown, outage): re-queued now.
  const startedAt = new Date().toISOString();
  await sendEvent("capture/identity.sweep", { createdBefore: startedAt, claimedBefore: startedAt }).catch((error: unknown) => console.error("[jobs]", error));
  // Harness batches the previous process left queued or running: their pending cells run again.
  await sendEvent("harness/batches.resume", { createdBefore: startedAt }).catch((error: unknown) => console.error("[jobs]", error));

  const port = env.PORT;
  // Next builds its internal request URLs from this hostname, whatever host the browser used; code
  // that sends people somewhere reads the origin from the request instead (http/site-origin.ts; the
  // Auth.js routes through auth/route-handlers.ts), so 127.0.0.1 or a LAN address stays itself.
  const app = next({ dev, hostname: "localhost", port, dir: process.cwd() });
  const handle = app.getRequestHandler();
  await app.prepare();

  const { getProxyHandler, drainProxy, closeCaptureRuntime } = await import("./src/server/boot/capture-runtime");
  const { PROXY_PREFIX } = await import("./src/server/proxy/proxy-route");
  const { prepareNodeRequest } = await import("./src/server/http/node-request");
  const trustedProxies = env.TRUST_PROXY;
  const { flushViews } = await import("./src/server/domain/social/views");
  const proxy = getProxyHandler();

  const server = createServer((req, res) => {
    // Security headers on every response; the client's address for per-IP limits (node-request.ts).
    prepareNodeRequest(req, res, { trustedProxies });
    if (req.url?.startsWith(PROXY_PREFIX)) return proxy(req, res);
    handle(req, res).catch((error: unknown) => {
      console.error("[server]", error);
      if (!res.headersSent) res.writeHead(500).end("Internal Server Error");
    });
  });
  // Another process may have taken the port since the check at start: stop cleanly, releasing the
  // embedded database, rather than keep running while serving nothing.
  server.once("error", (error: NodeJS.ErrnoException) => {
    console.error(`\n✖ ${error.code === "EADDRINUSE" ? new PortInUseError(port, env.HOST).message : error.message}`);
    void stop(1);
  });
  server.listen(port, env.HOST, () => {
    const url = `http://localhost:${(server.address() as { port: number }).port}`;
    console.log(`\n  Promptuary is running at ${url}`);
    console.log(`  Demo sign-in: demo@example.com / promptuary-demo\n`);
  });

  let stopping = false;
  const stop = async (exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    console.log("▸ Stopping…");
    // Platforms kill at 10 s: stop within a few. Proxied calls in flight finish (each is in the
    // spool before its response completes); streams still open after the grace are cut, and
    // recorded as cut. Should a step hang (a database that stopped answering), exit anyway: what
    // was answered is in the spool, and identity is re-queued at the next start.
    setTimeout(() => {
      console.error("✖ Shutdown took over 8 s; exiting now.");
      process.exit(exitCode || 1);
    }, 8_000).unref();
    server.close();
    await drainProxy(4_000);
    server.closeAllConnections();
    await new Promise((resolve) => setImmediate(resolve)); // cut calls report themselves on "close"
    await closeCaptureRuntime({ graceMs: 1_500 }).catch((error: unknown) => console.error("[capture]", error));
    await flushViews().catch((error: unknown) => console.error("[views]", error));
    // Prompt identity is not waited for: runs stop at their next step, and the start-up sweep
    // re-queues every capture left pending.
    await jobs?.stop({ graceMs: 1_000 });
    await db.$disconnect().catch(() => {});
    await database.stop();
    process.exit(exitCode);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
  // npm does not pass SIGTERM on to the script it runs: stopping `npm start` ends npm and its shell
  // and leaves this process to init. A new parent means whoever started us is gone: stop likewise.
  const parentAtStart = process.ppid;
  setInterval(() => {
    if (process.ppid !== parentAtStart) void stop();
  }, 1000).unref();
}

main().catch((error: unknown) => {
  console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
