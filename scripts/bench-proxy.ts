// Capture proxy benchmark against the production server (`npm start`).
//
//   npm run bench:proxy -- [--delay 20] [--requests 400,2000,5000] [--concurrency 1,10,50]
//                          [--clients http,openai,openai-stream,anthropic,anthropic-stream]
//                          [--warmup 0.1] [--database-url postgresql://…] [--keep] [--profile]
//                          [--rate-limits on|off]
//
// From one run it starts, each in its own process: a loopback fake provider upstream (node:http,
// answering after --delay ms in each provider's real shape: OpenAI chat completions and Anthropic
// messages, as JSON or as an SSE stream, with usage), the production server with a fresh DATA_DIR
// under /tmp and OPENAI_BASE_URL / ANTHROPIC_BASE_URL pointing at the fake (it builds first when
// the build is stale), and a plain node:http pass-through proxy (the practical limit). It creates a
// user and an API key with the CLI, then for each concurrency level and each client measures
// p50/p95/p99 latency (to the end of the body or stream, as a client sees it) and req/s of the
// same client calling the upstream directly and through the capture proxy (and, for the raw
// node:http client, the pass-through), interleaved in short blocks at that concurrency so that
// noise on the shared machine hits every target alike; "added" is proxied minus direct.
// Clients, each in the load generator's own process: `http` (node:http, keep-alive agent,
// maxSockets = concurrency, OpenAI chat JSON) and the official SDKs configured as the README says
// (`openai`, `anthropic`; `-stream` iterates a streamed call to its end).
// At the end it waits for the recorder and compares captures stored (capture.stats over tRPC, with
// the key) with proxied calls made. Everything it started is stopped, also on Ctrl-C.
//
// Without --database-url the server uses its embedded database (PGlite) in the fresh DATA_DIR.
// With --database-url it creates a throw-away database `bench_proxy_<random>` on that PostgreSQL
// server, runs the server against it and drops it at the end (--keep leaves it, and the DATA_DIR).
// --profile runs the server with --cpu-prof and prints where the .cpuprofile files are.
// --rate-limits: "on" (default) runs the proxy's rate-limit check on every call, with limits too
// high to refuse any (RATE_LIMITS set so; the check's cost is what is measured), "off" runs the
// server with RATE_LIMITS=off. Compare the two with runs alternated under the same conditions; the
// start also times the check itself in this process (µs per call, on an in-memory database).
import { fork, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
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
import { nextMessage } from "./bench-support/child-message";
import { freePort } from "./bench-support/production-server";

const SCRIPT = fileURLToPath(import.meta.url);
const ROOT = join(fileURLToPath(new URL(".", import.meta.url)), "..");
const USAGE =
  "usage: npm run bench:proxy -- [--delay MS] [--requests N,N,N] [--concurrency C,C,C] [--clients http,openai,openai-stream,anthropic,anthropic-stream] [--warmup FRACTION] [--database-url URL] [--keep] [--profile] [--rate-limits on|off]";

// ---------------------------------------------------------------------------------------------
// Child roles: the fake upstream, the pass-through and the load generator run in their own
// processes (this file, forked with --role), so none of them shares a CPU queue with another.

const CLIENTS = ["http", "openai", "openai-stream", "anthropic", "anthropic-stream"] as const;
type Client = (typeof CLIENTS)[number];
/** Where a client sends its calls: a provider base URL as its SDK takes it, plus extra headers. */
type Endpoint = { name: Target; base: string; headers: Record<string, string> };
type LoadJob = { client: Client; endpoints: Endpoint[]; concurrency: number; requests: number; warmup: number };
type Measured = { latenciesMs: number[]; seconds: number; failed: number; errors: Record<string, number>; sent: number };
type LoadResult = Partial<Record<Target, Measured>>;

const ANSWER = "Keep-alive reuses connections, so requests skip the TCP handshake.";
const PROVIDER_KEY = "sk-bench-provider-key-0000";

/** The answer in pieces, as a provider streams it. */
const pieces = (text: string) => text.match(/\S+\s*/g) ?? [text];
const sse = (data: unknown, event?: string) => `${event ? `event: ${event}\n` : ""}data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`;

function openAiAnswer(model: string, stream: boolean): { type: string; events: string[] } {
  const id = `chatcmpl-bench${randomBytes(6).toString("hex")}`;
  const created = Math.floor(Date.now() / 1000);
  const usage = { prompt_tokens: 31, completion_tokens: 14, total_tokens: 45 };
  if (!stream) {
    const body = { id, object: "chat.completion", created, model, choices: [{ index: 0, message: { role: "assistant", content: ANSWER, refusal: null }, logprobs: null, finish_reason: "stop" }], usage };
    return { type: "application/json", events: [JSON.stringify(body)] };
  }
  const chunk = (delta: object, finish: string | null) => ({ id, object: "chat.completion.chunk", created, model, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] });
  const events = [sse(chunk({ role: "assistant", content: "" }, null))];
  for (const piece of pieces(ANSWER)) events.push(sse(chunk({ content: piece }, null)));
  events.push(sse(chunk({}, "stop")), sse({ id, object: "chat.completion.chunk", created, model, choices: [], usage }), sse("[DONE]"));
  return { type: "text/event-stream", events };
}

function anthropicAnswer(model: string, stream: boolean): { type: string; events: string[] } {
  const id = `msg_bench${randomBytes(6).toString("hex")}`;
  if (!stream) {
    const body = { id, type: "message", role: "assistant", model, content: [{ type: "text", text: ANSWER }], stop_reason: "end_turn", stop_sequence: null, usage: { input_tokens: 31, output_tokens: 14 } };
    return { type: "application/json", events: [JSON.stringify(body)] };
  }
  const events = [
    sse({ type: "message_start", message: { id, type: "message", role: "assistant", model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 31, output_tokens: 1 } } }, "message_start"),
    sse({ type: "content_block_start", index: 0, content_block: { type: "text", text: "" } }, "content_block_start"),
  ];
  for (const piece of pieces(ANSWER)) events.push(sse({ type: "content_block_delta", index: 0, delta: { type: "text_delta", text: piece } }, "content_block_delta"));
  events.push(
    sse({ type: "content_block_stop", index: 0 }, "content_block_stop"),
    sse({ type: "message_delta", delta: { stop_reason: "end_turn", stop_sequence: null }, usage: { output_tokens: 14 } }, "message_delta"),
    sse({ type: "message_stop" }, "message_stop"),
  );
  return { type: "text/event-stream", events };
}

/** A fake OpenAI and Anthropic API: chat completions and messages, JSON or SSE, after the delay. */
function roleUpstream(delayMs: number) {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      setTimeout(() => {
        let body: { model?: string; stream?: boolean } = {};
        try {
          body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as typeof body;
        } catch {
          // not JSON: answer with the defaults
        }
        const path = (req.url ?? "").split("?")[0];
        const anthropic = path.endsWith("/messages");
        if (!anthropic && !path.endsWith("/chat/completions")) {
          res.writeHead(404, { "content-type": "application/json" });
          return res.end(JSON.stringify({ error: { message: `no route ${path}`, type: "invalid_request_error" } }));
        }
        const answer = anthropic ? anthropicAnswer(body.model ?? "claude-3-5-haiku-latest", Boolean(body.stream)) : openAiAnswer(`${body.model ?? "gpt-4o-mini"}-2024-07-18`, Boolean(body.stream));
        const requestId = anthropic ? { "request-id": "req_bench" } : { "x-request-id": "bench" };
        if (answer.type === "application/json") {
          res.writeHead(200, { "content-type": answer.type, "content-length": Buffer.byteLength(answer.events[0]), ...requestId });
          return res.end(answer.events[0]);
        }
        // A stream: headers first, then each event in its own write, as a provider sends tokens.
        res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", ...requestId });
        for (const event of answer.events) res.write(event);
        res.end();
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

const SYSTEM = "You are a concise assistant for a benchmark.";
const QUESTION = "Summarise the benefits of keep-alive connections in one sentence.";

/** One call of `client` to `endpoint`, resolving when the whole answer (body or stream) is in. */
async function makeCall(client: Client, endpoint: Endpoint, concurrency: number): Promise<{ call: () => Promise<void>; close: () => void }> {
  if (client === "http") {
    const target = new URL(`${endpoint.base}/chat/completions`);
    const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency });
    const body = Buffer.from(JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "system", content: SYSTEM }, { role: "user", content: QUESTION }], temperature: 0 }));
    const headers = { authorization: `Bearer ${PROVIDER_KEY}`, ...endpoint.headers, "content-type": "application/json", "content-length": String(body.length) };
    const call = () =>
      new Promise<void>((resolve, reject) => {
        const req = http.request({ hostname: target.hostname, port: target.port, path: target.pathname, method: "POST", headers, agent }, (res) => {
          res.on("data", () => {});
          res.on("end", () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))));
          res.on("error", reject);
        });
        req.on("error", reject);
        req.end(body);
      });
    return { call, close: () => agent.destroy() };
  }
  if (client === "openai" || client === "openai-stream") {
    const { default: OpenAI } = await import("openai");
    // As the README configures it; no retries, so a failure is counted, not hidden.
    const openai = new OpenAI({ baseURL: endpoint.base, apiKey: PROVIDER_KEY, defaultHeaders: endpoint.headers, maxRetries: 0 });
    const messages = [
      { role: "system" as const, content: SYSTEM },
      { role: "user" as const, content: QUESTION },
    ];
    const call =
      client === "openai"
        ? async () => {
            const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", messages, temperature: 0 });
            if (!completion.choices[0]?.message.content) throw new Error("empty completion");
          }
        : async () => {
            const stream = await openai.chat.completions.create({ model: "gpt-4o-mini", messages, temperature: 0, stream: true, stream_options: { include_usage: true } });
            let text = "";
            for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
            if (text !== ANSWER) throw new Error("incomplete stream");
          };
    return { call, close: () => {} };
  }
  const { default: Anthropic } = await import("@anthropic-ai/sdk");
  const anthropic = new Anthropic({ baseURL: endpoint.base, apiKey: PROVIDER_KEY, defaultHeaders: endpoint.headers, maxRetries: 0 });
  const params = { model: "claude-3-5-haiku-latest", max_tokens: 256, system: SYSTEM, messages: [{ role: "user" as const, content: QUESTION }] };
  const call =
    client === "anthropic"
      ? async () => {
          const message = await anthropic.messages.create(params);
          if (message.content[0]?.type !== "text") throw new Error("no text in the message");
        }
      : async () => {
          const stream = await anthropic.messages.create({ ...params, stream: true });
          let text = "";
          for await (const event of stream) if (event.type === "content_block_delta" && event.delta.type === "text_delta") text += event.delta.text;
          if (text !== ANSWER) throw new Error("incomplete stream");
        };
  return { call, close: () => {} };
}

/**
 * Runs `requests` calls per endpoint at `concurrency`, in blocks that alternate between the
 * endpoints (the order rotating every round), after `warmup` calls to each.
 */
async function runLoad(job: LoadJob): Promise<LoadResult> {
  const callers = await Promise.all(job.endpoints.map((endpoint) => makeCall(job.client, endpoint, job.concurrency)));
  const results = job.endpoints.map((): Measured => ({ latenciesMs: [], seconds: 0, failed: 0, errors: {}, sent: 0 }));

  const block = async (index: number, count: number, keep: boolean) => {
    const { call } = callers[index];
    const result = results[index];
    let next = 0;
    const worker = async () => {
      while (next < count) {
        next++;
        result.sent++;
        const t0 = process.hrtime.bigint();
        try {
          await call();
          if (keep) result.latenciesMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
        } catch (error) {
          const key = error instanceof Error ? error.message.slice(0, 80) : String(error);
          result.errors[key] = (result.errors[key] ?? 0) + 1;
          if (keep) result.failed++;
        }
      }
    };
    const t0 = process.hrtime.bigint();
    await Promise.all(Array.from({ length: job.concurrency }, worker));
    if (keep) result.seconds += Number(process.hrtime.bigint() - t0) / 1e9;
  };

  for (const i of job.endpoints.keys()) await block(i, job.warmup, false);
  // Blocks long enough for the concurrency to settle, short enough to interleave often.
  const size = Math.max(job.concurrency * 8, 40);
  for (let done = 0, round = 0; done < job.requests; round++) {
    const count = Math.min(size, job.requests - done);
    for (let k = 0; k < job.endpoints.length; k++) await block((k + round) % job.endpoints.length, count, true);
    done += count;
  }
  for (const { close } of callers) close();
  return Object.fromEntries(job.endpoints.map((endpoint, i) => [endpoint.name, results[i]]));
}

// ---------------------------------------------------------------------------------------------
// The orchestrator.

type Started = { child: ChildProcess; port: number };
type Target = "upstream" | "pass-through" | "proxy";
type Figures = { p50: number; p95: number; p99: number; rps: number; failed: number; errors: Record<string, number> };
type Row = Figures & { concurrency: number; client: Client; target: Target; serverCpuMsPerCall?: number };

const children = new Set<ChildProcess>();
let serverProcess: ChildProcess | null = null;
let cleanupSteps: (() => Promise<void> | void)[] = [];

function forkRole(role: string, args: string[] = []): ChildProcess {
  const child = fork(SCRIPT, ["--role", role, ...args], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  children.add(child);
  child.on("exit", () => children.delete(child));
  return child;
}

async function startRole(role: string, args: string[]): Promise<Started> {
  const child = forkRole(role, args);
  const { port } = await nextMessage<{ port: number }>(child, role);
  return { child, port };
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

/** CPU seconds used so far by the processes of a process group (Linux /proc; 0 elsewhere). */
function groupCpuSeconds(pgid: number): number {
  let ticks = 0;
  let entries: string[] = [];
  try {
    entries = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return 0;
  }
  for (const pid of entries) {
    try {
      // Fields after the command (which may hold spaces): state is 3rd, pgrp 5th, utime 14th, stime 15th.
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks / 100;
}

/**
 * Waits until the server is idle (under 10% of a core over a second) or `maxMs` has passed: after a
 * first start its background jobs (the demo catalogue's embeddings) would otherwise run during the
 * first measurements.
 */
async function waitUntilIdle(pgid: number, maxMs: number): Promise<number> {
  const started = Date.now();
  let before = groupCpuSeconds(pgid);
  while (Date.now() - started < maxMs) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = groupCpuSeconds(pgid);
    if (now - before < 0.1) break;
    before = now;
  }
  return (Date.now() - started) / 1000;
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

async function measure(load: ChildProcess, job: LoadJob): Promise<{ rows: Row[]; proxied: number }> {
  load.send(job);
  const result = await nextMessage<LoadResult | { error: string }>(load, "load generator");
  if ("error" in result) throw new Error(String(result.error));
  const rows: Row[] = [];
  for (const { name } of job.endpoints) {
    const measured = result[name]!;
    const sorted = measured.latenciesMs.sort((x, y) => x - y);
    rows.push({
      concurrency: job.concurrency,
      client: job.client,
      target: name,
      p50: percentile(sorted, 0.5),
      p95: percentile(sorted, 0.95),
      p99: percentile(sorted, 0.99),
      rps: sorted.length / measured.seconds,
      failed: measured.failed,
      errors: measured.errors,
    });
  }
  return { rows, proxied: result.proxy?.sent ?? 0 };
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
      clients: { type: "string", default: CLIENTS.join(",") },
      "database-url": { type: "string" },
      keep: { type: "boolean", default: false },
      profile: { type: "boolean", default: false },
      "rate-limits": { type: "string", default: "on" },
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
  const clients = values.clients.split(",").map((c) => c.trim()) as Client[];
  const unknown = clients.filter((c) => !CLIENTS.includes(c));
  if (!clients.length || unknown.length) throw new Error(`--clients: unknown ${unknown.join(", ")}; expected some of ${CLIENTS.join(", ")}`);
  const rateLimits = values["rate-limits"];
  if (rateLimits !== "on" && rateLimits !== "off") throw new Error("--rate-limits: expected on or off");
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

  console.log(`▸ Capture proxy benchmark: upstream delay ${delay} ms, concurrency ${levels.join("/")}, requests ${requests.join("/")} per client and target (+${Math.round(warmupShare * 100)}% warm-up), clients ${clients.join(", ")}`);
  console.log(`  work directory ${work}`);
  console.log(`▸ Rate limits: ${rateLimits === "on" ? "checked on every proxied call (limits too high to refuse)" : "off (RATE_LIMITS=off)"}`);
  if (rateLimits === "on") await timeLimitCheck();

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
    ANTHROPIC_BASE_URL: `http://127.0.0.1:${upstream.port}/v1`,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  delete env.DATABASE_URL;
  delete env.PROMPTUARY_EMBEDDED_DATABASE_URL;
  delete env.INNGEST_DEV;
  delete env.INNGEST_BASE_URL;
  delete env.INNGEST_EVENT_KEY;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  env.RATE_LIMITS = rateLimits === "off" ? "off" : UNREACHED_LIMITS;
  // --cpu-prof is not allowed in NODE_OPTIONS: with --profile the server runs as `node --cpu-prof
  // --import tsx server.ts`, which is what `npm start` (tsx server.ts) amounts to.
  // Outside the work directory, which is removed at the end.
  const profileDir = values.profile ? mkdtempSync(join(tmpdir(), "promptuary-bench-proxy-profiles-")) : "";
  if (values.profile) stopGraceMs = 300_000;
  const command: [string, string[]] = values.profile
    ? [process.execPath, ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, "--import", "tsx", "server.ts"]]
    : ["npm", ["start"]];

  if (buildIsStale(ROOT)) console.log("▸ The production build is missing or older than the sources: `npm start` builds it first (≈15–60 s)…");
  console.log(`▸ Starting the production server (${values.profile ? "node --cpu-prof --import tsx server.ts" : "npm start"}) on 127.0.0.1:${port}…`);
  const startedAt = Date.now();
  await startServer({ command, env, logFile: join(work, "server.log") });
  console.log(`  ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s (log: ${join(work, "server.log")})`);
  const settled = serverProcess?.pid ? await waitUntilIdle(serverProcess.pid, 120_000) : 0;
  console.log(`  idle after ${settled.toFixed(0)} s more (start-up jobs such as the demo catalogue's embeddings)`);

  const id = randomBytes(4).toString("hex");
  const email = `bench-${id}@example.com`;
  cli(["user", "create", "--email", email, "--password", `bench-${randomBytes(9).toString("hex")}`, "--handle", `bench${id}`, "--name", "Proxy bench"], env);
  const { key } = cli(["apikey", "create", "--email", email, "--name", "bench:proxy"], env) as { key: string };
  console.log(`▸ Created user ${email} and an API key with the CLI`);

  const load = forkRole("load");
  // Base URLs as each SDK takes them (README): OpenAI's includes /v1, Anthropic's does not.
  const bases = (client: Client): Record<Target, string> =>
    client.startsWith("anthropic")
      ? { upstream: `http://127.0.0.1:${upstream.port}`, "pass-through": `http://127.0.0.1:${passThrough.port}`, proxy: `http://127.0.0.1:${port}/api/proxy/anthropic` }
      : { upstream: `http://127.0.0.1:${upstream.port}/v1`, "pass-through": `http://127.0.0.1:${passThrough.port}/v1`, proxy: `http://127.0.0.1:${port}/api/proxy/openai/v1` };

  const rows: Row[] = [];
  let proxyCalls = 0;
  for (const [i, concurrency] of levels.entries()) {
    const count = requests[i];
    const warmup = Math.max(concurrency * 2, Math.round(count * warmupShare));
    for (const client of clients) {
      const targets: Target[] = client === "http" ? ["upstream", "pass-through", "proxy"] : ["upstream", "proxy"];
      const base = bases(client);
      const endpoints = targets.map((name): Endpoint => ({ name, base: base[name], headers: name === "proxy" ? { "x-promptuary-key": key } : {} }));
      process.stdout.write(`  c=${concurrency} ${client}: ${targets.join(" / ")} interleaved, ${warmup} warm-up + ${count} calls each… `);
      const cpuBefore = serverProcess?.pid ? groupCpuSeconds(serverProcess.pid) : 0;
      const measured = await measure(load, { client, endpoints, concurrency, requests: count, warmup });
      // The server's CPU (every process of it: background jobs the captures set off included) per proxied call.
      const cpuMs = serverProcess?.pid && measured.proxied ? ((groupCpuSeconds(serverProcess.pid) - cpuBefore) * 1000) / measured.proxied : NaN;
      measured.rows.find((r) => r.target === "proxy")!.serverCpuMsPerCall = cpuMs;
      proxyCalls += measured.proxied;
      rows.push(...measured.rows);
      const at = (t: Target) => measured.rows.find((r) => r.target === t)!;
      const failed = measured.rows.reduce((n, r) => n + r.failed, 0);
      console.log(`added p50 ${(at("proxy").p50 - at("upstream").p50).toFixed(2)} ms, proxy ${at("proxy").rps.toFixed(0)} req/s, server CPU ${cpuMs.toFixed(2)} ms/call${failed ? `, ${failed} failed` : ""}`);
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

  printReport(rows, levels, clients, { delay, stored, proxyCalls, database: databaseUrl ? "PostgreSQL" : "embedded PGlite" });

  await cleanup();
  if (values.profile) {
    const files = existsSync(profileDir) ? readdirSync(profileDir).map((f) => join(profileDir, f)) : [];
    files.sort((a, b) => statSync(b).size - statSync(a).size);
    console.log(files.length ? `\n▸ CPU profiles (largest first; the server is usually the largest):\n${files.map((f) => `  ${f}`).join("\n")}` : "\n▸ No CPU profile was written.");
  }
  process.exit(0);
}

/** Limits the benchmark never reaches, so the check runs in full on every call and refuses none. */
const UNREACHED_LIMITS = JSON.stringify({ plans: { free: { api: 100_000_000, proxy: 100_000_000 } }, ip: { api: 100_000_000, proxy: 100_000_000 } });

/**
 * The proxy's rate-limit check alone, as capture-runtime.ts composes it (limitProxyCall over the
 * batched limiter, its counts synced to rate_limits on an in-memory PGlite in the background): µs
 * per call for one key, and for calls spread over 1,000 keys (each key then syncs at most once a second).
 */
async function timeLimitCheck() {
  const { openPglite } = await import("./bench-support/bench-database");
  const { createBatchedLimiter } = await import("../src/server/domain/rate-limits/batched-limiter");
  const { postgresLimiterStore } = await import("../src/server/domain/rate-limits/limiter-store");
  const { limitProxyCall } = await import("../src/server/domain/rate-limits/rate-limits");
  const { DEFAULT_PLAN_LIMITS } = await import("../src/server/domain/rate-limits/rate-limit-plans");
  const bench = await openPglite();
  const limiter = createBatchedLimiter({ store: postgresLimiterStore(bench.db) });
  const config = { enabled: true, plans: { ...DEFAULT_PLAN_LIMITS, free: { api: 1e8, proxy: 1e8 } }, ip: { api: 1e8, proxy: 1e8 } };
  const run = async (keys: number, calls: number) => {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < calls; i++) {
      const k = i % keys;
      limitProxyCall(limiter, { userId: `user-${k}`, apiKeyId: `key-${k}`, plan: "free", keyLimitPerMinute: null, ip: "127.0.0.1" }, config);
      // Let the background syncs run between blocks, as they do between calls on a server.
      if (i % 1000 === 999) await new Promise((resolve) => setImmediate(resolve));
    }
    return Number(process.hrtime.bigint() - t0) / 1e3 / calls;
  };
  await run(1, 20_000); // warm-up
  const runs = async (keys: number) => {
    const out: number[] = [];
    for (let i = 0; i < 5; i++) out.push(await run(keys, 100_000));
    return out;
  };
  const one = await runs(1);
  const many = await runs(1_000);
  await limiter.sync();
  limiter.close();
  await bench.close();
  // The median: a run that a background sync, a GC or another process on the machine lands in is an outlier.
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const fmt = (xs: number[]) => `median ${median(xs).toFixed(2)} (runs ${xs.map((x) => x.toFixed(2)).join(" / ")})`;
  // Background syncs (a store call per key at most every 100 ms, or every second for a key with under 1% of its limit pending) run between blocks.
  console.log(`  the check alone, in this process, 5 runs of 100,000 calls, µs per call:`);
  console.log(`    one key: ${fmt(one)}; calls spread over 1,000 keys: ${fmt(many)}`);
}

function printReport(rows: Row[], levels: number[], clients: Client[], info: { delay: number; stored: number; proxyCalls: number; database: string }) {
  const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : "—");
  const header = ["c", "client", "target", "p50 ms", "p95 ms", "p99 ms", "req/s", "added p50", "added p99", "% of pass-through", "server CPU/call", "failed"];
  const table: string[][] = [];
  const verdicts: string[] = [];
  for (const c of levels) {
    for (const client of clients) {
      const at = (t: Target) => rows.find((r) => r.concurrency === c && r.client === client && r.target === t);
      const direct = at("upstream")!;
      const pass = at("pass-through");
      const proxy = at("proxy")!;
      for (const r of [direct, pass, proxy]) {
        if (!r) continue;
        const isDirect = r.target === "upstream";
        const share = pass && !isDirect ? `${fmt((100 * r.rps) / pass.rps, 1)}%` : "";
        const cpu = r.serverCpuMsPerCall === undefined ? "" : `${fmt(r.serverCpuMsPerCall)} ms`;
        table.push([String(c), client, r.target, fmt(r.p50), fmt(r.p95), fmt(r.p99), fmt(r.rps, 0), isDirect ? "" : fmt(r.p50 - direct.p50), isDirect ? "" : fmt(r.p99 - direct.p99), share, cpu, String(r.failed)]);
      }
      const addedP50 = proxy.p50 - direct.p50;
      const addedP99 = proxy.p99 - direct.p99;
      if (c <= 10) verdicts.push(`${addedP50 <= 1 ? "✔" : "✖"} c=${c} ${client}: added p50 ${fmt(addedP50)} ms (target ≤ 1 ms)`);
      if (c >= 50) verdicts.push(`${addedP99 <= 5 ? "✔" : "✖"} c=${c} ${client}: added p99 ${fmt(addedP99)} ms (target ≤ 5 ms)`);
      if (c >= 50 && pass) {
        const share = (100 * proxy.rps) / pass.rps;
        verdicts.push(`${share >= 95 ? "✔" : "✖"} c=${c} ${client}: throughput ${fmt(share, 1)}% of the pass-through (target ≥ 95%)`);
      }
      for (const r of [direct, pass, proxy]) if (r?.failed) verdicts.push(`✖ c=${c} ${client} ${r.target}: ${r.failed} calls failed ${JSON.stringify(r.errors)}`);
    }
  }
  verdicts.push(`${info.stored === info.proxyCalls ? "✔" : "✖"} captures stored ${info.stored} of ${info.proxyCalls} proxied calls (warm-up included; target: none lost)`);

  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");
  console.log(`\nCapture proxy vs the upstream directly (${info.delay} ms) and a plain node:http pass-through, same client, interleaved — ${info.database}, Node ${process.version}`);
  console.log("Latency to the end of the body or stream; added = proxy minus upstream at the same percentile; server CPU/call = CPU time of all the");
  console.log("server's processes during that client's run (background work the captures set off included) per proxied call.\n");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  let previous = "";
  for (const row of table) {
    if (previous && row.slice(0, 2).join() !== previous) console.log("");
    previous = row.slice(0, 2).join();
    console.log(line(row));
  }
  console.log(`\n${verdicts.join("\n")}`);
}

main().catch(async (error: unknown) => {
  console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}`);
  await cleanup();
  process.exit(1);
});
