// Test harness benchmark against the production server (`node --import tsx server.ts`, as `npm
// start` runs it), over HTTP with a plain tRPC client and an API key.
//
//   npm run bench:harness -- [--latency 20] [--rows 1000] [--concurrency 10] [--runs 5] [--batches 3] [--port 0] [--keep]
//
// It starts two loopback fake model providers (src/test/fake-model-provider.ts: OpenAI and
// Anthropic, official wire formats, streamed), the server with a fresh DATA_DIR (embedded PGlite)
// pointing OPENAI_/ANTHROPIC_BASE_URL at them, and creates a user and API key with the CLI. Then:
//   1. A run of 8 models (4 per provider) answering after 20, 30, … 90 ms: the time from
//      harness.run until harness.get reports the run done, against the slowest cell's own latency
//      (target: + 50 ms at most).
//   2. --batches batches, one after another, of --rows rows × 2 models (one per provider, each answering after --latency ms) at
//      HARNESS_BATCH_CONCURRENCY=--concurrency: the time until batchStatus says done (target < 15 s),
//      the most calls in flight each fake saw, the server's RSS before, during (peak) and after, and
//      how often progress changed as seen by a client polling batchStatus every 100 ms (the batch
//      page polls every 500 ms; target: a change at least once a second).
// RSS includes the embedded database (PGlite) and V8's heap, which grows lazily while there is room:
// with NODE_OPTIONS=--max-old-space-size=384 (passed on to the server) it shows the level the server
// actually holds, batch after batch.
// Everything it started is stopped at the end, also on Ctrl-C.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createTRPCClient, httpLink } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "../src/server/api/root";
import { buildIsStale } from "../src/server/boot/build-freshness";
import { defaultBehaviour, startFakeModelProvider } from "../src/test/fake-model-provider";
import { freePort } from "../src/test/process/server-process";

const ROOT = join(fileURLToPath(new URL(".", import.meta.url)), "..");
const RUN_OPENAI = ["run-20", "run-30", "run-40", "run-50"];
const RUN_ANTHROPIC = ["run-60", "run-70", "run-80", "run-90"];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let server: ChildProcess | undefined;
const cleanups: Array<() => Promise<void> | void> = [];
async function cleanup() {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server!.once("exit", r));
    server.kill("SIGTERM");
    await Promise.race([exited, sleep(10_000)]);
  }
  for (const step of cleanups.reverse()) await step();
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

function cli(args: string[], env: NodeJS.ProcessEnv): Record<string, unknown> {
  const result = spawnSync("npx", ["tsx", "scripts/cli.ts", ...args, "--json"], { cwd: ROOT, env, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`cli ${args.slice(0, 2).join(" ")} failed:\n${result.stderr || result.stdout}`);
  return JSON.parse(result.stdout.trim().split("\n").pop() ?? "{}") as Record<string, unknown>;
}

async function startServer(env: NodeJS.ProcessEnv, logFile: string) {
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  server = child;
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within 300 s; log: ${logFile}`)), 300_000);
    const onData = (chunk: Buffer) => {
      log.write(chunk);
      output = (output + chunk.toString()).slice(-20_000);
      if (output.includes("Promptuary is running at")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) during start-up:\n${output.split("\n").slice(-25).join("\n")}`));
    });
  });
  return child;
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : "—");

async function main() {
  const { values } = parseArgs({
    options: {
      latency: { type: "string", default: "20" },
      rows: { type: "string", default: "1000" },
      concurrency: { type: "string", default: "10" },
      runs: { type: "string", default: "5" },
      batches: { type: "string", default: "3" },
      port: { type: "string", default: "0" },
      keep: { type: "boolean", default: false },
    },
  });
  const latency = Number(values.latency);
  const rowCount = Number(values.rows);
  const concurrency = Number(values.concurrency);
  const runs = Number(values.runs);
  const batchCount = Math.max(1, Number(values.batches));
  process.on("SIGINT", () => void cleanup().finally(() => process.exit(130)));

  const work = mkdtempSync(join(tmpdir(), "promptuary-bench-harness-"));
  cleanups.push(() => (values.keep ? console.log(`  kept ${work}`) : rmSync(work, { recursive: true, force: true })));

  // Run models wait 20…90 ms by name; batch models answer after --latency ms.
  const behave = (model: string, prompt: string) => {
    const ms = /^run-(\d+)$/.exec(model)?.[1];
    return { ...defaultBehaviour(model, prompt, { slowMs: 5000 }), delayMs: ms ? Number(ms) : latency };
  };
  const openai = await startFakeModelProvider({ openaiModels: ["gpt-4o-mini", ...RUN_OPENAI], behave });
  const anthropic = await startFakeModelProvider({ anthropicModels: ["claude-3-5-haiku-latest", ...RUN_ANTHROPIC], behave });
  cleanups.push(() => openai.close(), () => anthropic.close());
  console.log(`▸ Fake providers: OpenAI ${openai.baseUrl}, Anthropic ${anthropic.baseUrl} (batch models answer after ${latency} ms)`);

  const port = Number(values.port) || (await freePort());
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATA_DIR: join(work, "data"),
    PORT: String(port),
    HOST: "127.0.0.1",
    OPENAI_BASE_URL: openai.baseUrl,
    OPENAI_API_KEY: "sk-bench-harness",
    ANTHROPIC_BASE_URL: anthropic.baseUrl,
    ANTHROPIC_API_KEY: "sk-ant-bench-harness",
    HARNESS_BATCH_CONCURRENCY: String(concurrency),
    HARNESS_BATCH_MAX_ROWS: String(Math.max(rowCount, 5000)),
    AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-harness-secret-bench-harness-secret",
  };
  for (const name of ["DATABASE_URL", "PROMPTUARY_EMBEDDED_DATABASE_URL", "INNGEST_DEV", "INNGEST_BASE_URL", "INNGEST_EVENT_KEY"]) delete env[name];
  if (buildIsStale(ROOT)) console.log("▸ The production build is stale: the server builds it first (≈1–3 min)…");
  const started = Date.now();
  const child = await startServer(env, join(work, "server.log"));
  console.log(`▸ Server on 127.0.0.1:${port}, pid ${child.pid}, ready in ${((Date.now() - started) / 1000).toFixed(1)} s (log ${join(work, "server.log")})`);

  const id = randomBytes(4).toString("hex");
  const email = `bench-harness-${id}@example.com`;
  cli(["user", "create", "--email", email, "--password", `bench-${randomBytes(9).toString("hex")}`, "--handle", `benchh${id}`, "--name", "Harness bench"], env);
  const { key } = cli(["apikey", "create", "--email", email, "--name", "bench:harness"], env) as { key: string };
  const api = createTRPCClient<AppRouter>({ links: [httpLink({ url: `http://127.0.0.1:${port}/api/trpc`, transformer: superjson, headers: { authorization: `Bearer ${key}` } })] });
  const prompt = await api.prompt.create.mutate({ title: "Harness bench", category: "writing", body: "Write one line about {{topic}}.", visibility: "private" });
  const versionId = prompt.version.id;

  // 1. A run of 8 models.
  const models = [...RUN_OPENAI.map((model) => ({ provider: "openai", model })), ...RUN_ANTHROPIC.map((model) => ({ provider: "anthropic", model }))];
  const runFigures: Array<{ wall: number; slowest: number; server: number }> = [];
  for (let i = 0; i < runs + 1; i++) {
    const t0 = performance.now();
    const { runId } = await api.harness.run.mutate({ versionId, variables: { topic: `run ${i}` }, models });
    let run = await api.harness.get.query({ runId });
    while (run.status !== "done") {
      await sleep(10);
      run = await api.harness.get.query({ runId });
    }
    const wall = performance.now() - t0;
    const slowest = Math.max(...run.results.map((r) => r.latencyMs ?? 0));
    const server = run.finishedAt ? new Date(run.finishedAt).getTime() - new Date(run.createdAt).getTime() : NaN;
    const failed = run.results.filter((r) => r.error);
    if (failed.length) throw new Error(`run ${i}: ${failed.length} cell(s) failed: ${failed[0].error}`);
    if (i > 0) runFigures.push({ wall, slowest, server }); // the first run warms up the SDK clients
  }

  // 2. Batches of rows × 2 models, one after another (RSS should level off, not keep growing).
  const rows = Array.from({ length: rowCount }, (_, i) => ({ topic: `topic number ${i}` }));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  async function runBatch() {
    const rss = { before: rssMb(child.pid!), peak: 0, after: 0 };
    const calls = { openai: openai.requests.length, anthropic: anthropic.requests.length };
    const t0 = performance.now();
    const { batchId } = await api.harness.batch.mutate({
      versionId,
      rows,
      models: [
        { provider: "openai", model: "gpt-4o-mini" },
        { provider: "anthropic", model: "claude-3-5-haiku-latest" },
      ],
      assertions: [{ type: "contains", value: "says" }],
    });
    const accepted = performance.now() - t0;
    const changes: number[] = [];
    const pollLatencies: number[] = [];
    let last = -1;
    let status = await api.harness.batchStatus.query({ batchId });
    while (status.status === "queued" || status.status === "running") {
      const finished = status.done + status.errored;
      if (finished !== last) {
        changes.push(performance.now());
        last = finished;
      }
      rss.peak = Math.max(rss.peak, rssMb(child.pid!));
      await sleep(100);
      const p0 = performance.now();
      status = await api.harness.batchStatus.query({ batchId });
      pollLatencies.push(performance.now() - p0);
    }
    const ms = performance.now() - t0;
    await sleep(2000);
    rss.after = rssMb(child.pid!);
    const results = await api.harness.batchResults.query({ batchId, limit: 1 });
    const gaps = changes.slice(1).map((t, i) => t - changes[i]);
    return {
      ms,
      accepted,
      status,
      rss,
      passRate: results.summary.passRate ?? 0,
      calls: { openai: openai.requests.length - calls.openai, anthropic: anthropic.requests.length - calls.anthropic },
      changes: changes.length,
      maxGap: Math.max(0, ...gaps),
      medianGap: median(gaps) ?? NaN,
      pollMedian: median(pollLatencies),
      pollMax: Math.max(...pollLatencies),
    };
  }
  const batches = [];
  for (let i = 0; i < batchCount; i++) batches.push(await runBatch());

  // Report.
  const overheads = runFigures.map((r) => r.wall - r.slowest);
  console.log(`\nHarness benchmark — fake providers on loopback, embedded PGlite, Node ${process.version}\n`);
  console.log(`Run of 8 models (answering after 20…90 ms), ${runFigures.length} runs after one warm-up:`);
  for (const [i, r] of runFigures.entries()) console.log(`  run ${i + 1}: done after ${fmt(r.wall)} ms (server: created→finished ${fmt(r.server)} ms), slowest cell ${fmt(r.slowest)} ms, overhead ${fmt(r.wall - r.slowest)} ms`);
  const worst = Math.max(...overheads);
  console.log(`  ${worst <= 50 ? "✔" : "✖"} median overhead ${fmt(median(overheads))} ms, worst ${fmt(worst)} ms (target: slowest model + 50 ms)`);
  console.log(`\n${batchCount} batch(es) of ${rowCount} rows × 2 models at ${concurrency} per provider (${latency} ms answers), one after another:`);
  for (const [i, b] of batches.entries()) {
    console.log(`  batch ${i + 1}: accepted (validated + ${rowCount * 2} cells stored) in ${fmt(b.accepted)} ms; ${b.status.status} after ${fmt(b.ms / 1000, 2)} s (${fmt((b.status.done + b.status.errored) / (b.ms / 1000))} cells/s)`);
    console.log(`    cells ${b.status.done} done, ${b.status.errored} failed, ${b.status.pending} pending; pass rate ${fmt(b.passRate * 100, 1)}%; calls made: openai ${b.calls.openai}, anthropic ${b.calls.anthropic}`);
    console.log(`    progress changes seen polling every 100 ms: ${b.changes}, largest gap ${fmt(b.maxGap)} ms, median ${fmt(b.medianGap)} ms; batchStatus answered in median ${fmt(b.pollMedian, 1)} ms, max ${fmt(b.pollMax, 1)} ms`);
    console.log(`    server RSS: before ${fmt(b.rss.before)} MB, peak during ${fmt(b.rss.peak)} MB, 2 s after ${fmt(b.rss.after)} MB`);
  }
  const slowest = Math.max(...batches.map((b) => b.ms));
  const allDone = batches.every((b) => b.status.status === "done" && b.status.done + b.status.errored === rowCount * 2);
  console.log(`  ${slowest < 15_000 && allDone ? "✔" : "✖"} every batch finished, the slowest in ${fmt(slowest / 1000, 2)} s (target < 15 s)`);
  console.log(`  ${batches.every((b) => b.maxGap <= 1000) ? "✔" : "✖"} progress moved at least once a second (largest gap ${fmt(Math.max(...batches.map((b) => b.maxGap)))} ms)`);
  console.log(`  ${openai.maxInFlight() <= concurrency && anthropic.maxInFlight() <= concurrency ? "✔" : "✖"} most calls in flight: openai ${openai.maxInFlight()}, anthropic ${anthropic.maxInFlight()} (limit ${concurrency} per provider)`);
  const growth = batches.length > 1 ? batches.at(-1)!.rss.after - batches[1].rss.before : NaN;
  console.log(`  RSS after the first batch → after the last: ${fmt(batches[0].rss.after)} → ${fmt(batches.at(-1)!.rss.after)} MB (${Number.isFinite(growth) ? `${growth >= 0 ? "+" : ""}${fmt(growth)} MB over batches 2–${batches.length}` : "run --batches 2+ to compare"})`);

  await cleanup();
  process.exit(0);
}

main().catch(async (error: unknown) => {
  console.error(`\n✖ ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  await cleanup();
  process.exit(1);
});
