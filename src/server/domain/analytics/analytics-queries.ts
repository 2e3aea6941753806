// The figures the analytics dashboards show: a creator's own prompts, one prompt (its owner, an
// admin, or its organisation's admins and owners), an organisation's prompts, and the whole site (admins). Each figure is read from the rollups for every hour before
// the state's `rolledUpTo` (day rows for whole days, hour rows for the rest) and from the raw events
// after it, so a dashboard is current to the minute while reading few rows. Series have every
// bucket of the period, zeros included, so charts have a continuous axis.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { DbOrTx } from "@/server/db/prisma";
import { USAGE_FIGURES, zeroFigures, type AnalyticsGranularity, type UsageFigures } from "@/shared/analytics/analytics-figures";
import { readablePromptsWhere } from "../access/prompt-access";
import { isAdmin, type Actor } from "../actor";
import { ForbiddenError, NotFoundError } from "../errors";
import { assertOrgAction, orgRoleOf } from "../governance/org-authorization";
import { roleAllows } from "@/shared/governance/role-matrix";
import { resolveRange, type AdminAnalyticsInput, type CreatorAnalyticsInput, type OrgAnalyticsInput, type PromptAnalyticsInput } from "./analytics-schemas";
import { DAY_MS, floorDay, floorHour, HOUR_MS, rolledUpTo as rollupStateRolledUpTo } from "./rollup-state";

/** Rows in the top prompts / authors / models tables. */
export const TOP_LIMIT = 10;

const STEP_MS: Record<AnalyticsGranularity, number> = { hour: HOUR_MS, day: DAY_MS };

const floorTo = (d: Date, step: number) => new Date(Math.floor(d.getTime() / step) * step);
const ceilTo = (d: Date, step: number) => new Date(Math.ceil(d.getTime() / step) * step);
const minDate = (a: Date, b: Date) => (a < b ? a : b);
const maxDate = (a: Date, b: Date) => (a > b ? a : b);

export type Period = { from: Date; to: Date; granularity: AnalyticsGranularity };
/** A part of a period and where its figures are read: day rollups, hour rollups or raw events. */
export type ReadSegment = { source: "day" | "hour" | "raw"; from: Date; to: Date };

/**
 * Where each part of [from, to) is read, given that every hour before `rolledUpTo` is rolled up.
 * Day rows only for whole days (and only when the answer is not per hour), hour rows for the rest
 * of the rolled-up part, raw events after it. The parts never overlap and cover [from, to).
 */
export function planReads(from: Date, to: Date, rolledUpTo: Date, useDays: boolean): ReadSegment[] {
  // An hour is in the rollups only when all of it is before rolledUpTo.
  const rolled = floorHour(rolledUpTo);
  const rolledEnd = minDate(to, rolled);
  const parts: ReadSegment[] = [];
  if (from < rolledEnd) {
    const dayFrom = ceilTo(from, DAY_MS);
    const dayTo = floorDay(rolledEnd);
    if (useDays && dayFrom < dayTo) {
      parts.push({ source: "hour", from, to: dayFrom }, { source: "day", from: dayFrom, to: dayTo }, { source: "hour", from: dayTo, to: rolledEnd });
    } else parts.push({ source: "hour", from, to: rolledEnd });
  }
  parts.push({ source: "raw", from: maxDate(from, rolled), to });
  return parts.filter((p) => p.from < p.to);
}

/** Which events count: the rollup scope (and which of its ids) and the same set among raw events. */
type UsageScope = { rollupScope: "prompt" | "author" | "site"; rollupIds: Prisma.Sql; rawWhere: Prisma.Sql; rawKey: Prisma.Sql };
/** What the rows are grouped by: the time bucket, the scope's id (prompt or author), or the source. */
type GroupBy = { by: "bucket"; granularity: AnalyticsGranularity; andSource?: boolean } | { by: "scopeId" };

const FIGURE_KINDS = Prisma.sql`('view', 'render', 'copy', 'like', 'fork', 'captured_use', 'harness_run', 'purchase', 'refund')`;

type FigureRow = UsageFigures & { key: Date | string | null; source: UsageSource | null; total: number };
const SOURCES = ["web", "api", "proxy", "mcp"] as const;
type UsageSource = (typeof SOURCES)[number];

/**
 * The figures of `scope` over `segments`, one row per group; with `limit`, only the groups with
 * the most events. One statement, one aggregate over the rows of every segment (measured faster
 * than aggregating each segment first: one hash table instead of two).
 */
function figureRowsSql(scope: UsageScope, segments: ReadSegment[], group: GroupBy, limit?: number): Prisma.Sql {
  const trunc = group.by === "bucket" ? Prisma.raw(`'${group.granularity}'`) : null;
  const rollupKey = trunc ? Prisma.sql`date_trunc(${trunc}, r.bucket)` : Prisma.sql`r."scopeId"`;
  const rawKey = trunc ? Prisma.sql`date_trunc(${trunc}, e.at)` : scope.rawKey;
  // Series are also split by source when asked (the same rows give the per-source figures).
  const bySource = group.by === "bucket" && group.andSource;
  const rollupSource = bySource ? Prisma.sql`r.source::text` : Prisma.sql`NULL::text`;
  const rawSource = bySource ? Prisma.sql`e.source::text` : Prisma.sql`NULL::text`;
  const parts = segments.map((s) =>
    s.source === "raw"
      ? Prisma.sql`SELECT ${rawKey} AS key, ${rawSource} AS source, e.kind, 1 AS n, e."amountCents" AS cents
                     FROM "UsageEvent" e
                    WHERE ${scope.rawWhere} AND e.at >= ${s.from} AND e.at < ${s.to} AND e.kind IN ${FIGURE_KINDS}`
      : Prisma.sql`SELECT ${rollupKey} AS key, ${rollupSource} AS source, r.kind, r.count AS n, r."amountCents" AS cents
                     FROM "UsageRollup" r
                    WHERE r.granularity = ${Prisma.raw(`'${s.source}'`)} AND r.scope = ${scope.rollupScope} AND r."scopeId" ${scope.rollupIds}
                      AND r.bucket >= ${s.from} AND r.bucket < ${s.to} AND r.kind IN ${FIGURE_KINDS}`,
  );
  const counted = Prisma.sql`sum(n) FILTER (WHERE kind NOT IN ('purchase', 'refund'))`;
  return Prisma.sql`
    WITH parts AS (${Prisma.join(parts, " UNION ALL ")})
    SELECT key, source,
           COALESCE(sum(n) FILTER (WHERE kind = 'view'), 0)::float8 AS views,
           COALESCE(sum(n) FILTER (WHERE kind = 'render'), 0)::float8 AS renders,
           COALESCE(sum(n) FILTER (WHERE kind = 'copy'), 0)::float8 AS copies,
           COALESCE(sum(n) FILTER (WHERE kind = 'like'), 0)::float8 AS likes,
           COALESCE(sum(n) FILTER (WHERE kind = 'fork'), 0)::float8 AS forks,
           COALESCE(sum(n) FILTER (WHERE kind = 'captured_use'), 0)::float8 AS "capturedUses",
           COALESCE(sum(n) FILTER (WHERE kind = 'harness_run'), 0)::float8 AS "harnessRuns",
           COALESCE(sum(cents), 0)::float8 AS "revenueCents",
           COALESCE(${counted}, 0)::float8 AS total
      FROM parts
     GROUP BY key, source
     ${limit ? Prisma.sql`ORDER BY total DESC, "revenueCents" DESC, key LIMIT ${limit}` : Prisma.empty}`;
}

async function figureRows(db: DbOrTx, scope: UsageScope, segments: ReadSegment[], group: GroupBy): Promise<FigureRow[]> {
  return segments.length ? db.$queryRaw<FigureRow[]>(figureRowsSql(scope, segments, group)) : [];
}

const figuresOf = (row: FigureRow | undefined): UsageFigures => {
  const out = zeroFigures();
  if (row) for (const f of USAGE_FIGURES) out[f] = row[f];
  return out;
};

function addInto(total: UsageFigures, add: UsageFigures) {
  for (const f of USAGE_FIGURES) total[f] += add[f];
}

/** The period as buckets: its first bucket's start and the end of the bucket holding `to`. */
function periodBounds(period: Period) {
  const step = STEP_MS[period.granularity];
  return { start: floorTo(period.from, step), end: new Date(floorTo(period.to, step).getTime() + step), step };
}

async function rolledUpTo(db: DbOrTx): Promise<Date> {
  // Nothing rolled up yet: every event is read raw.
  return (await rollupStateRolledUpTo(db)) ?? new Date(0);
}

/**
 * Every bucket of the period with its figures, zeros where nothing happened, and their totals;
 * `bySource` (every source listed) from the same statement when asked.
 */
async function seriesOf(db: DbOrTx, scope: UsageScope, period: Period, rolled: Date, andSource = false) {
  const { start, end, step } = periodBounds(period);
  const rows = await figureRows(db, scope, planReads(start, end, rolled, period.granularity === "day"), { by: "bucket", granularity: period.granularity, andSource });
  const byBucket = new Map<number, UsageFigures>();
  const sources = new Map(SOURCES.map((source) => [source, { source, events: 0, ...zeroFigures() }]));
  for (const row of rows) {
    const t = (row.key as Date).getTime();
    const figures = figuresOf(row);
    const bucket = byBucket.get(t);
    if (bucket) addInto(bucket, figures);
    else byBucket.set(t, figures);
    const source = row.source ? sources.get(row.source) : undefined;
    if (source) {
      addInto(source, figures);
      source.events += row.total;
    }
  }
  const totals = zeroFigures();
  const series: ({ bucket: Date } & UsageFigures)[] = [];
  for (let t = start.getTime(); t < end.getTime(); t += step) {
    const figures = byBucket.get(t) ?? zeroFigures();
    addInto(totals, figures);
    series.push({ bucket: new Date(t), ...figures });
  }
  return { totals, series, bySource: [...sources.values()] };
}

/** The busiest prompts of the scope, named in the same statement (a prompt deleted since is left out of the table). */
async function topPromptsOf(db: DbOrTx, scope: UsageScope, start: Date, end: Date, rolled: Date) {
  const segments = planReads(start, end, rolled, true);
  if (!segments.length) return [];
  const rows = await db.$queryRaw<(FigureRow & { slug: string; title: string; ownerHandle: string })[]>`
    SELECT g.*, p.slug, p.title, u.handle AS "ownerHandle"
      FROM (${figureRowsSql(scope, segments, { by: "scopeId" }, TOP_LIMIT)}) g
      JOIN "Prompt" p ON p.id = g.key
      JOIN "User" u ON u.id = p."ownerId"
     ORDER BY g.total DESC, g."revenueCents" DESC, g.key`;
  return rows.map((r) => ({ promptId: r.key as string, slug: r.slug, title: r.title, ownerHandle: r.ownerHandle, events: r.total, ...figuresOf(r) }));
}

const promptScope = (promptId: string): UsageScope => ({
  rollupScope: "prompt",
  rollupIds: Prisma.sql`= ${promptId}`,
  rawWhere: Prisma.sql`e."promptId" = ${promptId}`,
  rawKey: Prisma.sql`e."promptId"`,
});

const periodOut = (period: Period, start: Date, end: Date, rolled: Date) => ({
  from: start,
  to: end,
  granularity: period.granularity,
  /** Figures before this come from the rollups, after it from the raw events. */
  rolledUpTo: rolled.getTime() === 0 ? null : rolled,
});

/** The signed-in creator's figures over their own prompts: totals, a series and their top prompts. */
export async function creatorAnalytics(db: DbOrTx, actor: Actor, input: CreatorAnalyticsInput = {}, now = new Date()) {
  const period = resolveRange(input, now);
  const rolled = await rolledUpTo(db);
  const author: UsageScope = { rollupScope: "author", rollupIds: Prisma.sql`= ${actor.id}`, rawWhere: Prisma.sql`e."ownerId" = ${actor.id}`, rawKey: Prisma.sql`e."ownerId"` };
  const ownPrompts: UsageScope = {
    rollupScope: "prompt",
    // An array computed once (an InitPlan): each prompt's rows are then read by the primary key.
    rollupIds: Prisma.sql`= ANY(ARRAY(SELECT id FROM "Prompt" WHERE "ownerId" = ${actor.id}))`,
    rawWhere: Prisma.sql`e."ownerId" = ${actor.id} AND e."promptId" IS NOT NULL`,
    rawKey: Prisma.sql`e."promptId"`,
  };
  const { start, end } = periodBounds(period);
  const [{ totals, series }, topPrompts] = await Promise.all([seriesOf(db, author, period, rolled), topPromptsOf(db, ownPrompts, start, end, rolled)]);
  return { ...periodOut(period, start, end, rolled), totals, series, topPrompts };
}

/** One prompt's figures, for its owner or an admin: totals, a series and figures per source. */
export async function promptAnalytics(db: DbOrTx, actor: Actor, input: PromptAnalyticsInput, now = new Date()) {
  // Someone who may not read the prompt learns nothing of it; a reader who is not its owner is refused.
  const prompt = await db.prompt.findFirst({ where: { AND: [{ id: input.promptId }, readablePromptsWhere(actor)] }, select: { id: true, slug: true, title: true, ownerId: true, orgId: true } });
  if (!prompt) throw new NotFoundError("Prompt");
  const orgMayRead = prompt.orgId !== null && roleAllows(await orgRoleOf(db, prompt.orgId, actor), "analytics.read");
  if (prompt.ownerId !== actor.id && !isAdmin(actor) && !orgMayRead) throw new ForbiddenError("Only the prompt's owner (or its organisation's admins and owners) can see its analytics.");
  const period = resolveRange(input, now);
  const rolled = await rolledUpTo(db);
  const scope = promptScope(prompt.id);
  const { start, end } = periodBounds(period);
  const { totals, series, bySource } = await seriesOf(db, scope, period, rolled, true);
  return { ...periodOut(period, start, end, rolled), prompt: { promptId: prompt.id, slug: prompt.slug, title: prompt.title }, totals, series, bySource };
}

/**
 * An organisation's prompts (those it owns now, whoever wrote them), for its admins and owners:
 * totals, a series and its top prompts, read from the prompts' own rollups.
 */
export async function orgAnalytics(db: DbOrTx, actor: Actor, input: OrgAnalyticsInput, now = new Date()) {
  await assertOrgAction(db, actor, input.orgId, "analytics.read");
  const period = resolveRange(input, now);
  const rolled = await rolledUpTo(db);
  const orgPrompts: UsageScope = {
    rollupScope: "prompt",
    // An array computed once (an InitPlan): each prompt's rows are then read by the primary key.
    rollupIds: Prisma.sql`= ANY(ARRAY(SELECT id FROM "Prompt" WHERE "orgId" = ${input.orgId}))`,
    rawWhere: Prisma.sql`e."promptId" = ANY(ARRAY(SELECT id FROM "Prompt" WHERE "orgId" = ${input.orgId}))`,
    rawKey: Prisma.sql`e."promptId"`,
  };
  const { start, end } = periodBounds(period);
  const [{ totals, series }, topPrompts] = await Promise.all([seriesOf(db, orgPrompts, period, rolled), topPromptsOf(db, orgPrompts, start, end, rolled)]);
  return { ...periodOut(period, start, end, rolled), totals, series, topPrompts };
}

/**
 * The site for admins: totals and series, usage per source, top prompts and authors, captured calls
 * per model with their error rate and cost, and signups over time.
 */
export async function adminAnalytics(db: DbOrTx, input: AdminAnalyticsInput = {}, now = new Date()) {
  const period = resolveRange(input, now);
  const rolled = await rolledUpTo(db);
  const site: UsageScope = { rollupScope: "site", rollupIds: Prisma.sql`= ''`, rawWhere: Prisma.sql`TRUE`, rawKey: Prisma.sql`NULL` };

  const { start, end, step } = periodBounds(period);
  // Independent reads: on a PostgreSQL server they run at once on the pool's connections.
  const [{ totals, series, bySource }, { topPrompts, topAuthors }, models, signupRows] = await Promise.all([
    seriesOf(db, site, period, rolled, true),
    siteTopPromptsAndAuthors(db, start, end, rolled),
    capturedCallsPerModel(db, start, end),
    db.$queryRaw<{ key: Date; n: number }[]>`
      SELECT date_trunc(${Prisma.raw(`'${period.granularity}'`)}, "createdAt") AS key, count(*)::float8 AS n
        FROM "User" WHERE "createdAt" >= ${start} AND "createdAt" < ${end} GROUP BY 1`,
  ]);
  const signupsByBucket = new Map(signupRows.map((r) => [r.key.getTime(), r.n]));
  const signups: { bucket: Date; signups: number }[] = [];
  for (let t = start.getTime(); t < end.getTime(); t += step) signups.push({ bucket: new Date(t), signups: signupsByBucket.get(t) ?? 0 });

  return { ...periodOut(period, start, end, rolled), totals, series, bySource, topPrompts, topAuthors, models, signups, signupsTotal: signups.reduce((n, s) => n + s.signups, 0) };
}

const FIGURE_COLUMNS = ["views", "renders", "copies", "likes", "forks", "capturedUses", "harnessRuns", "revenueCents", "events"] as const;
const columns = (alias: string) => Prisma.raw(FIGURE_COLUMNS.map((c) => `${alias}."${c}"`).join(", "));

/**
 * The site's busiest prompts and authors (by their prompts' events) in one statement, ranked as
 * topPromptsOf ranks (events, then revenue, then id). The rolled-up part comes from UsageRollupTotal
 * (one row per prompt or author and bucket, kinds and sources summed: ~20× fewer rows than
 * UsageRollup's); the raw tail is read once, grouped per prompt and owner, and feeds both tables.
 */
async function siteTopPromptsAndAuthors(db: DbOrTx, start: Date, end: Date, rolled: Date) {
  const segments = planReads(start, end, rolled, true);
  if (!segments.length) return { topPrompts: [], topAuthors: [] };
  const raw = segments.find((s) => s.source === "raw");
  const rolledParts = segments
    .filter((s) => s.source !== "raw")
    .map((s) => Prisma.sql`SELECT t.scope, t."scopeId" AS key, ${columns("t")} FROM "UsageRollupTotal" t
                           WHERE t.granularity = ${Prisma.raw(`'${s.source}'`)} AND t.scope IN ('prompt', 'author') AND t.bucket >= ${s.from} AND t.bucket < ${s.to}`);
  const rawParts = raw
    ? [Prisma.sql`SELECT 'prompt' AS scope, p AS key, ${columns("raw")} FROM raw WHERE p IS NOT NULL`, Prisma.sql`SELECT 'author', o, ${columns("raw")} FROM raw WHERE o IS NOT NULL`]
    : [];
  const rawCte = raw
    ? Prisma.sql`raw AS (
        SELECT e."promptId" AS p, e."ownerId" AS o,
               (count(*) FILTER (WHERE e.kind = 'view'))::int AS views, (count(*) FILTER (WHERE e.kind = 'render'))::int AS renders,
               (count(*) FILTER (WHERE e.kind = 'copy'))::int AS copies, (count(*) FILTER (WHERE e.kind = 'like'))::int AS likes,
               (count(*) FILTER (WHERE e.kind = 'fork'))::int AS forks, (count(*) FILTER (WHERE e.kind = 'captured_use'))::int AS "capturedUses",
               (count(*) FILTER (WHERE e.kind = 'harness_run'))::int AS "harnessRuns", sum(e."amountCents")::int AS "revenueCents",
               (count(*) FILTER (WHERE e.kind NOT IN ('purchase', 'refund')))::int AS events
          FROM "UsageEvent" e
         WHERE e.at >= ${raw.from} AND e.at < ${raw.to} AND e.kind IN ${FIGURE_KINDS} AND (e."promptId" IS NOT NULL OR e."ownerId" IS NOT NULL)
         GROUP BY 1, 2),`
    : Prisma.empty;
  const rows = await db.$queryRaw<(FigureRow & { scope: "prompt" | "author"; slug: string | null; title: string | null; ownerHandle: string | null; handle: string | null; name: string | null })[]>`
    WITH ${rawCte} parts AS (${Prisma.join([...rolledParts, ...rawParts], " UNION ALL ")}),
    grouped AS (
      SELECT scope, key,
             sum(views)::float8 AS views, sum(renders)::float8 AS renders, sum(copies)::float8 AS copies, sum(likes)::float8 AS likes,
             sum(forks)::float8 AS forks, sum("capturedUses")::float8 AS "capturedUses", sum("harnessRuns")::float8 AS "harnessRuns",
             sum("revenueCents")::float8 AS "revenueCents", sum(events)::float8 AS total
        FROM parts GROUP BY scope, key
    )
    SELECT r.*, p.slug, p.title, pu.handle AS "ownerHandle", u.handle, u.name
      FROM ((SELECT * FROM grouped WHERE scope = 'prompt' ORDER BY total DESC, "revenueCents" DESC, key LIMIT ${TOP_LIMIT})
            UNION ALL (SELECT * FROM grouped WHERE scope = 'author' ORDER BY total DESC, "revenueCents" DESC, key LIMIT ${TOP_LIMIT})) r
      LEFT JOIN "Prompt" p ON r.scope = 'prompt' AND p.id = r.key
      LEFT JOIN "User" pu ON pu.id = p."ownerId"
      LEFT JOIN "User" u ON r.scope = 'author' AND u.id = r.key
     ORDER BY r.scope, r.total DESC, r."revenueCents" DESC, r.key`;
  // As the per-table statements do, a prompt (or author) deleted since is left out of its table.
  return {
    topPrompts: rows
      .filter((r) => r.scope === "prompt" && r.slug !== null)
      .map((r) => ({ promptId: r.key as string, slug: r.slug as string, title: r.title as string, ownerHandle: r.ownerHandle as string, events: r.total, ...figuresOf(r) })),
    topAuthors: rows.filter((r) => r.scope === "author" && r.handle !== null).map((r) => ({ userId: r.key as string, handle: r.handle as string, name: r.name, events: r.total, ...figuresOf(r) })),
  };
}

/**
 * Captured calls per provider and model in [start, end) (whole hours): calls, errors (status ≥ 400
 * or an error), cost, from CaptureModelHour (the Capture table per hour and model, kept by triggers).
 */
async function capturedCallsPerModel(db: DbOrTx, start: Date, end: Date) {
  const rows = await db.$queryRaw<{ provider: string; model: string | null; calls: number; errors: number; costUsd: string | null; pricedCalls: number; avgLatencyMs: number | null }[]>`
    SELECT provider, CASE WHEN "modelIsNull" THEN NULL ELSE model END AS model, sum(calls)::float8 AS calls,
           sum(errors)::float8 AS errors, sum("costUsd")::text AS "costUsd", sum("pricedCalls")::float8 AS "pricedCalls",
           (sum("latencyMsSum")::numeric / sum(calls))::float8 AS "avgLatencyMs"
      FROM "CaptureModelHour"
     WHERE hour >= ${start} AND hour < ${end}
     GROUP BY provider, model, "modelIsNull"
     ORDER BY calls DESC, provider, 2
     LIMIT ${TOP_LIMIT * 2}`;
  // Cost stays a decimal string (USD), null when no call of that model had a price (unknown, never 0).
  return rows.map((r) => ({ ...r, errorRate: r.calls ? r.errors / r.calls : 0 }));
}

export type CreatorAnalytics = Awaited<ReturnType<typeof creatorAnalytics>>;
export type PromptAnalytics = Awaited<ReturnType<typeof promptAnalytics>>;
export type AdminAnalytics = Awaited<ReturnType<typeof adminAnalytics>>;
