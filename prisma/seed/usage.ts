// A month of demo usage so Home's trending and the dashboards are not empty on a fresh start:
// views, renders, copies, harness runs and captured uses of the public prompts, by the demo's
// accounts (signed-in people: anonymous visitors together count as one person for trending),
// more recent than not, more for the liked prompts. One INSERT … SELECT generate_series,
// deterministic (hashes, not random()). Then the rollup and trending run once, as the job would.
// Likes, ratings and comments are recorded by their own domain calls in seedActivity: their
// buffered events are written first, so they count too.
import type { Db } from "@/server/db/prisma";
import { backfillSalesEvents } from "@/server/domain/analytics/backfill-sales-events";
import { flushUsage } from "@/server/domain/analytics/record-usage";
import { rollUp } from "@/server/domain/analytics/rollup";
import { computeTrending } from "@/server/domain/analytics/trending";

export async function seedUsage(db: Db, now = new Date()): Promise<{ events: number; trending: number }> {
  await flushUsage(db);
  // u(i): a number in [0, 1) from the prompt id, the event number and a salt.
  const u = (salt: string) => `(abs(hashtext(p.id || ':' || g || ':${salt}')) % 1000000) / 1000000.0`;
  const events = await db.$executeRawUnsafe(`
    INSERT INTO "UsageEvent" ("kind", "at", "promptId", "ownerId", "actorId", "viewerKey", "source")
    SELECT
      CASE WHEN k < 0.70 THEN 'view' WHEN k < 0.82 THEN 'render' WHEN k < 0.91 THEN 'copy' WHEN k < 0.95 THEN 'harness_run' ELSE 'captured_use' END::"UsageEventKind",
      -- Skewed towards now: half the events in the last week, some in the last day.
      $1::timestamp - (power(a, 2) * interval '30 days'),
      p.id, p."ownerId",
      u.id, u.id,
      CASE WHEN k >= 0.95 THEN 'proxy' ELSE 'web' END::"UsageSource"
    FROM (
      SELECT p.id, p."ownerId", 4 + p."likeCount" * 8 + abs(hashtext(p.id)) % 25 AS n
      FROM "Prompt" p WHERE p.visibility = 'public' AND p."archivedAt" IS NULL
    ) p
    CROSS JOIN LATERAL generate_series(1, p.n) g
    CROSS JOIN LATERAL (SELECT ${u("kind")} AS k, ${u("age")} AS a, ${u("visitor")} AS v) r
    JOIN (SELECT id, (row_number() OVER (ORDER BY id) - 1)::int AS i, count(*) OVER ()::int AS n FROM "User") u ON u.i = floor(r.v * u.n)::int`, now);
  // The demo's sales were written straight into the tables: their revenue events too.
  await backfillSalesEvents(db);
  await rollUp(db, { now });
  const trending = await computeTrending(db, { now });
  return { events, trending };
}
