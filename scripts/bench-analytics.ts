// Analytics benchmark: issue 15's speed figures beside their targets, on a fresh database.
//
//   npm run bench:analytics -- [--events 1000000] [--prompts 2000] [--authors 200] [--captures 50000]
//                              [--records 20000] [--iterations 100] [--database-url postgresql://…] [--keep]
//
// Without --database-url it uses the embedded engine (an in-memory PGlite, as the tests do); with it,
// a throw-away database on that PostgreSQL server (dropped at the end unless --keep). It loads
// --authors users, --prompts prompts and --events usage events spread over yesterday (UTC) with
// set-based SQL (generate_series: views most, then renders, copies, captured uses, likes, …; a few
// prompts get most of the traffic), and --captures captured calls over the last 30 days. Then:
//   1. the rollup of that one day (rollUp, domain/analytics/rollup.ts), timed; then a second rollUp
//      up to now (today's hours);
//   2. the time recordUsage (domain/analytics/record-usage.ts) adds to a request, per call, over
//      --records calls while its buffer flushes to the database in the background; those events
//      are the raw tail after rolledUpTo that the dashboards read too;
//   3. every dashboard query (domain/analytics/analytics-queries.ts) as its page asks it: the
//      creator dashboard (30 days by day, and 7 days by hour), a prompt's analytics, the admin
//      overview; p50/p95/p99 over --iterations calls each, after a warm-up, one at a time.
import { performance } from "node:perf_hooks";
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import type { SqlConnection } from "../src/server/db/migrator";
import type { Db } from "../src/server/db/prisma";
import { openPglite, openServerDatabase } from "./bench-support/bench-database";
import type { Actor } from "../src/server/domain/actor";
import { adminAnalytics, creatorAnalytics, promptAnalytics } from "../src/server/domain/analytics/analytics-queries";
import { flushUsage, recordUsage } from "../src/server/domain/analytics/record-usage";
import { rollUp, ROLLUP_GRACE_MS } from "../src/server/domain/analytics/rollup";
import { DAY_MS, floorDay } from "../src/server/domain/analytics/rollup-state";
import { summarise, type LatencySummary } from "./bench-support/latency-summary";

const USAGE =
  "usage: npm run bench:analytics -- [--events N] [--prompts N] [--authors N] [--captures N] [--records N] [--iterations N] [--database-url URL] [--keep]";

/** Issue 15's targets. */
const TARGETS = { recordP50Ms: 0.2, rollupDaySeconds: 10, dashboardP95Ms: 50 };
const WARMUP = 5;
/** The dashboards are asked for the busiest authors and prompts, in turns. */
const BUSIEST = 20;
const LOAD_CHUNK = 200_000;


const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function timed<T>(label: string, work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  process.stdout.write(`▸ ${label}… `);
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  console.log(seconds(ms));
  return { value, ms };
}

/**
 * Authors, prompts and captured calls, then the day of events. Event i's prompt is drawn with a
 * squared uniform (prompt 0 the busiest); its owner is that prompt's (prompt g belongs to author
 * g % authors), as the recorder stores it.
 */
async function load(sql: SqlConnection, opts: { events: number; prompts: number; authors: number; captures: number; day: Date }) {
  const { events, prompts, authors, captures, day } = opts;
  await timed(`${authors} authors, ${prompts} prompts, ${captures} captured calls`, async () => {
    await sql.exec(`
      INSERT INTO "User" (id, email, handle, name, "createdAt", "updatedAt")
      SELECT 'bu-' || g, 'bench' || g || '@bench.example', 'bench-author-' || g, 'Bench author ' || g,
             now() - random() * interval '60 days', now()
        FROM generate_series(0, ${authors - 1}) g;
      INSERT INTO "Prompt" (id, slug, title, category, visibility, "ownerId", "createdAt", "updatedAt")
      SELECT 'bp-' || g, 'bench-prompt-' || g, 'Bench prompt ' || g, 'writing', 'public', 'bu-' || (g % ${authors}), now(), now()
        FROM generate_series(0, ${prompts - 1}) g;
      INSERT INTO "Capture" (id, "ownerId", provider, endpoint, method, model, status, error, "latencyMs", "costUsd", "createdAt")
      SELECT 'bc-' || g, 'bu-' || (g % ${authors}), (ARRAY['openai', 'anthropic'])[1 + g % 2], '/v1/chat/completions', 'POST',
             (ARRAY['gpt-4o', 'claude-sonnet', 'gpt-4o-mini', 'claude-haiku', 'o3', 'claude-opus'])[1 + g % 6],
             CASE WHEN r < 0.03 THEN 500 WHEN r < 0.05 THEN 429 ELSE 200 END,
             CASE WHEN r < 0.03 THEN 'upstream error' END,
             100 + floor(random() * 2000)::int,
             CASE WHEN r < 0.05 THEN NULL ELSE round((random() * 0.01)::numeric, 6) END,
             now() - random() * interval '30 days'
        FROM (SELECT g, random() AS r FROM generate_series(0, ${captures - 1}) g) s;`);
  });
  const dayStart = day.toISOString().replace("T", " ").replace("Z", "");
  await timed(`${events.toLocaleString("en")} usage events over ${day.toISOString().slice(0, 10)}`, async () => {
    for (let from = 0; from < events; from += LOAD_CHUNK) {
      const to = Math.min(events, from + LOAD_CHUNK) - 1;
      await sql.exec(`
        INSERT INTO "UsageEvent" (kind, at, "promptId", "ownerId", "actorId", "viewerKey", source, "apiKeyId", "amountCents")
        SELECT k::"UsageEventKind", '${dayStart}'::timestamp + floor(random() * 86400000) * interval '1 millisecond',
               'bp-' || p, 'bu-' || (p % ${authors}), CASE WHEN v % 3 = 0 THEN 'bu-' || (v % ${authors}) END, 'vk-' || v,
               s::"UsageSource", CASE WHEN s = 'api' THEN 'bk-' || (v % 50) END,
               CASE k WHEN 'purchase' THEN 500 + (v % 20) * 100 WHEN 'refund' THEN -500 ELSE 0 END
          FROM (
            SELECT floor(power(random(), 2) * ${prompts})::int AS p, floor(random() * 50000)::int AS v,
                   CASE WHEN rk < 0.62 THEN 'view' WHEN rk < 0.72 THEN 'render' WHEN rk < 0.79 THEN 'copy' WHEN rk < 0.85 THEN 'captured_use'
                        WHEN rk < 0.89 THEN 'like' WHEN rk < 0.91 THEN 'harness_run' WHEN rk < 0.925 THEN 'fork' WHEN rk < 0.94 THEN 'rate'
                        WHEN rk < 0.95 THEN 'comment' WHEN rk < 0.99 THEN 'listing_view' WHEN rk < 0.998 THEN 'purchase' ELSE 'refund' END AS k,
                   CASE WHEN rs < 0.75 THEN 'web' WHEN rs < 0.9 THEN 'api' WHEN rs < 0.99 THEN 'proxy' ELSE 'mcp' END AS s
              FROM (SELECT random() AS rk, random() AS rs FROM generate_series(${from}, ${to})) r
          ) e`);
      process.stdout.write(`${Math.round(((to + 1) / events) * 100)}% `);
    }
  });
  await sql.exec(`ANALYZE "UsageEvent"; ANALYZE "Prompt"; ANALYZE "User"; ANALYZE "Capture"`);
}

/** recordUsage's own time per call (what a request pays), while the buffer flushes in the background. */
async function measureRecording(db: Db, records: number, prompts: number) {
  const times: number[] = [];
  for (let i = 0; i < records; i++) {
    const p = Math.floor(Math.random() ** 2 * prompts);
    const started = performance.now();
    recordUsage(db, { kind: i % 5 === 0 ? "render" : "view", source: "web", promptId: `bp-${p}`, viewerKey: `tail-${i % 5000}`, actorId: null });
    times.push(performance.now() - started);
    // Let the background flush run between "requests", as it does between real ones.
    if (i % 50 === 49) await new Promise((r) => setImmediate(r));
  }
  const flushStarted = performance.now();
  const written = await flushUsage(db);
  return { summary: summarise(times), lastFlushMs: performance.now() - flushStarted, written };
}

async function measureQuery(name: string, iterations: number, run: (i: number) => Promise<unknown>) {
  // Every distinct caller once (BUSIEST of them), so each statement's plan and pages are warm.
  for (let i = 0; i < Math.max(WARMUP, BUSIEST); i++) await run(i);
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    await run(i);
    times.push(performance.now() - started);
  }
  return { name, summary: summarise(times) };
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "—");

function table(rows: { name: string; summary: LatencySummary }[], digits = 1) {
  const header = ["query", "calls", "p50 ms", "p95 ms", "p99 ms", "max ms"];
  const body = rows.map((r) => [r.name, String(r.summary.count), fmt(r.summary.p50, digits), fmt(r.summary.p95, digits), fmt(r.summary.p99, digits), fmt(r.summary.max, digits)]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of body) console.log(line(row));
}

const positive = (text: string | undefined, name: string, fallback: number) => {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name}: expected a positive whole number`);
  return n;
};

async function main() {
  const { values } = parseArgs({
    options: {
      events: { type: "string" },
      prompts: { type: "string" },
      authors: { type: "string" },
      captures: { type: "string" },
      records: { type: "string" },
      iterations: { type: "string" },
      "database-url": { type: "string" },
      keep: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const events = positive(values.events, "events", 1_000_000);
  const prompts = positive(values.prompts, "prompts", 2_000);
  const authors = positive(values.authors, "authors", 200);
  const captures = positive(values.captures, "captures", 50_000);
  const records = positive(values.records, "records", 20_000);
  const iterations = positive(values.iterations, "iterations", 100);
  if (authors > prompts) throw new Error("--authors: at most --prompts (every author owns a prompt)");

  const database = values["database-url"] ? await openServerDatabase(values["database-url"], { prefix: "bench_analytics", keep: values.keep }) : await openPglite();
  const { db, sql } = database;
  try {
    console.log(`Analytics benchmark — ${database.kind}, Node ${process.version}, ${cpus().length} cores, load average ${loadavg().map((n) => n.toFixed(2)).join(" ")}\n`);
    const today = floorDay(new Date());
    const yesterday = new Date(today.getTime() - DAY_MS);
    await load(sql, { events, prompts, authors, captures, day: yesterday });

    // 1. The rollup of yesterday alone (as the job would right after midnight), then up to now.
    const day = await timed("rollUp of that day", () => rollUp(db, { now: new Date(today.getTime() + ROLLUP_GRACE_MS) }));
    const catchUp = await timed("rollUp up to now (today's hours)", () => rollUp(db));
    const [rows] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "UsageRollup"`;
    console.log(`  ${day.value.hours} h, ${day.value.events.toLocaleString("en")} events → ${rows.n.toLocaleString("en")} rollup rows; then ${catchUp.value.hours} h, ${catchUp.value.events} events; rolledUpTo ${catchUp.value.rolledUpTo.toISOString()}`);

    // 2. Recording: these events are also the raw tail the dashboards read after rolledUpTo.
    process.stdout.write(`▸ recordUsage × ${records.toLocaleString("en")}… `);
    const recording = await measureRecording(db, records, prompts);
    console.log(`p50 ${fmt(recording.summary.p50, 4)} ms, p95 ${fmt(recording.summary.p95, 4)} ms, p99 ${fmt(recording.summary.p99, 4)} ms (last flush ${fmt(recording.lastFlushMs)} ms)`);
    const [tail] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "UsageEvent" WHERE at >= ${catchUp.value.rolledUpTo}`;
    console.log(`  raw events after rolledUpTo: ${tail.n.toLocaleString("en")} (views of one viewer and prompt within 30 min stored once)`);
    // What autovacuum does to a live database between the nightly rollup and a visit: without it the
    // first reads of a million fresh rows set hint bits and the planner has no statistics.
    await timed("VACUUM ANALYZE of the events and rollups", async () => {
      // One statement each: VACUUM cannot run inside the transaction a multi-statement script is.
      await sql.query(`VACUUM ANALYZE "UsageEvent"`);
      await sql.query(`VACUUM ANALYZE "UsageRollup"`);
    });

    // 3. Dashboards, as their pages ask: the busiest authors and prompts (the most rows to read).
    const authorActor = (i: number): Actor => ({ id: `bu-${i % Math.min(authors, BUSIEST)}`, handle: `bench-author-${i % Math.min(authors, BUSIEST)}`, role: "user" });
    const sevenDays = { from: new Date(Date.now() - 6 * DAY_MS), granularity: "hour" as const };
    console.log(`\n▸ Dashboard queries: ${Math.max(WARMUP, BUSIEST)} warm-up + ${iterations} calls each, one at a time (load average now ${loadavg()[0].toFixed(2)})\n`);
    const results = [
      await measureQuery("creator, 30 days by day", iterations, (i) => creatorAnalytics(db, authorActor(i))),
      await measureQuery("creator, 7 days by hour", iterations, (i) => creatorAnalytics(db, authorActor(i), sevenDays)),
      await measureQuery("prompt, 30 days by day", iterations, (i) => promptAnalytics(db, authorActor(i), { promptId: `bp-${i % Math.min(authors, BUSIEST)}` })),
      await measureQuery("prompt, 7 days by hour", iterations, (i) => promptAnalytics(db, authorActor(i), { promptId: `bp-${i % Math.min(authors, BUSIEST)}`, ...sevenDays })),
      await measureQuery("admin, 30 days by day", iterations, () => adminAnalytics(db)),
      await measureQuery("admin, 7 days by hour", iterations, () => adminAnalytics(db, sevenDays)),
    ];
    table(results);

    const busiest = await creatorAnalytics(db, authorActor(0));
    console.log(`\n  check: author bu-0 over 30 days — ${busiest.totals.views.toLocaleString("en")} views, ${busiest.topPrompts.length} top prompts; ${events.toLocaleString("en")} events loaded`);

    const mark = (ok: boolean) => (ok ? "✔" : "✖");
    console.log(`\n${database.kind}:`);
    console.log(`${mark(recording.summary.p50 < TARGETS.recordP50Ms)} recording adds p50 ${fmt(recording.summary.p50, 4)} ms per event (target < ${TARGETS.recordP50Ms} ms)`);
    console.log(`${mark(day.ms / 1000 < TARGETS.rollupDaySeconds)} rollup of one day of ${events.toLocaleString("en")} events ${seconds(day.ms)} (target < ${TARGETS.rollupDaySeconds} s)`);
    for (const r of results) console.log(`${mark(r.summary.p95 < TARGETS.dashboardP95Ms)} ${r.name} p95 ${fmt(r.summary.p95)} ms (target < ${TARGETS.dashboardP95Ms} ms)`);
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  console.error(USAGE);
  process.exit(1);
});
