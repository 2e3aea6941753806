// Trending as a job: a time-decayed score per prompt over the hour rollups (plus the raw events
// since `rolledUpTo`, so the last minutes count), for three windows, written to
// Prompt.trending24h / trending7d / trending30d (prompt.search sorts by them through their indexes).
// Against one account's burst, two floors: within one hour bucket an event kind counts at most
// PER_PERSON_CAP times per distinct person, and a prompt needs at least MIN_PEOPLE distinct people
// in the window to score above zero. One statement.
import "server-only";
import { Prisma, type UsageEventKind } from "@/generated/prisma/client";
import type { Db } from "@/server/db/prisma";
import type { TrendingWindow } from "@/shared/prompts/trending-windows";
import { rolledUpTo, ROLLUP_STATE_ID } from "./rollup-state";
import { personSql } from "./usage-person";

/** What one event is worth: a look is cheap, a like, a fork or a use in an app says more. Refunds count nothing. */
export const TRENDING_WEIGHTS: Record<UsageEventKind, number> = {
  view: 1,
  listing_view: 1,
  render: 2,
  copy: 3,
  harness_run: 3,
  comment: 4,
  rate: 4,
  like: 5,
  captured_use: 6,
  fork: 8,
  purchase: 10,
  refund: 0,
};

/** Events of one kind counted per distinct person in one hour bucket. */
export const PER_PERSON_CAP = 3;
/** Distinct people a prompt needs within a window to rank above zero. */
export const MIN_PEOPLE = 2;

/** Each window's length and the e-folding time of its decay (an event this old weighs 1/e of a fresh one). */
export const TRENDING_WINDOW_HOURS: Record<TrendingWindow, { hours: number; decayHours: number }> = {
  "24h": { hours: 24, decayHours: 8 },
  "7d": { hours: 7 * 24, decayHours: 48 },
  "30d": { hours: 30 * 24, decayHours: 7 * 24 },
};

/** Recomputes every prompt's trending scores as of `now`; returns how many prompts' scores changed. */
export async function computeTrending(db: Db, opts: { now?: Date } = {}): Promise<number> {
  const now = opts.now ?? new Date();
  const w = TRENDING_WINDOW_HOURS;
  const since = (window: TrendingWindow) => new Date(now.getTime() - w[window].hours * 3_600_000);
  // Before the first rollup, everything is raw.
  const upTo = await rolledUpTo(db);
  const rawFrom = upTo && upTo < now ? upTo : since("30d");
  const weights = Prisma.join(
    Object.entries(TRENDING_WEIGHTS).map(([kind, weight]) => Prisma.sql`(${kind}::"UsageEventKind", ${weight}::float8)`),
    ", ",
  );
  /** A window's decayed sum, and the most distinct people one of its buckets saw. */
  const windowSums = (window: TrendingWindow, name: string) => Prisma.sql`
    sum(wt.weight * LEAST(b.n, GREATEST(b.people, 1) * ${PER_PERSON_CAP})
      * exp(-GREATEST(extract(epoch FROM (${now}::timestamp - b.bucket)) / 3600.0 - 0.5, 0) / ${w[window].decayHours}::float8))
      FILTER (WHERE b.bucket >= date_trunc('hour', ${since(window)}::timestamp)) AS ${Prisma.raw(`s${name}`)},
    COALESCE(max(b.people) FILTER (WHERE b.bucket >= date_trunc('hour', ${since(window)}::timestamp)), 0) AS ${Prisma.raw(`m${name}`)}`;
  /** The window's score once the people floor is checked: a bucket with enough people, else the raw events of the window. */
  const floored = (name: string) =>
    Prisma.raw(`CASE WHEN s.m${name} >= ${MIN_PEOPLE} OR COALESCE(pp.p${name}, 0) >= ${MIN_PEOPLE} THEN COALESCE(s.s${name}, 0) ELSE 0 END`);

  return db.$executeRaw`
    WITH wt(kind, weight) AS (VALUES ${weights}),
    b AS (
      SELECT r."scopeId" AS "promptId", r.bucket, r.kind, r."count"::float8 AS n, r.actors AS people
      FROM "UsageRollup" r
      WHERE r.granularity = 'hour' AND r.scope = 'prompt' AND r.bucket >= date_trunc('hour', ${since("30d")}::timestamp) AND r.bucket < ${rawFrom}
      UNION ALL
      SELECT e."promptId", date_trunc('hour', e."at"), e.kind, count(*)::float8, count(DISTINCT ${personSql("e")})::int
      FROM "UsageEvent" e
      WHERE e."at" >= GREATEST(${rawFrom}::timestamp, ${since("30d")}::timestamp) AND e."at" <= ${now} AND e."promptId" IS NOT NULL
      GROUP BY e."promptId", date_trunc('hour', e."at"), e.kind, e.source
    ),
    s AS (
      SELECT b."promptId", ${windowSums("24h", "24")}, ${windowSums("7d", "7")}, ${windowSums("30d", "30")}
      FROM b JOIN wt ON wt.kind = b.kind
      GROUP BY b."promptId"
    ),
    -- Prompts whose people floor no single bucket settles: count their distinct people in the raw events (kept longer than 30 days).
    pp AS (
      SELECT e."promptId",
        count(DISTINCT ${personSql("e")}) FILTER (WHERE e."at" >= ${since("24h")}) AS p24,
        count(DISTINCT ${personSql("e")}) FILTER (WHERE e."at" >= ${since("7d")}) AS p7,
        count(DISTINCT ${personSql("e")}) AS p30
      FROM "UsageEvent" e
      WHERE e."promptId" IN (SELECT "promptId" FROM s WHERE s.m24 < ${MIN_PEOPLE} OR s.m7 < ${MIN_PEOPLE} OR s.m30 < ${MIN_PEOPLE})
        AND e."at" >= ${since("30d")} AND e."at" <= ${now}
      GROUP BY e."promptId"
    ),
    scores AS (
      SELECT s."promptId", ${floored("24")} AS t24, ${floored("7")} AS t7, ${floored("30")} AS t30
      FROM s LEFT JOIN pp ON pp."promptId" = s."promptId"
    ),
    -- Prompts with a score now or before (those whose activity left every window go back to zero).
    next AS (
      SELECT x.id, COALESCE(sc.t24, 0) AS t24, COALESCE(sc.t7, 0) AS t7, COALESCE(sc.t30, 0) AS t30
      FROM (
        SELECT id FROM "Prompt" WHERE "trending24h" <> 0 OR "trending7d" <> 0 OR "trending30d" <> 0
        UNION SELECT "promptId" FROM scores
      ) x LEFT JOIN scores sc ON sc."promptId" = x.id
    )
    UPDATE "Prompt" p SET "trending24h" = next.t24, "trending7d" = next.t7, "trending30d" = next.t30
    FROM next
    WHERE p.id = next.id AND (p."trending24h", p."trending7d", p."trending30d") IS DISTINCT FROM (next.t24, next.t7, next.t30)`.then(async (changed) => {
    await db.analyticsState.updateMany({ where: { id: ROLLUP_STATE_ID }, data: { trendingAt: now } });
    return changed;
  });
}
