// Usage events into UsageRollup: hour rows and the touched days' day rows, per prompt, per author
// (the prompt's owner when the event happened) and for the whole site. Set-based: one
// INSERT … SELECT … GROUP BY for both granularities, after deleting the buckets it recomputes, in
// one transaction per UTC day, so running it twice for the same hours writes the
// same rows. `AnalyticsState.rolledUpTo` moves with each day's transaction: after downtime the next
// run backfills every missed hour from there; a run that dies midway leaves the days it finished.
// Then raw events older than the retention, and rolled up, are deleted (whole UTC days).
import "server-only";
import { env } from "@/env";
import { Prisma } from "@/generated/prisma/client";
import type { Db, Tx } from "@/server/db/prisma";
import { deleteExpiredEvents } from "./retention";
import { personSql } from "./usage-person";
import { DAY_MS, floorDay, floorHour, HOUR_MS, rolledUpTo as rolledUpToNow, ROLLUP_STATE_ID } from "./rollup-state";

/**
 * An hour is rolled up only once it ended this long ago: events are buffered for a moment before
 * they are written (record-usage.ts), so one stamped 10:59:59 may land just after 11:00.
 */
export const ROLLUP_GRACE_MS = 2 * 60_000;
/** Both jobs (the cron function and `npm run cli -- rollup`) take this transaction lock, so two never interleave. */
const ROLLUP_LOCK = 15_001;
/** Sorting and hashing memory of the rollup's statements: a day of a million events groups in memory. */
const ROLLUP_WORK_MEM = "128MB";
/** A day of a busy site is one transaction; PostgreSQL's default statement time is ample, Prisma's 5 s transaction limit is not. */
const DAY_TRANSACTION_TIMEOUT_MS = 10 * 60_000;

export type RollUpResult = {
  /** Hours rolled up by this run (a backfill after downtime: every missed one). */
  hours: number;
  /** Raw events those hours held. */
  events: number;
  /** Raw events deleted by the retention. */
  deleted: number;
  /** Every hour before this is in the rollups. */
  rolledUpTo: Date;
};

export async function rollUp(db: Db, opts: { now?: Date; retentionDays?: number } = {}): Promise<RollUpResult> {
  const now = opts.now ?? new Date();
  const end = floorHour(new Date(now.getTime() - ROLLUP_GRACE_MS));
  let hours = 0;
  let events = 0;
  let rolledUpTo = end;
  // One UTC day (or what is left of it up to `end`) per transaction, until caught up.
  for (;;) {
    const step = await db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ROLLUP_LOCK})`;
        // A day's grouping fits in memory instead of spilling to disk (for this transaction only).
        await tx.$executeRawUnsafe(`SET LOCAL work_mem = '${ROLLUP_WORK_MEM}'`);
        const from = await rolledUpToOf(tx, end);
        if (from >= end) {
          // Nothing to roll up yet: still record where the rollups stand, for the dashboards.
          await tx.analyticsState.upsert({ where: { id: ROLLUP_STATE_ID }, create: { id: ROLLUP_STATE_ID, rolledUpTo: from }, update: {} });
          return { done: true as const, from };
        }
        const to = new Date(Math.min(end.getTime(), floorDay(from).getTime() + DAY_MS));
        const n = await rollUpRange(tx, from, to);
        await tx.analyticsState.upsert({
          where: { id: ROLLUP_STATE_ID },
          create: { id: ROLLUP_STATE_ID, rolledUpTo: to },
          update: { rolledUpTo: to },
        });
        return { done: false as const, from: to, hours: (to.getTime() - from.getTime()) / HOUR_MS, events: n };
      },
      { timeout: DAY_TRANSACTION_TIMEOUT_MS, maxWait: DAY_TRANSACTION_TIMEOUT_MS },
    );
    rolledUpTo = step.from;
    if (step.done) break;
    hours += step.hours;
    events += step.events;
  }
  const deleted = await deleteExpiredEvents(db, { now, retentionDays: opts.retentionDays ?? env.ANALYTICS_RETENTION_DAYS });
  return { hours, events, deleted, rolledUpTo };
}

/**
 * Where the rollups stand. The first run starts at the oldest event's hour (or, with no events
 * yet, at `end`: nothing before it needs rolling up).
 */
async function rolledUpToOf(tx: Tx, end: Date): Promise<Date> {
  const state = await rolledUpToNow(tx);
  if (state) return state;
  const [oldest] = await tx.$queryRaw<{ at: Date | null }[]>`SELECT min("at") AS "at" FROM "UsageEvent"`;
  return oldest?.at ? floorHour(oldest.at) : end;
}

/**
 * Recomputes the hours in [from, to) (all within one UTC day) and that day's row from its start
 * up to `to`, replacing what was there. Returns how many events the hours held.
 */
export async function rollUpRange(tx: Tx, from: Date, to: Date): Promise<number> {
  const dayStart = floorDay(from);
  await tx.$executeRaw`DELETE FROM "UsageRollup" WHERE "granularity" = 'hour' AND "bucket" >= ${from} AND "bucket" < ${to}`;
  await tx.$executeRaw`DELETE FROM "UsageRollup" WHERE "granularity" = 'day' AND "bucket" = ${dayStart}`;
  await tx.$executeRaw`DELETE FROM "UsageRollupTotal" WHERE "granularity" = 'hour' AND "bucket" >= ${from} AND "bucket" < ${to}`;
  await tx.$executeRaw`DELETE FROM "UsageRollupTotal" WHERE "granularity" = 'day' AND "bucket" = ${dayStart}`;
  await insertBuckets(tx, dayStart, from, to);
  const [counted] = await tx.$queryRaw<{ n: number }[]>`
    SELECT COALESCE(sum("count"), 0)::int AS n FROM "UsageRollup"
    WHERE "granularity" = 'hour' AND "scope" = 'site' AND "bucket" >= ${from} AND "bucket" < ${to}`;
  return counted?.n ?? 0;
}

/** The kinds the dashboards' figures count (analytics-queries.ts FIGURE_KINDS): what UsageRollupTotal sums. */
const TOTAL_KINDS = Prisma.sql`('view', 'render', 'copy', 'like', 'fork', 'captured_use', 'harness_run', 'purchase', 'refund')`;

/**
 * One statement, one read of the day's events so far: the hour rows of [from, to) and the day row
 * of [dayStart, to), each for the three scopes. `actors` counts distinct people (usage-person.ts:
 * signed-in users, and anonymous visitors together as one; a machine's events count in `count` only)
 * in a prompt's hour rows, the only ones that read it (trending's floor); it is 0 in the others.
 * Grouping first per person, then counting the groups, hashes where count(DISTINCT …) would sort
 * (about twice as fast on a day of a million events). The same statement writes UsageRollupTotal (one row per prompt
 * or author and bucket, kinds and sources summed, for the admin overview) from the rows it inserts,
 * so that table never needs a pass of its own; rows go in the primary key's order, which keeps the
 * index's inserts together.
 */
function insertBuckets(tx: Tx, dayStart: Date, from: Date, to: Date) {
  /** Rows of one granularity and scope: `key` is the scope's column (or none, the site). */
  const rows = (granularity: "hour" | "day", scope: "prompt" | "author" | "site") => {
    const key = { prompt: Prisma.raw("p"), author: Prisma.raw("o"), site: null }[scope];
    const bucket = granularity === "hour" ? Prisma.raw("h") : null;
    const keys = Prisma.join([...(bucket ? [bucket] : []), Prisma.raw("kind"), Prisma.raw("source"), ...(key ? [key] : [])]);
    const where = Prisma.join([...(key ? [Prisma.sql`${key} IS NOT NULL`] : []), ...(granularity === "hour" ? [Prisma.sql`h >= ${from}`] : []), Prisma.sql`TRUE`], " AND ");
    const columns = Prisma.sql`${granularity}::"RollupGranularity" AS granularity, ${bucket ?? Prisma.sql`${dayStart}::timestamp`} AS bucket, ${scope} AS scope,
        ${key ?? Prisma.sql`''`} AS "scopeId", kind, source`;
    // Distinct people only where trending reads them (a prompt's hour rows): counting them costs a
    // second grouping of every event, per person, which the other rows are spared.
    if (granularity !== "hour" || scope !== "prompt") {
      return Prisma.sql`SELECT ${columns}, count(*)::int AS count, 0 AS actors, sum(a)::int AS "amountCents" FROM raw WHERE ${where} GROUP BY ${keys}`;
    }
    return Prisma.sql`
      SELECT ${columns}, sum(n)::int AS count, count(person)::int AS actors, sum(a)::int AS "amountCents"
      FROM (SELECT ${keys}, person, count(*) AS n, sum(a) AS a FROM raw WHERE ${where} GROUP BY ${keys}, person) per_person
      GROUP BY ${keys}`;
  };
  const figure = (kind: string) => Prisma.sql`COALESCE(sum(count) FILTER (WHERE kind = ${Prisma.raw(`'${kind}'`)}), 0)`;
  return tx.$executeRaw`
    WITH raw AS MATERIALIZED (
      SELECT date_trunc('hour', "at") AS h, "kind" AS kind, "source" AS source, "promptId" AS p, "ownerId" AS o,
        ${personSql()} AS person, "amountCents" AS a
      FROM "UsageEvent" WHERE "at" >= ${dayStart} AND "at" < ${to}
    ),
    rolled AS MATERIALIZED (
      ${rows("hour", "prompt")} UNION ALL ${rows("hour", "author")} UNION ALL ${rows("hour", "site")}
      UNION ALL ${rows("day", "prompt")} UNION ALL ${rows("day", "author")} UNION ALL ${rows("day", "site")}
    ),
    inserted AS (
      INSERT INTO "UsageRollup" ("granularity", "bucket", "scope", "scopeId", "kind", "source", "count", "actors", "amountCents")
      SELECT * FROM rolled ORDER BY granularity, scope, "scopeId", bucket, kind, source
    )
    INSERT INTO "UsageRollupTotal" ("granularity", "scope", "bucket", "scopeId", "views", "renders", "copies", "likes", "forks", "capturedUses", "harnessRuns", "revenueCents", "events", "n")
    SELECT granularity, scope, bucket, "scopeId",
           ${figure("view")}, ${figure("render")}, ${figure("copy")}, ${figure("like")}, ${figure("fork")}, ${figure("captured_use")}, ${figure("harness_run")},
           sum("amountCents"), COALESCE(sum(count) FILTER (WHERE kind NOT IN ('purchase', 'refund')), 0), sum(count)
      FROM rolled
     WHERE scope IN ('prompt', 'author') AND kind IN ${TOTAL_KINDS}
     GROUP BY granularity, scope, bucket, "scopeId"
     ORDER BY granularity, scope, bucket, "scopeId"`;
}
