import { beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/generated/prisma/client";
import { planReads } from "@/server/domain/analytics/analytics-queries";
import { anonymous, makeUser } from "@/test/callers";
import { rejects } from "@/test/expect-trpc-error";
import { setUpTestDatabase } from "@/test/set-up-test-database";

const t = setUpTestDatabase();

/** A 400 whose issues name `field` (what an HTTP client reads as "field: message"). */
async function rejectsField(promise: Promise<unknown>, field: string, message: RegExp) {
  const error = await rejects(promise, "BAD_REQUEST");
  const issues = JSON.parse(error.message) as { path: string[]; message: string }[];
  expect(issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toContainEqual(expect.stringMatching(new RegExp(`^${field}: ${message.source}`)));
}

// A fixed past: the rollups stand at 2026-01-10 15:00 UTC; what happened after it is raw events only.
const ROLLED_UP_TO = new Date("2026-01-10T15:00:00Z");
const at = (iso: string) => new Date(`${iso}Z`);

type Kind = Prisma.UsageEventCreateManyInput["kind"];
type Source = Prisma.UsageEventCreateManyInput["source"];

/** Rollup rows for one bucket as the rollup job writes them: the prompt's, its author's and the site's. */
function rollupRows(granularity: "hour" | "day", bucket: Date, promptId: string, ownerId: string, kind: Kind, source: Source, count: number, amountCents = 0): Prisma.UsageRollupCreateManyInput[] {
  return [
    { scope: "prompt", scopeId: promptId },
    { scope: "author", scopeId: ownerId },
    { scope: "site", scopeId: "" },
  ].map((s) => ({ granularity, bucket, kind, source, count, actors: Math.min(count, 3), amountCents, ...s }));
}

/** Both granularities of one hour's events, as the rollup job leaves a fully rolled-up day. */
const hourAndDay = (hour: Date, promptId: string, ownerId: string, kind: Kind, source: Source, count: number, amountCents = 0) => [
  ...rollupRows("hour", hour, promptId, ownerId, kind, source, count, amountCents),
  ...rollupRows("day", new Date(Date.UTC(hour.getUTCFullYear(), hour.getUTCMonth(), hour.getUTCDate())), promptId, ownerId, kind, source, count, amountCents),
];

function events(n: number, e: Omit<Prisma.UsageEventCreateManyInput, "kind" | "source"> & { kind: Kind; source: Source }): Prisma.UsageEventCreateManyInput[] {
  return Array.from({ length: n }, (_, i) => ({ viewerKey: `viewer-${i}`, ...e }));
}

let creator: Awaited<ReturnType<typeof makeUser>>;
let other: Awaited<ReturnType<typeof makeUser>>;
let admin: Awaited<ReturnType<typeof makeUser>>;
let publicPrompt: { id: string; slug: string };
let privatePrompt: { id: string; slug: string };
let othersPrompt: { id: string; slug: string };

beforeAll(async () => {
  const db = t.db;
  creator = await makeUser(db);
  other = await makeUser(db);
  admin = await makeUser(db, { role: "admin" });
  publicPrompt = await creator.caller.prompt.create({ title: "=HYPERLINK(\"x\"), a title", category: "writing", body: "Hello {{name}}" });
  privatePrompt = await creator.caller.prompt.create({ title: "Private analytics prompt", category: "writing", body: "Hi {{name}}", visibility: "private" });
  othersPrompt = await other.caller.prompt.create({ title: "Someone else's prompt", category: "coding", body: "Code {{lang}}" });
  const p = publicPrompt.id;
  const me = creator.user.id;

  await db.analyticsState.create({ data: { id: "rollup", rolledUpTo: ROLLED_UP_TO } });
  await db.usageRollup.createMany({
    data: [
      // 8 January: 5 views (hour and day rows agree; read once).
      ...hourAndDay(at("2026-01-08T10:00:00"), p, me, "view", "web", 5),
      // 9 January: 2 likes and a fork through the API.
      ...hourAndDay(at("2026-01-09T11:00:00"), p, me, "like", "web", 2),
      ...hourAndDay(at("2026-01-09T12:00:00"), p, me, "fork", "api", 1),
      // 10 January up to the rollup: 3 views at 09:00 (the day's row covers only the hours before 15:00).
      ...hourAndDay(at("2026-01-10T09:00:00"), p, me, "view", "web", 3),
    ],
  });
  // The rollup job writes UsageRollupTotal with these rows (the admin's top tables read it).
  await db.$executeRaw`
    INSERT INTO "UsageRollupTotal" ("granularity", "scope", "bucket", "scopeId", "views", "renders", "copies", "likes", "forks", "capturedUses", "harnessRuns", "revenueCents", "events", "n")
    SELECT granularity, scope, bucket, "scopeId",
           COALESCE(sum(count) FILTER (WHERE kind = 'view'), 0), COALESCE(sum(count) FILTER (WHERE kind = 'render'), 0),
           COALESCE(sum(count) FILTER (WHERE kind = 'copy'), 0), COALESCE(sum(count) FILTER (WHERE kind = 'like'), 0),
           COALESCE(sum(count) FILTER (WHERE kind = 'fork'), 0), COALESCE(sum(count) FILTER (WHERE kind = 'captured_use'), 0),
           COALESCE(sum(count) FILTER (WHERE kind = 'harness_run'), 0), sum("amountCents"),
           COALESCE(sum(count) FILTER (WHERE kind NOT IN ('purchase', 'refund')), 0), sum(count)
      FROM "UsageRollup" WHERE scope IN ('prompt', 'author') GROUP BY 1, 2, 3, 4`;
  await db.usageEvent.createMany({
    data: [
      // Already rolled up (the same 5 views of 8 January): must not be counted again.
      ...events(5, { kind: "view", source: "web", at: at("2026-01-08T10:15:00"), promptId: p, ownerId: me }),
      // After the rollup: current to the minute.
      ...events(2, { kind: "view", source: "web", at: at("2026-01-10T16:30:00"), promptId: p, ownerId: me }),
      ...events(1, { kind: "copy", source: "api", at: at("2026-01-10T16:31:00"), promptId: p, ownerId: me }),
      ...events(1, { kind: "captured_use", source: "proxy", at: at("2026-01-10T16:32:00"), promptId: p, ownerId: me }),
      ...events(1, { kind: "harness_run", source: "web", at: at("2026-01-10T17:00:00"), promptId: p, ownerId: me, actorId: me }),
      ...events(1, { kind: "purchase", source: "web", at: at("2026-01-10T17:05:00"), promptId: p, ownerId: me, amountCents: 500 }),
      ...events(1, { kind: "refund", source: "web", at: at("2026-01-10T18:00:00"), promptId: p, ownerId: me, amountCents: -200 }),
      // A kind no figure counts.
      ...events(3, { kind: "rate", source: "web", at: at("2026-01-10T16:40:00"), promptId: p, ownerId: me }),
      ...events(1, { kind: "render", source: "web", at: at("2026-01-10T16:45:00"), promptId: privatePrompt.id, ownerId: me }),
      // Someone else's prompt: never in the creator's figures.
      ...events(4, { kind: "view", source: "web", at: at("2026-01-10T16:50:00"), promptId: othersPrompt.id, ownerId: other.user.id }),
      // Outside the period.
      ...events(7, { kind: "view", source: "web", at: at("2026-01-11T00:00:00"), promptId: p, ownerId: me }),
    ],
  });
  const capture = { ownerId: me, endpoint: "/v1/chat/completions", method: "POST", latencyMs: 100, createdAt: at("2026-01-10T12:00:00") };
  await db.capture.createMany({
    data: [
      { ...capture, provider: "openai", model: "gpt-4o", status: 200, costUsd: "0.0015" },
      { ...capture, provider: "openai", model: "gpt-4o", status: 200, costUsd: "0.0025" },
      { ...capture, provider: "openai", model: "gpt-4o", status: 500, error: "upstream failed" },
      { ...capture, provider: "anthropic", model: "claude-x", status: 429 },
    ],
  });
});

const JAN = { from: at("2026-01-08T00:00:00"), to: at("2026-01-10T00:00:00") };

describe("analytics.creator", () => {
  it("adds the rollups up to rolledUpTo and the raw events after it, one bucket per day with zeros", async () => {
    const report = await creator.caller.analytics.creator(JAN);
    expect(report.granularity).toBe("day");
    expect(report.rolledUpTo).toEqual(ROLLED_UP_TO);
    expect(report.from).toEqual(at("2026-01-08T00:00:00"));
    expect(report.to).toEqual(at("2026-01-11T00:00:00"));
    expect(report.series.map((b) => b.bucket.toISOString().slice(0, 10))).toEqual(["2026-01-08", "2026-01-09", "2026-01-10"]);
    expect(report.series[0]).toMatchObject({ views: 5, likes: 0, forks: 0, revenueCents: 0 });
    expect(report.series[1]).toMatchObject({ views: 0, likes: 2, forks: 1 });
    expect(report.series[2]).toMatchObject({ views: 5, renders: 1, copies: 1, capturedUses: 1, harnessRuns: 1, revenueCents: 300 });
    expect(report.totals).toEqual({ views: 10, renders: 1, copies: 1, likes: 2, forks: 1, capturedUses: 1, harnessRuns: 1, revenueCents: 300 });
  });

  it("lists the creator's own prompts only, busiest first", async () => {
    const report = await creator.caller.analytics.creator(JAN);
    expect(report.topPrompts.map((p) => p.promptId)).toEqual([publicPrompt.id, privatePrompt.id]);
    expect(report.topPrompts[0]).toMatchObject({ slug: publicPrompt.slug, views: 10, likes: 2, forks: 1, copies: 1, capturedUses: 1, harnessRuns: 1, revenueCents: 300, events: 16 });
    expect(report.topPrompts[1]).toMatchObject({ renders: 1, events: 1 });
    const theirs = await other.caller.analytics.creator(JAN);
    expect(theirs.totals.views).toBe(4);
    expect(theirs.topPrompts.map((p) => p.promptId)).toEqual([othersPrompt.id]);
  });

  it("answers per hour: hour rollups before rolledUpTo, raw events after, 24 buckets for a day", async () => {
    const report = await creator.caller.analytics.creator({ from: at("2026-01-10T00:00:00"), to: at("2026-01-10T23:59:00"), granularity: "hour" });
    expect(report.series).toHaveLength(24);
    const byHour = Object.fromEntries(report.series.map((b) => [b.bucket.getUTCHours(), b]));
    expect(byHour[9]).toMatchObject({ views: 3 });
    expect(byHour[16]).toMatchObject({ views: 2, copies: 1, capturedUses: 1, renders: 1 });
    expect(byHour[17]).toMatchObject({ harnessRuns: 1, revenueCents: 500 });
    expect(byHour[18]).toMatchObject({ revenueCents: -200 });
    expect(report.series.filter((b) => Object.values(b).every((v) => v === 0 || v instanceof Date))).toHaveLength(20);
    expect(report.totals).toMatchObject({ views: 5, revenueCents: 300 });
  });

  it("reads only whole days from day rows when the period starts mid-day", async () => {
    // From 8 January 11:00: the day row of the 8th (5 views at 10:00) must not be used.
    const report = await creator.caller.analytics.creator({ from: at("2026-01-08T11:00:00"), to: at("2026-01-10T23:00:00"), granularity: "hour" });
    expect(report.totals).toMatchObject({ views: 5, likes: 2, forks: 1 });
    // The top prompts are read with day rows where whole days allow: here the 9th only.
    expect(report.topPrompts[0]).toMatchObject({ promptId: publicPrompt.id, views: 5, likes: 2, forks: 1 });
  });

  it("reads everything raw before the first rollup", async () => {
    const state = await t.db.analyticsState.delete({ where: { id: "rollup" } });
    try {
      const report = await creator.caller.analytics.creator(JAN);
      expect(report.rolledUpTo).toBeNull();
      // Only raw events exist for 8 January (5 views) and after the rollup; the 9th and the 10th's morning were rows only.
      expect(report.totals).toMatchObject({ views: 7, likes: 0, forks: 0, copies: 1, revenueCents: 300 });
    } finally {
      await t.db.analyticsState.create({ data: { id: state.id, rolledUpTo: state.rolledUpTo } });
    }
  });

  it("defaults to the last 30 days in day buckets, zeros included", async () => {
    const report = await creator.caller.analytics.creator();
    expect(report.series).toHaveLength(30);
    expect(report.series.at(-1)!.bucket.toISOString().slice(0, 10)).toBe(new Date().toISOString().slice(0, 10));
    expect(report.totals).toEqual({ views: 0, renders: 0, copies: 0, likes: 0, forks: 0, capturedUses: 0, harnessRuns: 0, revenueCents: 0 });
  });

  it("needs a signed-in caller and rejects bad periods naming the field", async () => {
    await rejects(anonymous(t.db).analytics.creator(JAN), "UNAUTHORIZED");
    await rejectsField(creator.caller.analytics.creator({ from: at("2026-01-10T00:00:00"), to: at("2026-01-08T00:00:00") }), "from", /must not be after to/);
    // One day (`to` is inclusive), and hour buckets with no `from` (the last week) are fine.
    expect((await creator.caller.analytics.creator({ from: at("2026-01-08T00:00:00"), to: at("2026-01-08T00:00:00") })).series).toHaveLength(1);
    expect((await creator.caller.analytics.creator({ granularity: "hour" })).series.length).toBeGreaterThan(24 * 6);
    await rejectsField(creator.caller.analytics.creator({ from: at("2024-01-01T00:00:00"), to: at("2026-01-08T00:00:00") }), "from", /must be at most 366 days/);
    await rejectsField(creator.caller.analytics.creator({ from: at("2026-01-01T00:00:00"), to: at("2026-01-20T00:00:00"), granularity: "hour" }), "granularity", /hour buckets cover at most 14 days/);
    await rejectsField(creator.caller.analytics.creator({ granularity: "week" as "day" }), "granularity", /must be one of hour, day/);
    await rejectsField(creator.caller.analytics.creator({ from: "yesterday" as unknown as Date }), "from", /must be a date/);
  });
});

describe("analytics.prompt", () => {
  it("shows a prompt's figures and sources to its owner", async () => {
    const report = await creator.caller.analytics.prompt({ promptId: publicPrompt.id, ...JAN });
    expect(report.prompt).toEqual({ promptId: publicPrompt.id, slug: publicPrompt.slug, title: expect.any(String) });
    expect(report.totals).toEqual({ views: 10, renders: 0, copies: 1, likes: 2, forks: 1, capturedUses: 1, harnessRuns: 1, revenueCents: 300 });
    const sources = Object.fromEntries(report.bySource.map((s) => [s.source, s]));
    expect(sources.web).toMatchObject({ views: 10, likes: 2, harnessRuns: 1, revenueCents: 300, events: 13 });
    expect(sources.api).toMatchObject({ forks: 1, copies: 1, events: 2 });
    expect(sources.proxy).toMatchObject({ capturedUses: 1, events: 1 });
    expect(sources.mcp).toMatchObject({ events: 0 });
  });

  it("is for the owner and admins: another reader is refused, a private prompt is not found", async () => {
    await rejects(other.caller.analytics.prompt({ promptId: publicPrompt.id }), "FORBIDDEN", /owner/);
    await rejects(other.caller.analytics.prompt({ promptId: privatePrompt.id }), "NOT_FOUND");
    await rejects(other.caller.analytics.prompt({ promptId: "no-such-prompt" }), "NOT_FOUND");
    await rejects(anonymous(t.db).analytics.prompt({ promptId: publicPrompt.id }), "UNAUTHORIZED");
    const asAdmin = await admin.caller.analytics.prompt({ promptId: privatePrompt.id, ...JAN });
    expect(asAdmin.totals.renders).toBe(1);
    await rejectsField(creator.caller.analytics.prompt({ promptId: "" }), "promptId", /must be a prompt id/);
  });
});

describe("analytics.admin", () => {
  it("is for admins only", async () => {
    await rejects(creator.caller.analytics.admin(JAN), "FORBIDDEN");
    await rejects(anonymous(t.db).analytics.admin(JAN), "UNAUTHORIZED");
  });

  it("shows the site's figures, sources, top prompts and authors, and captured calls per model", async () => {
    const report = await admin.caller.analytics.admin(JAN);
    // Site rollups hold only the creator's prompt; raw events after the rollup hold everyone's.
    expect(report.totals).toEqual({ views: 14, renders: 1, copies: 1, likes: 2, forks: 1, capturedUses: 1, harnessRuns: 1, revenueCents: 300 });
    expect(report.series).toHaveLength(3);
    expect(report.topPrompts.map((p) => p.promptId)).toEqual([publicPrompt.id, othersPrompt.id, privatePrompt.id]);
    expect(report.topAuthors.map((a) => [a.handle, a.events])).toEqual([
      [creator.user.handle, 17],
      [other.user.handle, 4],
    ]);
    expect(Object.fromEntries(report.bySource.map((s) => [s.source, s.events]))).toEqual({ web: 18, api: 2, proxy: 1, mcp: 0 });
    expect(report.models).toEqual([
      { provider: "openai", model: "gpt-4o", calls: 3, errors: 1, errorRate: 1 / 3, costUsd: expect.stringMatching(/^0\.004/), pricedCalls: 2, avgLatencyMs: 100 },
      { provider: "anthropic", model: "claude-x", calls: 1, errors: 1, errorRate: 1, costUsd: null, pricedCalls: 0, avgLatencyMs: 100 },
    ]);
  });

  it("counts signups per bucket over the period", async () => {
    const report = await admin.caller.analytics.admin({ granularity: "day" });
    expect(report.signups).toHaveLength(30);
    const users = await t.db.user.count({ where: { createdAt: { gte: report.from } } });
    expect(report.signupsTotal).toBe(users);
    expect(report.signups.at(-1)!.signups).toBeGreaterThanOrEqual(3);
  });
});

describe("analytics.export", () => {
  it("writes a chart's data as CSV, one row per bucket", async () => {
    const csv = await creator.caller.analytics.export({ report: "creator", chart: "traffic", format: "csv", ...JAN });
    expect(csv).toBe(["bucket,views,renders,copies", "2026-01-08T00:00:00.000Z,5,0,0", "2026-01-09T00:00:00.000Z,0,0,0", "2026-01-10T00:00:00.000Z,5,1,1", ""].join("\r\n"));
    const revenue = await creator.caller.analytics.export({ report: "prompt", promptId: publicPrompt.id, chart: "revenue", ...JAN });
    expect(revenue.split("\r\n")).toEqual(["bucket,revenueCents", "2026-01-08T00:00:00.000Z,0", "2026-01-09T00:00:00.000Z,0", "2026-01-10T00:00:00.000Z,300", ""]);
  });

  it("quotes text and defuses formulas in titles", async () => {
    const csv = await creator.caller.analytics.export({ report: "creator", chart: "topPrompts", ...JAN });
    const [header, first] = csv.split("\r\n");
    expect(header).toBe("promptId,slug,title,owner,events,views,renders,copies,likes,forks,capturedUses,harnessRuns,revenueCents");
    expect(first).toBe(`${publicPrompt.id},${publicPrompt.slug},"'=HYPERLINK(""x""), a title",${creator.user.handle},16,10,0,1,2,1,1,1,300`);
  });

  it("exports the admin tables to admins only, and names a bad field", async () => {
    const models = await admin.caller.analytics.export({ report: "admin", chart: "models", ...JAN });
    expect(models.split("\r\n")[0]).toBe("provider,model,calls,errors,errorRate,costUsd,pricedCalls,avgLatencyMs");
    expect(models.split("\r\n")[2]).toBe("anthropic,claude-x,1,1,1,,0,100");
    await rejects(creator.caller.analytics.export({ report: "admin", chart: "models", ...JAN }), "FORBIDDEN");
    await rejects(other.caller.analytics.export({ report: "prompt", promptId: publicPrompt.id, chart: "series" }), "FORBIDDEN");
    await rejectsField(creator.caller.analytics.export({ report: "creator", chart: "models" }), "chart", /must be one of/);
    await rejectsField(creator.caller.analytics.export({ report: "prompt", chart: "series" }), "promptId", /is required/);
    await rejectsField(creator.caller.analytics.export({ report: "creator", chart: "series", format: "xlsx" as "csv" }), "format", /must be csv/);
  });
});

describe("analytics.org", () => {
  let org: { id: string };
  let orgOwner: Awaited<ReturnType<typeof makeUser>>;
  let consumer: Awaited<ReturnType<typeof makeUser>>;
  beforeAll(async () => {
    orgOwner = await makeUser(t.db);
    consumer = await makeUser(t.db);
    org = await t.db.organization.create({ data: { slug: "analytics-org", name: "Analytics org" } });
    await t.db.membership.createMany({
      data: [
        { orgId: org.id, userId: orgOwner.user.id, role: "owner" },
        { orgId: org.id, userId: consumer.user.id, role: "consumer" },
      ],
    });
    // The creator's public prompt now belongs to the organisation (its figures follow it).
    await t.db.prompt.update({ where: { id: publicPrompt.id }, data: { orgId: org.id } });
  });

  it("shows the organisation's prompts' figures to its owners, rollups and raw events together", async () => {
    const report = await orgOwner.caller.analytics.org({ orgId: org.id, ...JAN });
    expect(report.totals).toEqual({ views: 10, renders: 0, copies: 1, likes: 2, forks: 1, capturedUses: 1, harnessRuns: 1, revenueCents: 300 });
    expect(report.series.map((b) => b.views)).toEqual([5, 0, 5]);
    expect(report.topPrompts.map((p) => p.promptId)).toEqual([publicPrompt.id]);
    // The prompt's own analytics are open to the organisation's owners too.
    const prompt = await orgOwner.caller.analytics.prompt({ promptId: publicPrompt.id, ...JAN });
    expect(prompt.totals.views).toBe(10);
    const csv = await orgOwner.caller.analytics.export({ report: "org", orgId: org.id, chart: "traffic", ...JAN });
    expect(csv.split("\r\n")[0]).toBe("bucket,views,renders,copies");
  });

  it("is refused to consumers and unknown to non-members; the org report needs its orgId", async () => {
    await rejects(consumer.caller.analytics.org({ orgId: org.id }), "FORBIDDEN", /Consumers may not/);
    await rejects(consumer.caller.analytics.prompt({ promptId: publicPrompt.id }), "FORBIDDEN");
    await rejects(other.caller.analytics.org({ orgId: org.id }), "NOT_FOUND");
    await rejects(anonymous(t.db).analytics.org({ orgId: org.id }), "UNAUTHORIZED");
    await rejectsField(orgOwner.caller.analytics.export({ report: "org", chart: "traffic" }), "orgId", /is required for the org report/);
  });
});

describe("planReads", () => {
  it("covers the period once: hour rows around whole days, day rows for whole days, raw after the rollup", () => {
    const plan = planReads(at("2026-01-08T11:00:00"), at("2026-01-11T00:00:00"), ROLLED_UP_TO, true);
    expect(plan.map((p) => [p.source, p.from.toISOString(), p.to.toISOString()])).toEqual([
      ["hour", "2026-01-08T11:00:00.000Z", "2026-01-09T00:00:00.000Z"],
      ["day", "2026-01-09T00:00:00.000Z", "2026-01-10T00:00:00.000Z"],
      ["hour", "2026-01-10T00:00:00.000Z", "2026-01-10T15:00:00.000Z"],
      ["raw", "2026-01-10T15:00:00.000Z", "2026-01-11T00:00:00.000Z"],
    ]);
    expect(planReads(at("2026-01-10T16:00:00"), at("2026-01-10T17:00:00"), ROLLED_UP_TO, true).map((p) => p.source)).toEqual(["raw"]);
    expect(planReads(at("2026-01-01T00:00:00"), at("2026-01-05T00:00:00"), ROLLED_UP_TO, true).map((p) => p.source)).toEqual(["day"]);
    // A rolledUpTo inside an hour: that hour is read raw.
    expect(planReads(at("2026-01-10T14:00:00"), at("2026-01-10T16:00:00"), at("2026-01-10T15:20:00"), false).map((p) => [p.source, p.to.toISOString()])).toEqual([
      ["hour", "2026-01-10T15:00:00.000Z"],
      ["raw", "2026-01-10T16:00:00.000Z"],
    ]);
  });
});
