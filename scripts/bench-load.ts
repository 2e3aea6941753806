// Page load benchmark against the production server: what many people browsing at once get.
//
//   npm run bench:load -- [--users 50] [--duration 20] [--warmup 3] [--idle 60] [--timeout 10]
//                         [--passes anonymous,signed-in] [--database-url postgresql://…] [--keep] [--profile] [--queries]
//
// It starts the production server (`node --import tsx server.ts`, what `npm start` runs; it builds
// first when the build is stale) on a fresh DATA_DIR with the embedded database, or with
// --database-url on a throw-away database on that PostgreSQL server (dropped at the end unless
// --keep), and waits for the demo seed. It signs up --users accounts and signs each one in through
// Auth.js (its own session cookie each). Then, in a load generator process of its own (node:http,
// keep-alive), closed-loop virtual users loop over the page kinds: home `/`, Explore with a query,
// prompt pages `/p/<slug>` and `prompt.search` over tRPC (the GET the app's client sends), with
// words and prompts varied over the demo catalogue. One pass anonymous, one signed in; after
// --warmup seconds that are not counted, each runs for --duration seconds. Every answer is checked:
// a non-2xx status, a timeout (--timeout seconds) or a page that is not the expected content (its
// heading or the prompt's title, and the header of the viewer it was asked as) is an error.
//
// Per pass it prints req/s, p50/p95/p99 per page kind, the errors, and the resident memory of the
// server with all its processes (from /proc) before the load, at its peak, right after and after
// --idle seconds, beside the targets of issue 14. --profile runs the server with --cpu-prof and
// prints where the profiles are (written when the server stops). --queries runs no load: it counts
// the database statements of one request of each kind, anonymous and signed in, and writes them
// all to a file (a preloaded hook logs what the pg client sends; it slows the server down).
import { fork, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { summarise, withinShare, type LatencySummary } from "./bench-support/latency-summary";
import { PAGE_KINDS, requestFor, runPageLoad, trpcQueryPath, type CataloguePrompt, type LoadJob, type LoadResult, type PageKind, type VirtualUser } from "./bench-support/page-load";
import { processTreeUsage } from "./bench-support/process-tree-usage";
import { createSignedInUsers } from "./bench-support/bench-sessions";
import { startProductionServer, type RunningServer } from "./bench-support/production-server";
import { buildIsStale } from "../src/server/boot/build-freshness";
import { nextMessage } from "./bench-support/child-message";

const SCRIPT = fileURLToPath(import.meta.url);
const ROOT = join(fileURLToPath(new URL(".", import.meta.url)), "..");
const USAGE =
  "usage: npm run bench:load -- [--users N] [--duration S] [--warmup S] [--idle S] [--timeout S] [--passes anonymous,signed-in] [--database-url URL] [--keep] [--profile] [--queries]";

const PASSES = ["anonymous", "signed-in"] as const;
type PassName = (typeof PASSES)[number];

/** Issue 14's targets. */
const TARGETS = { anonymousRps: 300, anonymousP95Ms: 300, signedInP95Ms: 500, idleRssShare: 0.2 };

const MB = 1024 * 1024;
const STOP_WORDS = new Set(["with", "from", "that", "your", "into", "without", "this", "than", "them", "what", "when", "each", "only"]);

type Memory = { before: number; peak: number; after: number; idle: number | null; processes: number };
type PassReport = { pass: PassName; users: number; result: LoadResult; summaries: Record<PageKind, LatencySummary>; cpuSeconds: number; memory: Memory };

/** The demo catalogue as an anonymous visitor sees it, once the seed is in (prompts and words). */
async function waitForCatalogue(baseUrl: string): Promise<{ prompts: CataloguePrompt[]; words: string[] }> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const response = await fetch(`${baseUrl}${trpcQueryPath("prompt.search", { sort: "newest", limit: 100 })}`).catch(() => null);
    if (response?.ok) {
      const [first] = (await response.json()) as { result: { data: { json: { items: { slug: string; title: string; tags: string[] }[] } } } }[];
      const items = first.result.data.json.items;
      if (items.length >= 10) {
        const words = new Set<string>();
        for (const item of items)
          for (const word of `${item.title} ${item.tags.join(" ")}`.toLowerCase().split(/[^a-z]+/)) if (word.length >= 4 && !STOP_WORDS.has(word)) words.add(word);
        return { prompts: items.map(({ slug, title }) => ({ slug, title })), words: [...words] };
      }
    }
    if (Date.now() > deadline) throw new Error("the demo catalogue did not appear within 120 s");
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Samples the server's memory every 200 ms while `work` runs; answers its peak. */
async function withPeakRss<T>(pid: number, work: Promise<T>): Promise<{ value: T; peak: number }> {
  let peak = processTreeUsage(pid).bytes;
  const timer = setInterval(() => (peak = Math.max(peak, processTreeUsage(pid).bytes)), 200);
  try {
    const value = await work;
    return { value, peak: Math.max(peak, processTreeUsage(pid).bytes) };
  } finally {
    clearInterval(timer);
  }
}

async function runPass(load: ChildProcess, server: RunningServer, pass: PassName, users: VirtualUser[], catalogue: { prompts: CataloguePrompt[]; words: string[] }, opts: { warmupMs: number; durationMs: number; timeoutMs: number; idleMs: number }): Promise<PassReport> {
  const before = processTreeUsage(server.pid);
  console.log(`▸ Pass "${pass}": ${users.length} virtual users, ${opts.warmupMs / 1000} s warm-up + ${opts.durationMs / 1000} s… (server RSS ${(before.bytes / MB).toFixed(0)} MB in ${before.processes} processes)`);
  const job: LoadJob = { baseUrl: server.baseUrl, users, prompts: catalogue.prompts, words: catalogue.words, warmupMs: opts.warmupMs, durationMs: opts.durationMs, timeoutMs: opts.timeoutMs };
  load.send(job);
  // The server's CPU time over the measured part (after the warm-up): per request, it is the figure
  // least disturbed by other work on a shared machine.
  let cpuAtStart = processTreeUsage(server.pid).cpuSeconds;
  const warm = setTimeout(() => (cpuAtStart = processTreeUsage(server.pid).cpuSeconds), opts.warmupMs);
  const { value: answer, peak } = await withPeakRss(server.pid, nextMessage<LoadResult | { error: string }>(load, "load generator"));
  clearTimeout(warm);
  if ("error" in answer) throw new Error(answer.error);
  const usageAfter = processTreeUsage(server.pid);
  const cpuSeconds = usageAfter.cpuSeconds - cpuAtStart;
  const after = usageAfter.bytes;
  let idle: number | null = null;
  if (opts.idleMs > 0) {
    process.stdout.write(`  idle ${opts.idleMs / 1000} s… `);
    await new Promise((r) => setTimeout(r, opts.idleMs));
    idle = processTreeUsage(server.pid).bytes;
    console.log(`RSS ${(idle / MB).toFixed(0)} MB`);
  }
  const summaries = Object.fromEntries(PAGE_KINDS.map((k) => [k, summarise(answer.latencies[k])])) as Record<PageKind, LatencySummary>;
  return { pass, users: users.length, result: answer, summaries, cpuSeconds, memory: { before: before.bytes, peak, after, idle, processes: processTreeUsage(server.pid).processes } };
}

const errorTotal = (r: LoadResult, kind: PageKind) => {
  const e = r.errors[kind];
  return Object.values(e.status).reduce((a, b) => a + b, 0) + e.timeout + e.network + e.content;
};

function printPass(report: PassReport, database: string) {
  const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : "—");
  const { result, summaries, memory } = report;
  const total = PAGE_KINDS.reduce((sum, k) => sum + summaries[k].count, 0);
  const rps = total / result.seconds;
  const p95Target = report.pass === "anonymous" ? TARGETS.anonymousP95Ms : TARGETS.signedInP95Ms;
  console.log(`\n${report.pass === "anonymous" ? "Anonymous" : "Signed in (own sessions)"}: ${report.users} users, ${fmt(result.seconds, 1)} s measured — ${database}, Node ${process.version}\n`);
  // Rendered by the server (x-cache: miss, or no page cache: signed in): the share and its p95.
  const header = ["page", "ok", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "misses", "miss p95", "errors"];
  const rows = PAGE_KINDS.map((k) => {
    const s = summaries[k];
    const e = result.errors[k];
    const detail = [...Object.entries(e.status).map(([code, n]) => `${n}×${code}`), e.timeout && `${e.timeout} timeouts`, e.network && `${e.network} network`, e.content && `${e.content} wrong content`].filter(Boolean).join(", ");
    const misses = result.missLatencies[k];
    const missShare = s.count ? `${fmt((100 * misses.length) / s.count)}%` : "—";
    return [k, String(s.count), fmt(s.count / result.seconds, 1), fmt(s.p50), fmt(s.p95), fmt(s.p99), fmt(s.max), missShare, misses.length ? fmt(summarise(misses).p95) : "—", detail || "0"];
  });
  rows.push(["all", String(total), fmt(rps, 1), "", "", "", "", "", "", String(PAGE_KINDS.reduce((n, k) => n + errorTotal(result, k), 0))]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
  const mb = (n: number | null) => (n === null ? "—" : `${fmt(n / MB)} MB`);
  const answered = total + PAGE_KINDS.reduce((n, k) => n + errorTotal(result, k), 0);
  console.log(`\nServer CPU: ${fmt(report.cpuSeconds, 1)} s over ${fmt(result.seconds, 1)} s (${fmt((100 * report.cpuSeconds) / result.seconds)}% of one core), ${fmt((1000 * report.cpuSeconds) / Math.max(1, answered), 1)} ms per request (the server's processes only, not a PostgreSQL server's)`);
  console.log(`Server RSS (${memory.processes} processes): before ${mb(memory.before)}, peak ${mb(memory.peak)}, right after ${mb(memory.after)}, after idle ${mb(memory.idle)}`);
  if (result.samples.length) console.log(`Examples of errors:\n${result.samples.map((s) => `  ${s}`).join("\n")}`);

  const verdicts: string[] = [];
  const mark = (ok: boolean) => (ok ? "✔" : "✖");
  if (report.pass === "anonymous") verdicts.push(`${mark(rps >= TARGETS.anonymousRps)} ${fmt(rps, 1)} req/s (target ≥ ${TARGETS.anonymousRps})`);
  for (const k of PAGE_KINDS) verdicts.push(`${mark(summaries[k].p95 < p95Target)} ${k} p95 ${fmt(summaries[k].p95)} ms (target < ${p95Target} ms)`);
  const errors = PAGE_KINDS.reduce((n, k) => n + errorTotal(result, k), 0);
  verdicts.push(`${mark(errors === 0)} ${errors} errors (target 0)`);
  if (memory.idle !== null) {
    const change = (100 * (memory.idle - memory.before)) / memory.before;
    verdicts.push(`${mark(withinShare(memory.before, memory.idle, TARGETS.idleRssShare))} RSS after idle ${change >= 0 ? "+" : ""}${fmt(change, 1)}% of before (target within ±${TARGETS.idleRssShare * 100}%)`);
  } else verdicts.push("– RSS after idle not measured (--idle 0)");
  console.log(`\n${verdicts.join("\n")}`);
}

/**
 * --queries: the database round trips of one request of each page kind, as each viewer, counted
 * from the statements the preloaded count-queries.mjs logs (requests one at a time, the least of
 * `repeat` different pages of that kind; a view counter's batched write may land in one of them).
 */
async function countQueries(server: RunningServer, viewers: VirtualUser[], catalogue: { prompts: CataloguePrompt[]; words: string[] }, statements: string[], repeat = 3) {
  console.log("\nDatabase round trips per request (one request at a time; least and most of 3 different pages):\n");
  const lines: string[] = [];
  for (const viewer of viewers) {
    const who = viewer.handle ? "signed in" : "anonymous";
    for (const [k, kind] of PAGE_KINDS.entries()) {
      const counts: number[] = [];
      for (let j = 0; j < repeat; j++) {
        const request = requestFor(catalogue, viewer, 0, k + PAGE_KINDS.length * j);
        const from = statements.length;
        const response = await fetch(`${server.baseUrl}${request.path}`, { headers: viewer.cookie ? { cookie: viewer.cookie } : {} });
        const body = await response.text();
        await new Promise((r) => setTimeout(r, 300));
        const problem = response.ok ? request.check(body) : `status ${response.status}`;
        if (problem) throw new Error(`${who} ${request.path}: ${problem}`);
        counts.push(statements.length - from);
        lines.push(`## ${who} ${request.path}: ${statements.length - from} statements`, ...statements.slice(from), "");
      }
      counts.sort((a, b) => a - b);
      console.log(`  ${who.padEnd(9)}  ${kind.padEnd(7)}  ${counts[0]}–${counts[counts.length - 1]}`);
    }
  }
  const file = join(server.work, "queries.txt");
  writeFileSync(file, lines.join("\n"));
  console.log(`\n  every statement, per request: ${file}`);
}

const positive = (text: string, name: string, allowZero = false) => {
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0 || (!allowZero && n === 0)) throw new Error(`--${name}: expected a ${allowZero ? "number ≥ 0" : "positive number"}`);
  return n;
};

async function main() {
  const { values } = parseArgs({
    options: {
      role: { type: "string" },
      users: { type: "string", default: "50" },
      duration: { type: "string", default: "20" },
      warmup: { type: "string", default: "3" },
      idle: { type: "string", default: "60" },
      timeout: { type: "string", default: "10" },
      passes: { type: "string", default: PASSES.join(",") },
      "database-url": { type: "string" },
      keep: { type: "boolean", default: false },
      profile: { type: "boolean", default: false },
      queries: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  // The load generator: this file forked with --role load; it ends with the benchmark.
  if (values.role === "load") {
    process.on("disconnect", () => process.exit(0));
    process.on("message", (job: LoadJob) => {
      runPageLoad(job).then(
        (result) => process.send?.(result),
        (error: unknown) => process.send?.({ error: String(error) }),
      );
    });
    return;
  }
  if (values.help) return console.log(USAGE);

  let users = positive(values.users, "users");
  if (!Number.isInteger(users)) throw new Error("--users: expected a whole number");
  const opts = { durationMs: positive(values.duration, "duration") * 1000, warmupMs: positive(values.warmup, "warmup", true) * 1000, idleMs: positive(values.idle, "idle", true) * 1000, timeoutMs: positive(values.timeout, "timeout") * 1000 };
  const passes = values.passes.split(",").map((p) => p.trim());
  for (const p of passes) if (!PASSES.includes(p as PassName)) throw new Error(`--passes: expected some of ${PASSES.join(", ")}`);

  let server: RunningServer | null = null;
  let load: ChildProcess | null = null;
  let stopping = false;
  const cleanup = async () => {
    load?.kill("SIGTERM");
    const s = server;
    server = null;
    await s?.stop();
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n▸ ${signal}: stopping everything the benchmark started…`);
    void cleanup().finally(() => process.exit(130));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  try {
    if (buildIsStale(ROOT)) console.log("▸ The production build is missing or older than the sources: the server builds it first (≈1–3 min)…");
    console.log(`▸ Starting the production server${values.profile ? " with --cpu-prof" : ""}…`);
    const startedAt = Date.now();
    const statements: string[] = [];
    server = await startProductionServer({
      root: ROOT,
      name: "bench-load",
      databaseUrl: values["database-url"],
      profile: values.profile,
      keep: values.keep || values.queries,
      ...(values.queries
        ? {
            extraEnv: { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${join(ROOT, "scripts/bench-support/count-queries.mjs")}`.trim() },
            onLine: (line: string) => {
              if (line.startsWith("[bench-query] ")) statements.push(line.slice(14));
            },
          }
        : {}),
    });
    console.log(`  ready on ${server.baseUrl} in ${((Date.now() - startedAt) / 1000).toFixed(1)} s — database: ${server.database} (log: ${server.logFile})`);
    const catalogue = await waitForCatalogue(server.baseUrl);
    console.log(`▸ Demo catalogue: ${catalogue.prompts.length} public prompts, ${catalogue.words.length} search words`);

    let signedIn: VirtualUser[] = [];
    if (passes.includes("signed-in")) {
      if (values.queries) users = 1;
      const t0 = Date.now();
      signedIn = (await createSignedInUsers(server.baseUrl, users)).map((u) => ({ handle: u.handle, cookie: u.cookie }));
      console.log(`▸ Signed up and signed in ${users} users through the app (user.signUp, Auth.js credentials) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }

    if (values.queries) {
      await countQueries(server, [{ handle: null, cookie: null }, ...signedIn.slice(0, 1)], catalogue, statements);
      await cleanup();
      process.exit(0);
    }

    load = fork(SCRIPT, ["--role", "load"], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    const reports: PassReport[] = [];
    for (const pass of PASSES.filter((p) => passes.includes(p))) {
      const viewers = pass === "anonymous" ? Array.from({ length: users }, () => ({ handle: null, cookie: null })) : signedIn;
      reports.push(await runPass(load, server, pass, viewers, catalogue, opts));
    }
    for (const report of reports) printPass(report, server.database.startsWith("PostgreSQL") ? "PostgreSQL" : "embedded PGlite");

    const profileDir = server.profileDir;
    await cleanup();
    if (profileDir) {
      const files = existsSync(profileDir) ? readdirSync(profileDir).map((f) => join(profileDir, f)) : [];
      files.sort((a, b) => statSync(b).size - statSync(a).size);
      console.log(files.length ? `\n▸ CPU profiles (largest first; the server is usually the largest; kept with the work directory only with --keep):\n${files.map((f) => `  ${f}`).join("\n")}` : "\n▸ No CPU profile was written.");
    }
    process.exit(0);
  } catch (error) {
    console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}`);
    await cleanup();
    process.exit(1);
  }
}

void main();
