// UsageRollupTotal (written by the rollup job with UsageRollup's rows, in the same statement) and the
// admin overview's top prompts and authors read from it: the totals always equal UsageRollup's rows,
// and the tables rank what the raw events say.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/generated/prisma/client";
import { makeUser } from "@/test/callers";
import { createTestDatabase, type TestDatabase } from "@/test/test-db";
import { adminAnalytics, TOP_LIMIT } from "./analytics-queries";
import { rollUp } from "./rollup";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

const FIGURE_KINDS = ["view", "render", "copy", "like", "fork", "captured_use", "harness_run", "purchase", "refund"] as const;

const totalRows = () =>
  t.db.$queryRaw<Record<string, unknown>[]>`
    SELECT granularity::text, scope, bucket, "scopeId", views, renders, copies, likes, forks, "capturedUses", "harnessRuns", "revenueCents", events, n
      FROM "UsageRollupTotal" ORDER BY 1, 2, 3, 4`;

/** The totals as the table holds them, and as UsageRollup's rows say they should be. */
async function totalsAndExpected() {
  const actual = await totalRows();
  const expected = await t.db.$queryRaw<unknown[]>`
    SELECT granularity::text, scope, bucket, "scopeId",
           (COALESCE(sum(count) FILTER (WHERE kind = 'view'), 0))::int AS views, (COALESCE(sum(count) FILTER (WHERE kind = 'render'), 0))::int AS renders,
           (COALESCE(sum(count) FILTER (WHERE kind = 'copy'), 0))::int AS copies, (COALESCE(sum(count) FILTER (WHERE kind = 'like'), 0))::int AS likes,
           (COALESCE(sum(count) FILTER (WHERE kind = 'fork'), 0))::int AS forks, (COALESCE(sum(count) FILTER (WHERE kind = 'captured_use'), 0))::int AS "capturedUses",
           (COALESCE(sum(count) FILTER (WHERE kind = 'harness_run'), 0))::int AS "harnessRuns", sum("amountCents")::int AS "revenueCents",
           (COALESCE(sum(count) FILTER (WHERE kind NOT IN ('purchase', 'refund')), 0))::int AS events, sum(count)::int AS n
      FROM "UsageRollup"
     WHERE scope IN ('prompt', 'author') AND kind::text IN ('view', 'render', 'copy', 'like', 'fork', 'captured_use', 'harness_run', 'purchase', 'refund')
     GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`;
  return { actual, expected };
}

/** A small deterministic pseudo-random sequence (the same events on every run). */
function sequence(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s % n;
  };
}

describe("UsageRollupTotal", () => {
  it("equals UsageRollup's prompt and author rows after the rollup job, run again over the same hours too", async () => {
    await t.db.$executeRaw`TRUNCATE "UsageEvent", "UsageRollup", "AnalyticsState"`;
    const next = sequence(7);
    const start = new Date("2026-04-01T20:00:00Z").getTime();
    const kinds = [...FIGURE_KINDS, "rate", "comment", "listing_view"] as const;
    await t.db.usageEvent.createMany({
      data: Array.from({ length: 600 }, (_, i) => {
        const kind = kinds[next(kinds.length)];
        const prompt = next(8);
        return {
          kind,
          source: (["web", "api", "proxy", "mcp"] as const)[next(4)],
          at: new Date(start + next(8 * 3_600_000)),
          promptId: prompt === 7 ? null : `p${prompt}`,
          ownerId: prompt === 7 ? null : `o${prompt % 3}`,
          viewerKey: `v${i % 40}`,
          amountCents: kind === "purchase" ? 700 : kind === "refund" ? -300 : 0,
        };
      }),
    });
    // Across midnight, so two days' day rows.
    await rollUp(t.db, { now: new Date("2026-04-02T05:00:00Z") });
    const first = await totalsAndExpected();
    expect(first.actual.length).toBeGreaterThan(20);
    expect(first.actual).toEqual(first.expected);

    // The job recomputing the same hours (delete, then insert) leaves the same totals.
    await t.db.analyticsState.deleteMany();
    await rollUp(t.db, { now: new Date("2026-04-02T05:00:00Z") });
    const again = await totalsAndExpected();
    expect(again.actual).toEqual(first.actual);
  });
});

describe("adminAnalytics top prompts and authors", () => {
  it("rank rolled-up and raw events together as the raw events alone would: events, then revenue, then id", async () => {
    await t.db.$executeRaw`TRUNCATE "UsageEvent", "UsageRollup", "AnalyticsState"`;
    const users = [await makeUser(t.db), await makeUser(t.db), await makeUser(t.db)];
    const prompts: { id: string; ownerId: string; slug: string }[] = [];
    for (let i = 0; i < 14; i++) {
      const owner = users[i % 3];
      const p = await owner.caller.prompt.create({ title: `Ranked prompt ${i}`, category: "writing", body: `Body ${i}` });
      prompts.push({ id: p.id, ownerId: owner.user.id, slug: p.slug });
    }
    const next = sequence(11);
    const from = new Date("2026-05-01T00:00:00Z");
    const kinds = [...FIGURE_KINDS, "rate"] as const;
    const events: Prisma.UsageEventCreateManyInput[] = Array.from({ length: 900 }, (_, i) => {
      const prompt = prompts[Math.min(next(14), next(14))];
      const kind = kinds[next(kinds.length)];
      return {
        kind,
        source: (["web", "api", "proxy"] as const)[next(3)],
        // Three days and a bit: whole days (day rows), today's rolled hours (hour rows) and the raw tail.
        at: new Date(from.getTime() + next(3 * 86_400_000 + 9 * 3_600_000)),
        promptId: prompt.id,
        ownerId: prompt.ownerId,
        viewerKey: `v${i % 50}`,
        amountCents: kind === "purchase" ? 100 * (1 + next(5)) : kind === "refund" ? -100 : 0,
      };
    });
    await t.db.usageEvent.createMany({ data: events });
    const now = new Date("2026-05-04T06:30:00Z");
    const rolled = await rollUp(t.db, { now, retentionDays: 3650 });
    expect(rolled.rolledUpTo).toEqual(new Date("2026-05-04T06:00:00Z"));
    // Events after `now` (up to 09:00) stay raw too; the period ends at the end of 4 May.
    const report = await adminAnalytics(t.db, { from, to: now }, now);

    type Figures = { events: number; views: number; renders: number; copies: number; likes: number; forks: number; capturedUses: number; harnessRuns: number; revenueCents: number };
    const tally = (key: (e: Prisma.UsageEventCreateManyInput) => string) => {
      const out = new Map<string, Figures>();
      const field: Record<string, keyof Figures> = { view: "views", render: "renders", copy: "copies", like: "likes", fork: "forks", captured_use: "capturedUses", harness_run: "harnessRuns" };
      for (const e of events) {
        if (e.kind === "rate") continue;
        const f = out.get(key(e)) ?? { events: 0, views: 0, renders: 0, copies: 0, likes: 0, forks: 0, capturedUses: 0, harnessRuns: 0, revenueCents: 0 };
        if (field[e.kind]) {
          f[field[e.kind]] += 1;
          f.events += 1;
        }
        f.revenueCents += e.amountCents ?? 0;
        out.set(key(e), f);
      }
      return [...out].sort(([a, x], [b, y]) => y.events - x.events || y.revenueCents - x.revenueCents || (a < b ? -1 : 1)).slice(0, TOP_LIMIT);
    };
    const expectedPrompts = tally((e) => e.promptId!);
    expect(report.topPrompts.map(({ promptId, slug, events, views, renders, copies, likes, forks, capturedUses, harnessRuns, revenueCents }) => [promptId, { events, views, renders, copies, likes, forks, capturedUses, harnessRuns, revenueCents }, slug])).toEqual(
      expectedPrompts.map(([id, f]) => [id, f, prompts.find((p) => p.id === id)!.slug]),
    );
    const expectedAuthors = tally((e) => e.ownerId!);
    expect(report.topAuthors.map(({ userId, handle, events, revenueCents, views }) => [userId, handle, { events, revenueCents, views }])).toEqual(
      expectedAuthors.map(([id, f]) => [id, users.find((u) => u.user.id === id)!.user.handle, { events: f.events, revenueCents: f.revenueCents, views: f.views }]),
    );
  });
});

describe("CaptureModelHour and the admin overview's captured calls per model", () => {
  /** What the table itself says over [from, to), as the overview computed it before CaptureModelHour. */
  const fromCaptures = (from: Date, to: Date) =>
    t.db.$queryRaw<Record<string, unknown>[]>`
      SELECT provider, model, count(*)::float8 AS calls, count(*) FILTER (WHERE status >= 400 OR error IS NOT NULL)::float8 AS errors,
             sum("costUsd")::text AS "costUsd", count("costUsd")::float8 AS "pricedCalls", avg("latencyMs")::float8 AS "avgLatencyMs"
        FROM "Capture" WHERE "createdAt" >= ${from} AND "createdAt" < ${to}
       GROUP BY provider, model ORDER BY calls DESC, provider, model`;

  it("follows inserts (a replayed batch once), deletes and updates of what it counts, and ignores other updates", async () => {
    const owner = await makeUser(t.db);
    const base = { ownerId: owner.user.id, endpoint: "/v1/chat/completions", method: "POST" };
    const next = sequence(3);
    const day = new Date("2026-02-01T00:00:00Z").getTime();
    const batch = Array.from({ length: 120 }, (_, i) => ({
      ...base,
      id: `cmh-${i}`,
      provider: i % 3 === 0 ? "anthropic" : "openai",
      // A capture without a model, and one whose model is "": two different rows of the table.
      model: i % 17 === 0 ? null : i % 19 === 0 ? "" : ["gpt-4o", "claude-x", "o3"][next(3)],
      status: [200, 200, 200, 429, 500][next(5)],
      error: next(9) === 0 ? "cut" : null,
      latencyMs: 50 + next(900),
      costUsd: next(4) === 0 ? null : `0.00${next(90) + 10}`,
      createdAt: new Date(day + next(2 * 86_400_000)),
    }));
    await t.db.capture.createMany({ data: batch });
    // The recorder replaying a spool segment: rows already stored are skipped, and not counted twice.
    await t.db.capture.createMany({ data: batch.slice(0, 40), skipDuplicates: true });
    const period = { from: new Date(day), to: new Date(day + 86_400_000) };
    const check = async () => {
      const report = await adminAnalytics(t.db, period, new Date(day + 3 * 86_400_000));
      const expected = await fromCaptures(report.from, report.to);
      expect(report.models.map(({ errorRate: _, ...m }) => m)).toEqual(expected.slice(0, 2 * TOP_LIMIT));
      return report;
    };
    const first = await check();
    expect(first.models.reduce((n, m) => n + m.calls, 0)).toBeGreaterThan(40);
    expect(first.models.some((m) => m.model === null) && first.models.some((m) => m.model === "")).toBe(true);

    await t.db.capture.updateMany({ where: { id: { in: ["cmh-1", "cmh-2", "cmh-3"] } }, data: { status: 502, costUsd: "0.5" } });
    await t.db.capture.updateMany({ where: { id: "cmh-4" }, data: { createdAt: new Date(day + 3_600_000), model: "moved" } });
    await t.db.capture.updateMany({ where: { id: { startsWith: "cmh-" } }, data: { decision: "new" } });
    await check();
    await t.db.capture.deleteMany({ where: { id: { in: batch.filter((_, i) => i % 2 === 0).map((c) => c.id) } } });
    await check();

    // Deleting the owner deletes their captures (a cascade): nothing is left to count.
    await t.db.user.delete({ where: { id: owner.user.id } });
    expect(await t.db.$queryRaw<unknown[]>`SELECT * FROM "CaptureModelHour"`).toEqual([]);
  });
});
