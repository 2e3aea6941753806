// Rollups from raw usage events (inserted directly, as the event writer would): the three scopes,
// idempotence, backfill after downtime, and retention.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Prisma } from "@/generated/prisma/client";
import { createTestDatabase, type TestDatabase } from "@/test/test-db";
import { deleteExpiredEvents } from "./retention";
import { rollUp } from "./rollup";
import { ROLLUP_STATE_ID } from "./rollup-state";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});
beforeEach(async () => {
  await t.db.$executeRaw`TRUNCATE "UsageEvent", "UsageRollup", "AnalyticsState"`;
});

const at = (iso: string) => new Date(iso);
const event = (e: Partial<Prisma.UsageEventCreateManyInput> & { at: Date }): Prisma.UsageEventCreateManyInput => ({
  kind: "view",
  source: "web",
  promptId: "p1",
  ownerId: "o1",
  ...e,
});
const rows = () =>
  t.db.usageRollup.findMany({
    orderBy: [{ granularity: "asc" }, { scope: "asc" }, { scopeId: "asc" }, { bucket: "asc" }, { kind: "asc" }, { source: "asc" }],
  });

describe("rollUp", () => {
  it("counts events per hour and day for each prompt, author and the site, with distinct people and revenue", async () => {
    await t.db.usageEvent.createMany({
      data: [
        event({ at: at("2026-06-01T10:05:00Z"), viewerKey: "anon-a" }),
        event({ at: at("2026-06-01T10:20:00Z"), viewerKey: "anon-a" }),
        event({ at: at("2026-06-01T10:40:00Z"), viewerKey: "u2", actorId: "u2" }),
        event({ at: at("2026-06-01T11:10:00Z"), promptId: "p2", viewerKey: "anon-a" }),
        event({ at: at("2026-06-01T11:15:00Z"), promptId: "p3", ownerId: "o2", actorId: "u2" }),
        event({ at: at("2026-06-01T11:30:00Z"), kind: "purchase", promptId: "p3", ownerId: "o2", actorId: "u2", amountCents: 500 }),
        event({ at: at("2026-06-01T11:31:00Z"), kind: "refund", promptId: "p3", ownerId: "o2", actorId: "u2", amountCents: -500 }),
        event({ at: at("2026-06-01T11:45:00Z"), kind: "captured_use", source: "proxy", apiKeyId: "k1" }),
        // No prompt: the site's only.
        event({ at: at("2026-06-01T11:50:00Z"), promptId: null, ownerId: null, viewerKey: "anon-b" }),
        // Not complete yet at `now` (12:01 is within the grace after 12:00): left raw.
        event({ at: at("2026-06-01T11:59:30Z"), viewerKey: "anon-c" }),
      ],
    });
    const result = await rollUp(t.db, { now: at("2026-06-01T12:01:00Z") });
    expect(result).toMatchObject({ hours: 1, events: 3, rolledUpTo: at("2026-06-01T11:00:00Z") });

    const find = async (granularity: "hour" | "day", scope: string, scopeId: string, bucket: string, kind = "view", source = "web") =>
      t.db.usageRollup.findUnique({
        where: { granularity_scope_scopeId_bucket_kind_source: { granularity, scope, scopeId, bucket: at(bucket), kind: kind as never, source: source as never } },
        select: { count: true, actors: true, amountCents: true },
      });
    expect(await find("hour", "prompt", "p1", "2026-06-01T10:00:00Z")).toEqual({ count: 3, actors: 2, amountCents: 0 });
    // People are counted in a prompt's hour rows only (trending reads them there): 0 elsewhere.
    expect(await find("hour", "author", "o1", "2026-06-01T10:00:00Z")).toEqual({ count: 3, actors: 0, amountCents: 0 });
    expect(await find("hour", "site", "", "2026-06-01T10:00:00Z")).toEqual({ count: 3, actors: 0, amountCents: 0 });
    expect(await find("hour", "prompt", "p1", "2026-06-01T11:00:00Z")).toBeNull();

    // An hour later the 11:00 hour is complete too; the day row then holds both hours.
    const second = await rollUp(t.db, { now: at("2026-06-01T13:05:00Z") });
    expect(second).toMatchObject({ hours: 2, events: 7, rolledUpTo: at("2026-06-01T13:00:00Z") });
    expect(await find("hour", "prompt", "p1", "2026-06-01T11:00:00Z")).toEqual({ count: 1, actors: 1, amountCents: 0 });
    expect(await find("hour", "site", "", "2026-06-01T11:00:00Z")).toEqual({ count: 4, actors: 0, amountCents: 0 });
    expect(await find("hour", "author", "o2", "2026-06-01T11:00:00Z", "purchase")).toEqual({ count: 1, actors: 0, amountCents: 500 });
    expect(await find("hour", "author", "o2", "2026-06-01T11:00:00Z", "refund")).toEqual({ count: 1, actors: 0, amountCents: -500 });
    // Anonymous visitors together are one person; u2 another: p3's purchase by u2 is one person.
    expect(await find("hour", "prompt", "p3", "2026-06-01T11:00:00Z", "purchase")).toEqual({ count: 1, actors: 1, amountCents: 500 });
    // A machine's call (no viewer key, no user) counts, but not as a person.
    expect(await find("hour", "prompt", "p1", "2026-06-01T11:00:00Z", "captured_use", "proxy")).toEqual({ count: 1, actors: 0, amountCents: 0 });
    // The day rows hold both hours.
    expect(await find("day", "prompt", "p1", "2026-06-01T00:00:00Z")).toEqual({ count: 4, actors: 0, amountCents: 0 });
    expect(await find("day", "author", "o1", "2026-06-01T00:00:00Z")).toEqual({ count: 5, actors: 0, amountCents: 0 });
    expect(await find("day", "site", "", "2026-06-01T00:00:00Z")).toEqual({ count: 7, actors: 0, amountCents: 0 });
    // No prompt or owner: no prompt or author row for it.
    expect(await t.db.usageRollup.count({ where: { scope: { in: ["prompt", "author"] }, scopeId: "" } })).toBe(0);
  });

  it("is idempotent: run twice, or recomputed from scratch, it leaves the same rows", async () => {
    const data = Array.from({ length: 60 }, (_, i) =>
      event({
        at: new Date(Date.parse("2026-06-01T00:00:00Z") + i * 47 * 60_000),
        kind: (["view", "like", "render", "fork"] as const)[i % 4],
        promptId: `p${i % 5}`,
        ownerId: `o${i % 2}`,
        viewerKey: `v${i % 7}`,
      }),
    );
    await t.db.usageEvent.createMany({ data });
    const now = at("2026-06-03T06:00:00Z");
    const first = await rollUp(t.db, { now });
    const before = await rows();
    expect(first.events).toBe(60);
    expect(before.length).toBeGreaterThan(0);

    expect(await rollUp(t.db, { now })).toMatchObject({ hours: 0, events: 0 });
    expect(await rows()).toEqual(before);

    // Forget where it stood: recomputing every hour replaces rows, never adds to them.
    await t.db.analyticsState.delete({ where: { id: ROLLUP_STATE_ID } });
    const again = await rollUp(t.db, { now });
    expect(again).toMatchObject({ hours: first.hours, events: 60 });
    expect(await rows()).toEqual(before);
  });

  it("backfills every missed hour after downtime, and a day begun before the gap is recomputed whole", async () => {
    await t.db.usageEvent.createMany({ data: [event({ at: at("2026-06-01T08:30:00Z"), viewerKey: "a", actorId: "a" })] });
    expect(await rollUp(t.db, { now: at("2026-06-01T09:10:00Z") })).toMatchObject({ hours: 1, rolledUpTo: at("2026-06-01T09:00:00Z") });

    // Down from 09:10 on the 1st until 05:30 on the 4th; events went on arriving meanwhile (another replica).
    const gap = Array.from({ length: 68 }, (_, i) => event({ at: new Date(Date.parse("2026-06-01T09:15:00Z") + i * 3_600_000), viewerKey: `v${i % 3}`, actorId: `v${i % 3}` }));
    await t.db.usageEvent.createMany({ data: gap });
    const backfill = await rollUp(t.db, { now: at("2026-06-04T05:30:00Z") });
    // 09:00 on the 1st to 05:00 on the 4th.
    expect(backfill).toMatchObject({ hours: 15 + 48 + 5, events: 68, rolledUpTo: at("2026-06-04T05:00:00Z") });

    const hours = await t.db.usageRollup.findMany({ where: { granularity: "hour", scope: "site" }, select: { bucket: true, count: true } });
    expect(hours).toHaveLength(69);
    expect(hours.every((h) => h.count === 1)).toBe(true);
    const days = await t.db.usageRollup.findMany({ where: { granularity: "day", scope: "prompt" }, orderBy: { bucket: "asc" }, select: { bucket: true, count: true } });
    expect(days).toEqual([
      // The 1st: the hour before the gap and the 15 after it.
      { bucket: at("2026-06-01T00:00:00Z"), count: 16 },
      { bucket: at("2026-06-02T00:00:00Z"), count: 24 },
      { bucket: at("2026-06-03T00:00:00Z"), count: 24 },
      { bucket: at("2026-06-04T00:00:00Z"), count: 5 },
    ]);
    // Each backfilled hour of the prompt counts its one person.
    const promptHours = await t.db.usageRollup.findMany({ where: { granularity: "hour", scope: "prompt", bucket: { gte: at("2026-06-02T00:00:00Z") } }, select: { actors: true } });
    expect(promptHours.length).toBeGreaterThan(40);
    expect(promptHours.every((h) => h.actors === 1)).toBe(true);
  });
});

describe("retention", () => {
  it("deletes raw events of whole days older than the retention, once rolled up, and keeps their rollups", async () => {
    const now = at("2026-09-30T12:00:00Z");
    await t.db.usageEvent.createMany({
      data: [
        event({ at: at("2026-06-01T10:00:00Z"), viewerKey: "old" }), // 121 days old
        event({ at: at("2026-07-01T23:59:00Z"), viewerKey: "edge" }), // the day before the cutoff (90 days before: July 2nd, 00:00)
        event({ at: at("2026-07-02T00:30:00Z"), viewerKey: "kept" }), // 90 days and 11.5 hours old, but the cutoff is a whole day
        event({ at: at("2026-09-30T10:00:00Z"), viewerKey: "recent" }),
      ],
    });
    const result = await rollUp(t.db, { now, retentionDays: 90 });
    expect(result.deleted).toBe(2);
    expect((await t.db.usageEvent.findMany({ orderBy: { at: "asc" }, select: { viewerKey: true } })).map((e) => e.viewerKey)).toEqual(["kept", "recent"]);
    expect(await t.db.usageRollup.count({ where: { granularity: "hour", scope: "site", bucket: at("2026-06-01T10:00:00Z") } })).toBe(1);
  });

  it("never deletes an event that is not rolled up yet", async () => {
    await t.db.usageEvent.createMany({ data: [event({ at: at("2026-06-01T10:00:00Z"), viewerKey: "a" }), event({ at: at("2026-06-05T10:00:00Z"), viewerKey: "b" })] });
    const now = at("2026-12-01T00:00:00Z");
    // Before any rollup: nothing goes.
    expect(await deleteExpiredEvents(t.db, { now, retentionDays: 90 })).toBe(0);
    // Rolled up to June 3rd only (a run that stopped midway): the June 5th event stays.
    await t.db.analyticsState.create({ data: { id: ROLLUP_STATE_ID, rolledUpTo: at("2026-06-03T00:00:00Z") } });
    expect(await deleteExpiredEvents(t.db, { now, retentionDays: 90 })).toBe(1);
    expect((await t.db.usageEvent.findMany({ select: { viewerKey: true } })).map((e) => e.viewerKey)).toEqual(["b"]);
  });
});
