// Capture proxy benchmark against the production server (`npm start`).
//
//   npm run bench:proxy -- [--delay 20] [--requests 400,2000,5000] [--concurrency 1,10,50]
//                          [--warmup 0.1] [--database-url postgresql://…] [--keep] [--profile]
//
// From one run it starts, each in its own process: a loopback fake OpenAI upstream (node:http,
// chat-completions JSON with usage, answering after --delay ms), the production server with a
// fresh DATA_DIR under /tmp and OPENAI_BASE_URL pointing at the fake (it builds first when the
// build is stale), and a plain node:http pass-through proxy (the practical limit). It creates a
// user and an API key with the CLI, then for each concurrency level measures p50/p95/p99 latency
// and req/s of (a) the upstream directly, (b) the pass-through and (c) the capture proxy, with a
// load generator in its own process (node:http, keep-alive agent, maxSockets = concurrency).
// At the end it waits for the recorder and compares captures stored (capture.stats over tRPC, with
// the key) with proxied calls made. Everything it started is stopped, also on Ctrl-C.
//
// Without --database-url the server uses its embedded database (PGlite) in the fresh DATA_DIR.
// With --database-url it creates a throw-away database `bench_proxy_<random>` on that PostgreSQL
// server, runs the server against it and drops it at the end (--keep leaves it, and the DATA_DIR).
// --profile runs the server with --cpu-prof and prints where the .cpuprofile files are.
import { fork, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createTRPCClient, httpLink } from "@trpc/client";
import { redactUrl as redact } from "../src/server/db/redact-url";
import { createScratchDatabase } from "../src/test/scratch-database";
import superjson from "superjson";
import type { AppRouter } from "../src/server/api/root";
import { buildIsStale } from "../src/server/boot/build-freshness";

const SCRIPT = fileURLToPath(import.meta.url);
const ROOT = join(fileURLToPath(new URL(".", import.meta.url)), "..");
const USAGE =
  "usage: npm run bench:proxy -- [--delay MS] [--requests N,N,N] [--concurrency C,C,C] [--warmup FRACTION] [--database-url URL] [--keep] [--profile]";
/** Ports other jobs on this machine use; never picked. */
const RESERVED_PORTS = new Set([3000, 3210, 3299, 5432, 55432]);
const CHAT_PATH = "/v1/chat/completions";
const PROXY_PATH = "/api/proxy/openai/v1/chat/completions";
const REQUEST_BODY = JSON.stringify({
  model: "gpt-4o-mini",
  messages: [
    { role: "system", content: "You are a concise assistant for a benchmark." },
    { role: "user", content: "Summarise the benefits of keep-alive connections in one sentence." },
  ],
  temperature: 0,
});

// ---------------------------------------------------------------------------------------------
// Child roles: the fake upstream, the pass-through and the load generator run in their own
// processes (this file, forked with --role), so none of them shares a CPU queue with another.

type LoadJob = { url: string; headers: Record<string, string>; body: string; concurrency: number; requests: number; warmup: number };
type LoadResult = { latenciesMs: number[]; seconds: number; ok: number; failed: number; statuses: Record<string, number>; sent: number };

function roleUpstream(delayMs: number) {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      setTimeout(() => {
        let model = "gpt-4o-mini";
        try {
          model = (JSON.parse(Buffer.concat(chunks).toString("utf8")) as { model?: string }).model ?? model;
        } catch {
          // not JSON: keep the default model
        }
        const body = JSON.stringify({
          id: `chatcmpl-bench${randomBytes(6).toString("hex")}`,
          object: "chat.completion",
          created: Math.floor(Date.now() / 1000),
          model: `${model}-2024-07-18`,
          choices: [{ index: 0, message: { role: "assistant", content: "Keep-alive reuses connections, so requests skip the TCP handshake." }, finish_reason: "stop" }],
          usage: { prompt_tokens: 31, completion_tokens: 14, total_tokens: 45 },
        });
        res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body), "x-request-id": "bench" });
        res.end(body);
      }, delayMs);
    });
  });
  server.keepAliveTimeout = 120_000;
  server.listen(0, "127.0.0.1", () => process.send?.({ port: (server.address() as AddressInfo).port }));
}

function rolePassThrough(upstreamPort: number) {
  const agent = new http.Agent({ keepAlive: true, maxFreeSockets: 256, scheduling: "lifo" });
  const server = http.createServer((req, res) => {
    const headers = { ...req.headers };
    delete headers.host;
    delete headers.connection;
    const upstream = http.request({ hostname: "127.0.0.1", port: upstreamPort, path: req.url, method: req.method, headers, agent }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  server.keepAliveTimeout = 120_000;
  server.listen(0, "127.0.0.1", () => process.send?.({ port: (server.address() as AddressInfo).port }));
}

function roleLoad() {
  process.on("message", (job: LoadJob) => {
    runLoad(job).then(
      (result) => process.send?.(result),
      (error: unknown) => process.send?.({ error: String(error) }),
    );
  });
}

async function runLoad(job: LoadJob): Promise<LoadResult> {
  const target = new URL(job.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency, maxFreeSockets: job.concurrency });
  const body = Buffer.from(job.body);
  const headers = { ...job.headers, "content-type": "application/json", "content-length": String(body.length) };
  const statuses: Record<string, number> = {};
  let sent = 0;

  const once = () =>
    new Promise<number>((resolve) => {
      sent++;
      const t0 = process.hrtime.bigint();
      const req = http.request({ hostname: target.hostname, port: target.port, path: target.pathname, method: "POST", headers, agent }, (res) => {
        res.on("data", () => {});
        res.on("end", () => {
          const key = String(res.statusCode);
          statuses[key] = (statuses[key] ?? 0) + 1;
          resolve(res.statusCode === 200 ? Number(process.hrtime.bigint() - t0) / 1e6 : -1);
        });
      });
      req.on("error", () => {
        statuses.error = (statuses.error ?? 0) + 1;
        resolve(-1);
      });
      req.end(body);
    });

  const phase = async (count: number, keep: number[] | null) => {
    let next = 0;
    let failed = 0;
    const worker = async () => {
      while (next < count) {
        next++;
        const ms = await once();
        if (ms < 0) failed++;
        else keep?.push(ms);
      }
    };
    await Promise.all(Array.from({ length: job.concurrency }, worker));
    return failed;
  };

  await phase(job.warmup, null);
  const latenciesMs: number[] = [];
  const t0 = process.hrtime.bigint();
  const failed = await phase(job.requests, latenciesMs);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  agent.destroy();
  return { latenciesMs, seconds, ok: latenciesMs.length, failed, statuses, sent };
}

// ---------------------------------------------------------------------------------------------
// The orchestrator.

type Started = { child: ChildProcess; port: number };
type Target = "upstream" | "pass-through" | "proxy";
type Row = { concurrency: number; target: Target; p50: number; p95: number; p99: number; rps: number; failed: number; statuses: Record<string, number> };

const children = new Set<ChildProcess>();
let serverProcess: ChildProcess | null = null;
let cleanupSteps: (() => Promise<void> | void)[] = [];

function forkRole(role: string, args: string[] = []): ChildProcess {
  const child = fork(SCRIPT, ["--role", role, ...args], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  children.add(child);
  child.on("exit", () => children.delete(child));
  return child;
}

function nextMessage<T>(child: ChildProcess, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: T) => {
      child.off("exit", onExit);
      resolve(message);
    };
    const onExit = (code: number | null) => {
      child.off("message", onMessage);
      reject(new Error(`${what} exited (${code}) before answering`));
    };
    child.once("message", onMessage);
    child.once("exit", onExit);
  });
}

async function startRole(role: string, args: string[]): Promise<Started> {
  const child = forkRole(role, args);
  const { port } = await nextMessage<{ port: number }>(child, role);
  return { child, port };
}

async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = http.createServer();
      server.on("error", reject);
      server.listen(0, "127.0.0.1", () => {
        const { port: p } = server.address() as AddressInfo;
        server.close(() => resolve(p));
      });
    });
    if (!RESERVED_PORTS.has(port)) return port;
  }
}

const percentile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : NaN);

function processGroupAlive(pid: number) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A profiled server writes its profile on exit, after in-flight background runs finish. */
let stopGraceMs = 20_000;

async function stopServer() {
  const child = serverProcess;
  serverProcess = null;
  if (!child?.pid) return;
  const pid = child.pid;
  // npm start → tsx → node server.ts all share the group the server was spawned in.
  try {
    process.kill(-pid, "SIGTERM");
  } catch {
    return;
  }
  const deadline = Date.now() + stopGraceMs;
  while (processGroupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (processGroupAlive(pid)) {
    console.log(`  server did not stop within ${stopGraceMs / 1000} s (still finishing background prompt identity); killing it`);
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

async function cleanup() {
  for (const child of children) child.kill("SIGTERM");
  await stopServer();
  const steps = cleanupSteps;
  cleanupSteps = [];
  for (const step of steps.reverse()) {
    try {
      await step();
    } catch (error) {
      console.error(`  cleanup: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

function cli(args: string[], env: NodeJS.ProcessEnv): Record<string, unknown> {
  const result = spawnSync("npx", ["tsx", "scripts/cli.ts", ...args, "--json"], { cwd: ROOT, env, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`cli ${args.slice(0, 2).join(" ")} failed:\n${result.stderr || result.stdout}`);
  const line = result.stdout.trim().split("\n").pop() ?? "";
  return JSON.parse(line) as Record<string, unknown>;
}


async function startServer(opts: { command: [string, string[]]; env: NodeJS.ProcessEnv; logFile: string }) {
  const log = createWriteStream(opts.logFile);
  const child = spawn(opts.command[0], opts.command[1], { cwd: ROOT, env: opts.env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  serverProcess = child;
  let output = "";
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within 240 s; log: ${opts.logFile}`)), 240_000);
    const onData = (chunk: Buffer) => {
      log.write(chunk);
      const text = chunk.toString();
      output = (output + text).slice(-20_000);
      for (const line of text.split("\n")) if (/^▸ (Building|Database|Applied|First start)/.test(line.trim())) console.log(`  server: ${line.trim()}`);
      if (output.includes("Promptuary is running at")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) during start-up:\n${output.split("\n").slice(-25).join("\n")}`));
    });
  });
  await ready;
  child.removeAllListeners("exit");
  child.on("exit", (code) => {
    if (serverProcess === child) console.error(`\n✖ the server exited unexpectedly (${code}); log: ${opts.logFile}`);
  });
}

async function measure(load: ChildProcess, job: LoadJob): Promise<Omit<Row, "concurrency" | "target"> & { sent: number }> {
  load.send(job);
  const result = await nextMessage<LoadResult | { error: string }>(load, "load generator");
  if ("error" in result) throw new Error(result.error);
  const sorted = result.latenciesMs.sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    rps: result.ok / result.seconds,
    failed: result.failed,
    statuses: result.statuses,
    sent: result.sent,
  };
}

const parseList = (text: string, name: string) => {
  const list = text.split(",").map((s) => Number(s.trim()));
  if (!list.length || list.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`--${name}: expected positive integers separated by commas`);
  return list;
};

async function main() {
  const { values } = parseArgs({
    options: {
      role: { type: "string" },
      port: { type: "string" },
      delay: { type: "string", default: "20" },
      requests: { type: "string", default: "400,2000,5000" },
      concurrency: { type: "string", default: "1,10,50" },
      warmup: { type: "string", default: "0.1" },
      "database-url": { type: "string" },
      keep: { type: "boolean", default: false },
      profile: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const delay = Number(values.delay);
  if (!Number.isFinite(delay) || delay < 0) throw new Error("--delay: expected milliseconds ≥ 0");

  // A forked role ends with the benchmark, even if the benchmark itself is killed.
  if (values.role) process.on("disconnect", () => process.exit(0));
  if (values.role === "upstream") return roleUpstream(delay);
  if (values.role === "pass-through") return rolePassThrough(Number(values.port));
  if (values.role === "load") return roleLoad();
  if (values.help) return console.log(USAGE);

  const levels = parseList(values.concurrency, "concurrency");
  let requests = parseList(values.requests, "requests");
  if (requests.length === 1) requests = levels.map(() => requests[0]);
  if (requests.length !== levels.length) throw new Error("--requests: give one count, or one per concurrency level");
  const warmupShare = Number(values.warmup);
  if (!(warmupShare >= 0 && warmupShare <= 1)) throw new Error("--warmup: expected a fraction between 0 and 1");

  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) return;
    interrupted = true;
    console.log(`\n▸ ${signal}: stopping everything the benchmark started…`);
    void cleanup().finally(() => process.exit(130));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  const work = mkdtempSync(join(tmpdir(), "promptuary-bench-proxy-"));
  const dataDir = join(work, "data");
  cleanupSteps.push(() => {
    if (values.keep) console.log(`  kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  });

  console.log(`▸ Capture proxy benchmark: upstream delay ${delay} ms, concurrency ${levels.join("/")}, requests ${requests.join("/")} (+${Math.round(warmupShare * 100)}% warm-up)`);
  console.log(`  work directory ${work}`);

  let databaseUrl: string | undefined;
  if (values["database-url"]) {
    const scratch = await createScratchDatabase(values["database-url"], "bench_proxy");
    databaseUrl = scratch.url;
    console.log(`▸ Database: PostgreSQL, throw-away database ${redact(databaseUrl)}`);
    cleanupSteps.push(async () => {
      if (values.keep) return console.log(`  kept database ${redact(scratch.url)}`);
      await scratch.drop();
    });
  } else console.log(`▸ Database: embedded (PGlite) under ${dataDir}`);

  const upstream = await startRole("upstream", ["--delay", String(delay)]);
  const passThrough = await startRole("pass-through", ["--port", String(upstream.port)]);
  console.log(`▸ Fake upstream on 127.0.0.1:${upstream.port} (${delay} ms), pass-through on 127.0.0.1:${passThrough.port}`);

  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: "127.0.0.1",
    OPENAI_BASE_URL: `http://127.0.0.1:${upstream.port}/v1`,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  delete env.DATABASE_URL;
  delete env.PROMPTUARY_EMBEDDED_DATABASE_URL;
  delete env.INNGEST_DEV;
  delete env.INNGEST_BASE_URL;
  delete env.INNGEST_EVENT_KEY;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  // --cpu-prof is not allowed in NODE_OPTIONS: with --profile the server runs as `node --cpu-prof
  // --import tsx server.ts`, which is what `npm start` (tsx server.ts) amounts to.
  const profileDir = join(work, "cpu-profiles");
  if (values.profile) stopGraceMs = 300_000;
  const command: [string, string[]] = values.profile
    ? [process.execPath, ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, "--import", "tsx", "server.ts"]]
    : ["npm", ["start"]];

  if (buildIsStale(ROOT)) console.log("▸ The production build is missing or older than the sources: `npm start` builds it first (≈15–60 s)…");
  console.log(`▸ Starting the production server (${values.profile ? "node --cpu-prof --import tsx server.ts" : "npm start"}) on 127.0.0.1:${port}…`);
  const startedAt = Date.now();
  await startServer({ command, env, logFile: join(work, "server.log") });
  console.log(`  ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s (log: ${join(work, "server.log")})`);

  const id = randomBytes(4).toString("hex");
  const email = `bench-${id}@example.com`;
  cli(["user", "create", "--email", email, "--password", `bench-${randomBytes(9).toString("hex")}`, "--handle", `bench${id}`, "--name", "Proxy bench"], env);
  const { key } = cli(["apikey", "create", "--email", email, "--name", "bench:proxy"], env) as { key: string };
  console.log(`▸ Created user ${email} and an API key with the CLI`);

  const load = forkRole("load");
  const targets: Record<Target, { url: string; headers: Record<string, string> }> = {
    upstream: { url: `http://127.0.0.1:${upstream.port}${CHAT_PATH}`, headers: { authorization: "Bearer sk-bench-provider-key-0000" } },
    "pass-through": { url: `http://127.0.0.1:${passThrough.port}${CHAT_PATH}`, headers: { authorization: "Bearer sk-bench-provider-key-0000" } },
    proxy: { url: `http://127.0.0.1:${port}${PROXY_PATH}`, headers: { authorization: "Bearer sk-bench-provider-key-0000", "x-promptuary-key": key } },
  };

  const rows: Row[] = [];
  let proxyCalls = 0;
  for (const [i, concurrency] of levels.entries()) {
    const count = requests[i];
    const warmup = Math.max(concurrency * 2, Math.round(count * warmupShare));
    for (const target of ["upstream", "pass-through", "proxy"] as Target[]) {
      process.stdout.write(`  c=${concurrency} ${target}: ${warmup} warm-up + ${count} requests… `);
      const result = await measure(load, { ...targets[target], body: REQUEST_BODY, concurrency, requests: count, warmup });
      if (target === "proxy") proxyCalls += result.sent;
      rows.push({ concurrency, target, ...result });
      console.log(`p50 ${result.p50.toFixed(2)} ms, ${result.rps.toFixed(0)} req/s${result.failed ? `, ${result.failed} failed ${JSON.stringify(result.statuses)}` : ""}`);
    }
  }

  // Captures: wait for the recorder (spool + batched inserts) until the count stops moving.
  const trpc = createTRPCClient<AppRouter>({
    links: [httpLink({ url: `http://127.0.0.1:${port}/api/trpc`, transformer: superjson, headers: { authorization: `Bearer ${key}` } })],
  });
  process.stdout.write(`▸ Waiting for the recorder to store ${proxyCalls} captures… `);
  const waitStarted = Date.now();
  let stored = -1;
  let lastChange = Date.now();
  for (;;) {
    const stats = await trpc.capture.stats.query({});
    if (stats.total !== stored) lastChange = Date.now();
    stored = stats.total;
    if (stored >= proxyCalls || Date.now() - lastChange > 15_000) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  console.log(`${stored} after ${((Date.now() - waitStarted) / 1000).toFixed(1)} s`);

  printReport(rows, levels, { delay, stored, proxyCalls, database: databaseUrl ? "PostgreSQL" : "embedded PGlite" });

  await cleanup();
  if (values.profile) {
    const files = existsSync(profileDir) ? readdirSync(profileDir).map((f) => join(profileDir, f)) : [];
    files.sort((a, b) => statSync(b).size - statSync(a).size);
    console.log(files.length ? `\n▸ CPU profiles (largest first; the server is usually the largest):\n${files.map((f) => `  ${f}`).join("\n")}` : "\n▸ No CPU profile was written.");
  }
  process.exit(0);
}

function printReport(rows: Row[], levels: number[], info: { delay: number; stored: number; proxyCalls: number; database: string }) {
  const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : "—");
  const header = ["c", "target", "p50 ms", "p95 ms", "p99 ms", "req/s", "added p50 ms", "% of pass-through", "failed"];
  const table: string[][] = [];
  const verdicts: string[] = [];
  for (const c of levels) {
    const at = (t: Target) => rows.find((r) => r.concurrency === c && r.target === t)!;
    const direct = at("upstream");
    const pass = at("pass-through");
    for (const r of [direct, pass, at("proxy")]) {
      const added = r.target === "upstream" ? "" : fmt(r.p50 - direct.p50);
      const share = r.target === "upstream" ? "" : `${fmt((100 * r.rps) / pass.rps, 1)}%`;
      table.push([String(c), r.target, fmt(r.p50), fmt(r.p95), fmt(r.p99), fmt(r.rps, 0), added, share, String(r.failed)]);
    }
    const proxy = at("proxy");
    const added = proxy.p50 - direct.p50;
    const limit = c >= 50 ? 5 : 2;
    verdicts.push(`${added <= limit ? "✔" : "✖"} c=${c}: added p50 ${fmt(added)} ms (target ≤ ${limit} ms)`);
    if (c >= 50) {
      const share = (100 * proxy.rps) / pass.rps;
      verdicts.push(`${share >= 80 ? "✔" : "✖"} c=${c}: throughput ${fmt(share, 1)}% of the pass-through (target ≥ 80%)`);
    }
    if (proxy.failed) verdicts.push(`✖ c=${c}: ${proxy.failed} proxied calls failed ${JSON.stringify(proxy.statuses)}`);
  }
  verdicts.push(`${info.stored === info.proxyCalls ? "✔" : "✖"} captures stored ${info.stored} of ${info.proxyCalls} proxied calls (warm-up included; target: none lost)`);

  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");
  console.log(`\nCapture proxy vs upstream (${info.delay} ms) and a plain node:http pass-through — ${info.database}, Node ${process.version}\n`);
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  let previous = "";
  for (const row of table) {
    if (previous && row[0] !== previous) console.log("");
    previous = row[0];
    console.log(line(row));
  }
  console.log(`\n${verdicts.join("\n")}`);
}

main().catch(async (error: unknown) => {
  console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}`);
  await cleanup();
  process.exit(1);
});
