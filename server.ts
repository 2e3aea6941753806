// `npm start` / `npm run dev`. The primary process owns the embedded database (when there is no
// DATABASE_URL), applies migrations, seeds the demo catalogue on first start, runs the in-process
// job runner (when Inngest is not configured) and the start-up sweeps. Pages, the API and the
// capture proxy are served by WEB_CONCURRENCY HTTP workers (node:cluster, default one per core) on
// the shared port (src/server/boot/http-worker.ts), so rendering uses every core while the
// database keeps one owner; with WEB_CONCURRENCY=1 and under `npm run dev` this one process serves
// them too. Next's documented custom-server mode. The capture proxy (/api/proxy/…) is answered on
// node:http, before Next; what anonymous visitors see is served from a short-lived cache
// (src/server/page-cache).
import "./src/server/boot/server-only-in-node.mjs";
import cluster from "node:cluster";
import { availableParallelism } from "node:os";
import { spawnSync } from "node:child_process";
import { ensureAuthSecret } from "./src/server/boot/auth-secret";
import { buildIsStale } from "./src/server/boot/build-freshness";

const dev = process.argv.includes("--dev");
(process.env as Record<string, string>).NODE_ENV ??= dev ? "development" : "production";
// The network is often closed; Next must not try to phone home.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

async function worker() {
  const { env } = await import("./src/env");
  const { inngestConfigured } = await import("./src/server/jobs/send-event");
  // Events go to the runner in the primary (or to Inngest directly when configured).
  if (!inngestConfigured()) (await import("./inngest/worker-events")).relayEventsToPrimary();
  const { runHttpWorker } = await import("./src/server/boot/http-worker");
  await runHttpWorker({ workers: env.WEB_CONCURRENCY ?? availableParallelism() });
}

async function main() {
  const { env, dataDir } = await import("./src/env");
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
  const { flushUsage } = await import("./src/server/domain/analytics/record-usage");
  const db = getDb();

  // Background jobs: Inngest when configured, otherwise the in-process runner (this process only;
  // HTTP workers hand it their events, inngest/worker-events.ts).
  const { inngestConfigured, sendEvent } = await import("./src/server/jobs/send-event");
  let jobs: import("./inngest/in-process-runner").InProcessRunner | undefined;
  // Replicas on one PostgreSQL server without Inngest: one of them runs the runner's schedules, seeds
  // and sweeps at start (src/server/jobs/schedule-leader.ts; README "Deployment").
  let replicas: import("./src/server/jobs/schedule-leader").ScheduleLeader | undefined;
  if (inngestConfigured()) console.log("▸ Jobs: Inngest");
  else {
    const { functions } = await import("./inngest/functions");
    const { createInProcessRunner } = await import("./inngest/in-process-runner");
    const { registerInProcessDispatcher } = await import("./src/server/jobs/send-event");
    const runner = createInProcessRunner({ functions });
    jobs = runner;
    // Events run here at once; the cron schedules start with runner.start(), on the leading replica only.
    registerInProcessDispatcher(runner.dispatch);
    if (database.embedded) runner.start();
    else {
      const { joinReplicas } = await import("./src/server/jobs/schedule-leader");
      replicas = await joinReplicas(database.url, {
        onLead: () => {
          runner.start();
          console.log("▸ Jobs: this replica runs the schedules");
        },
      });
    }
    console.log(`▸ Jobs: ${runner.describe()}`);
  }
  const othersRunning = replicas ? await replicas.othersRunning().catch(() => 0) : 0;
  // After the job runner, so the events the seed sends (a new prompt's embedding) have somewhere to go.
  if ((replicas?.leading ?? true) && (await db.user.count()) === 0) {
    const { seedDemoCatalogue } = await import("./prisma/seed/seed");
    console.log("▸ First start: seeding the demo catalogue…");
    await seedDemoCatalogue(db, (line) => console.log(`  ${line}`));
  }
  const startedAt = new Date().toISOString();
  if (othersRunning) {
    // Their queues live in their processes: a sweep now would re-queue what they are doing.
    console.log(`▸ Jobs: ${othersRunning} other replica(s) running: no start-up sweeps (the leader's every-minute sweep re-queues lost identity)`);
  } else {
    // Identity for captures left pending by an earlier run (crash, shutdown, outage): re-queued now.
    await sendEvent("capture/identity.sweep", { createdBefore: startedAt, claimedBefore: startedAt }).catch((error: unknown) => console.error("[jobs]", error));
    // Harness batches the previous process left queued or running: their pending cells run again.
    await sendEvent("harness/batches.resume", { createdBefore: startedAt }).catch((error: unknown) => console.error("[jobs]", error));
  }

  // Generated once into DATA_DIR when unset: here, before workers that might read it at once start.
  (await import("./src/server/domain/secret-box")).providerKeySecret();

  // The HTTP side: in this process (one worker, or `npm run dev`), or in a cluster of workers.
  const workers = dev ? 1 : (env.WEB_CONCURRENCY ?? availableParallelism());
  let stopHttp: () => Promise<void>;
  let listening: Promise<number>;
  if (workers === 1) {
    const { startHttpServer } = await import("./src/server/boot/http-server");
    const { spoolPlan } = await import("./src/server/boot/spool-dirs");
    const http = await startHttpServer({ dev, spool: spoolPlan(dataDir(), { workers: 1 }) });
    stopHttp = () => http.stop({ graceMs: 4_000 });
    listening = http.listening;
  } else {
    const { startWorkerCluster } = await import("./src/server/boot/cluster-primary");
    const { dispatchWorkerEvent } = await import("./inngest/worker-events");
    const httpWorkers = startWorkerCluster({
      workers,
      env: database.embedded ? { PROMPTUARY_EMBEDDED_DATABASE_URL: database.url } : {},
      onMessage: (message) => void dispatchWorkerEvent(jobs, message),
    });
    // Workers get 6.5 s to drain and flush (4 s for proxied calls, 1.5 s for the spool, then views).
    stopHttp = () => httpWorkers.stop(6_500);
    listening = httpWorkers.listening;
  }
  listening.then(
    (port) => {
      console.log(`\n  Promptuary is running at http://localhost:${port}${workers > 1 ? ` (${workers} HTTP workers)` : ""}`);
      console.log(`  Demo sign-in: demo@example.com / promptuary-demo\n`);
    },
    // Another process may have taken the port since the check at start: stop cleanly, releasing
    // the embedded database, rather than keep running while serving nothing.
    (error: NodeJS.ErrnoException) => {
      console.error(`\n✖ ${error.code === "EADDRINUSE" ? new PortInUseError(env.PORT, env.HOST).message : error.message}`);
      void stop(1);
    },
  );

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
    await stopHttp();
    // Prompt identity is not waited for: runs stop at their next step, and the start-up sweep
    // re-queues every capture left pending.
    await jobs?.stop({ graceMs: 1_000 });
    // The jobs run here and record usage (captured uses, harness runs): written before the database stops.
    await flushUsage().catch((error: unknown) => console.error("[usage]", error));
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

(cluster.isWorker ? worker() : main()).catch((error: unknown) => {
  console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
