// Rolls up one UTC day of usage events (1,000,000 by default, loaded with generate_series) and
// prints how long rollUp takes (target: under 10 s), each run from scratch, then computeTrending.
//   npm run bench:rollup [-- --events 1000000] [--runs 3] [--database-url postgres://…]
// Without --database-url: a fresh in-memory embedded database (PGlite); with it: a throw-away
// database on that PostgreSQL server, dropped afterwards. `loadUsageEvents` is shared with
// bench:analytics.
import { parseArgs } from "node:util";
import type { Db } from "../src/server/db/prisma";
import { rollUp } from "../src/server/domain/analytics/rollup";
import { computeTrending } from "../src/server/domain/analytics/trending";

/**
 * `count` events spread evenly over the UTC day starting at `day`: 2,000 prompts of 200 owners,
 * 50,000 distinct viewers, a mix of kinds (views most), sources and a few purchases.
 */
export async function loadUsageEvents(db: Db, { day, count, prompts = 2000, owners = 200, viewers = 50_000 }: { day: Date; count: number; prompts?: number; owners?: number; viewers?: number }) {
  return db.$executeRawUnsafe(
    `INSERT INTO "UsageEvent" ("kind", "at", "promptId", "ownerId", "actorId", "viewerKey", "source", "amountCents")
     SELECT (ARRAY['view','view','view','view','view','render','copy','like','captured_use','harness_run'])[1 + g % 10]::"UsageEventKind",
       $1::timestamp + ((g - 1) * (86400000.0 / $2)) * interval '1 millisecond',
       'bench-p' || (g * 7 % $3), 'bench-o' || (g * 7 % $3 % $4),
       CASE WHEN g % 3 = 0 THEN 'bench-u' || (g * 13 % $5) END, 'bench-v' || (g * 13 % $5),
       (ARRAY['web','web','web','api','proxy'])[1 + g % 5]::"UsageSource", 0
     FROM generate_series(1, $2::int) g`,
    day,
    count,
    prompts,
    owners,
    viewers,
  );
}

async function main() {
  const { values } = parseArgs({ options: { events: { type: "string", default: "1000000" }, runs: { type: "string", default: "3" }, "database-url": { type: "string" } } });
  const count = Number(values.events);
  const runs = Number(values.runs);
  if (values["database-url"]) process.env.TEST_DATABASE_URL = values["database-url"];
  const { createTestDatabase } = await import("../src/test/test-db");
  const t = await createTestDatabase();
  try {
    const day = new Date("2026-06-01T00:00:00Z");
    const now = new Date("2026-06-02T00:05:00Z");
    let started = performance.now();
    await loadUsageEvents(t.db, { day, count });
    console.log(`database: ${t.kind}; loaded ${count.toLocaleString("en")} events of one day in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    for (let run = 1; run <= runs; run++) {
      await t.db.$executeRaw`TRUNCATE "UsageRollup", "AnalyticsState"`;
      started = performance.now();
      const cpu = process.cpuUsage();
      const result = await rollUp(t.db, { now, retentionDays: 3650 });
      const seconds = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      const rows = await t.db.usageRollup.count();
      // With the embedded database the work is this process's: its CPU time says what the rollup costs when the machine is shared.
      const cpuNote = t.kind === "pglite" ? `, ${((used.user + used.system) / 1e6).toFixed(2)} s of this process's CPU` : "";
      console.log(`rollUp run ${run}: ${seconds.toFixed(2)} s (target < 10 s${cpuNote}) — ${result.hours} hours, ${result.events.toLocaleString("en")} events, ${rows.toLocaleString("en")} rollup rows`);
    }
    started = performance.now();
    const changed = await computeTrending(t.db, { now });
    console.log(`computeTrending: ${((performance.now() - started) / 1000).toFixed(2)} s — ${changed} prompts changed (none exist as Prompt rows here: the scoring is what is timed)`);
  } finally {
    await t.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
