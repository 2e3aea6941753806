// The usage buffer: events are written once, in one statement; views are de-duplicated per viewer
// and prompt within the window (in a batch, across flushes, and across processes flushing at once);
// nothing is lost when the buffer is flushed at stop or when a flush fails.
import { describe, expect, it } from "vitest";
import type { Db } from "@/server/db/prisma";
import { makeUser } from "@/test/callers";
import { setUpTestDatabase } from "@/test/set-up-test-database";
import { recordPageView } from "../social/views";
import { flushUsage, pendingUsageCount, recordUsage, VIEW_DEDUP_WINDOW_MS } from "./record-usage";
import { insertUsageEvents, type UsageRow } from "./usage-insert";

const t = setUpTestDatabase();
const MINUTE = 60_000;

async function promptOf() {
  const owner = await makeUser(t.db);
  const p = await owner.caller.prompt.create({ title: `Usage ${Math.random().toString(36).slice(2, 8)}`, category: "writing", body: "Hello {{name}}" });
  await flushUsage(t.db); // anything earlier tests left in the buffer
  return { owner, p };
}

const viewsOf = (promptId: string) => t.db.usageEvent.findMany({ where: { promptId, kind: "view" }, orderBy: { at: "asc" } });
const viewCount = async (promptId: string) => (await t.db.prompt.findUniqueOrThrow({ where: { id: promptId }, select: { viewCount: true } })).viewCount;

describe("views", () => {
  it("counts a reload by the same viewer within the window once, and again after it", async () => {
    const { owner, p } = await promptOf();
    const t0 = new Date("2026-11-20T10:00:00Z");
    const at = (minutes: number) => new Date(t0.getTime() + minutes * MINUTE);
    const view = (viewerKey: string, minutes: number) => recordUsage(t.db, { kind: "view", source: "web", promptId: p.id, viewerKey, at: at(minutes) });

    // One batch: reloads at +5 and +29 are the +0 view; +31 is a new one; another viewer counts on its own.
    view("anon:a", 0);
    view("anon:a", 5);
    view("anon:a", 29);
    view("anon:a", 31);
    view("anon:b", 5);
    expect(await flushUsage(t.db)).toBe(3);
    // Later flushes: +40 is within the window of +31 (stored), +62 is not.
    view("anon:a", 40);
    expect(await flushUsage(t.db)).toBe(0);
    view("anon:a", 62);
    expect(await flushUsage(t.db)).toBe(1);

    const stored = await viewsOf(p.id);
    expect(stored.map((e) => [e.viewerKey, (e.at.getTime() - t0.getTime()) / MINUTE])).toEqual([
      ["anon:a", 0],
      ["anon:b", 5],
      ["anon:a", 31],
      ["anon:a", 62],
    ]);
    // The owner is filled in from the prompt; the counters count only the views kept.
    expect(stored.every((e) => e.ownerId === owner.user.id && e.source === "web")).toBe(true);
    expect(await viewCount(p.id)).toBe(4);
    const days = await t.db.promptViewDay.findMany({ where: { promptId: p.id } });
    expect(days.map((d) => [d.day.toISOString().slice(0, 10), d.count])).toEqual([["2026-11-20", 4]]);
    expect(VIEW_DEDUP_WINDOW_MS).toBe(30 * MINUTE);
  });

  it("de-duplicates a reload flushed by two processes at once", async () => {
    const { p } = await promptOf();
    const row: UsageRow = { kind: "view", source: "web", at: new Date().toISOString(), promptId: p.id, versionId: null, ownerId: null, actorId: null, viewerKey: "anon:twice", apiKeyId: null, amountCents: 0 };
    const later = { ...row, at: new Date(Date.now() + 1000).toISOString() };
    // Two workers' buffers written concurrently (each its own statement, as two processes would).
    const written = await Promise.all([insertUsageEvents(t.db, [row]), insertUsageEvents(t.db, [later])]);
    expect(written.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await viewsOf(p.id)).toHaveLength(1);
    expect(await viewCount(p.id)).toBe(1);
  });

  it("records a page view for a signed-in viewer under their id, and a listing view beside it when listed", async () => {
    const { owner, p } = await promptOf();
    const reader = await makeUser(t.db);
    const page = { promptId: p.id, ownerId: owner.user.id, versionId: p.version.id, listed: true };
    recordPageView(t.db, page, { actorId: reader.user.id, origin: { source: "web" } });
    recordPageView(t.db, page, { actorId: reader.user.id, origin: { source: "web" } }); // a reload
    recordPageView(t.db, page, { actorId: null, origin: { source: "web", viewerKey: "anon:c" } });
    expect(await flushUsage(t.db)).toBe(4);
    const events = await t.db.usageEvent.findMany({ where: { promptId: p.id }, orderBy: [{ kind: "asc" }, { id: "asc" }] });
    expect(events.map((e) => [e.kind, e.actorId, e.viewerKey, e.versionId])).toEqual([
      ["view", reader.user.id, reader.user.id, p.version.id],
      ["view", null, "anon:c", p.version.id],
      ["listing_view", reader.user.id, reader.user.id, p.version.id],
      ["listing_view", null, "anon:c", p.version.id],
    ]);
  });
});

describe("the buffer", () => {
  it("never writes an event twice and loses none on the flush at stop", async () => {
    const { p } = await promptOf();
    const N = 2_500; // more than one automatic flush's worth
    for (let i = 0; i < N; i++) recordUsage(t.db, { kind: "render", source: "api", promptId: p.id, actorId: null, apiKeyId: "key-1" });
    // What a clean stop does: flush without naming the database (the one recordUsage saw).
    await flushUsage();
    expect(pendingUsageCount()).toBe(0);
    expect(await t.db.usageEvent.count({ where: { promptId: p.id, kind: "render" } })).toBe(N);
    expect(await flushUsage()).toBe(0);
    expect(await t.db.usageEvent.count({ where: { promptId: p.id, kind: "render" } })).toBe(N);
  });

  it("keeps the events of a failed flush for the next one", async () => {
    const { p } = await promptOf();
    for (let i = 0; i < 3; i++) recordUsage(t.db, { kind: "copy", source: "web", promptId: p.id, viewerKey: `anon:${i}` });
    const down = { $queryRawUnsafe: () => Promise.reject(new Error("database unreachable")) } as unknown as Db;
    await expect(flushUsage(down)).rejects.toThrow(/unreachable/);
    expect(pendingUsageCount()).toBe(3);
    expect(await flushUsage(t.db)).toBe(3);
    expect(await t.db.usageEvent.count({ where: { promptId: p.id, kind: "copy" } })).toBe(3);
  });

  it("does not throw on an event it cannot take, and stores amounts as whole cents", async () => {
    const { p } = await promptOf();
    expect(() => recordUsage(t.db, { kind: "purchase", source: "web", promptId: p.id, amountCents: 1234.7, at: new Date(Number.NaN) })).not.toThrow();
    recordUsage(t.db, { kind: "purchase", source: "web", promptId: p.id, amountCents: 1234.7 });
    expect(await flushUsage(t.db)).toBe(1);
    expect((await t.db.usageEvent.findFirstOrThrow({ where: { promptId: p.id, kind: "purchase" } })).amountCents).toBe(1234);
  });

  it("counts a like once per person and prompt for good (unlike and like again adds nothing), and a copy once per window", async () => {
    const { p } = await promptOf();
    const reader = await makeUser(t.db);
    // Three like/unlike cycles through the real procedures, across flushes.
    for (let i = 0; i < 3; i++) {
      await reader.caller.social.like({ promptId: p.id });
      await flushUsage(t.db);
      await reader.caller.social.unlike({ promptId: p.id });
    }
    await reader.caller.social.like({ promptId: p.id });
    await flushUsage(t.db);
    expect(await t.db.usageEvent.count({ where: { promptId: p.id, kind: "like" } })).toBe(1);

    const t0 = new Date("2026-11-20T10:00:00Z");
    const copy = (viewerKey: string, minutes: number) => recordUsage(t.db, { kind: "copy", source: "web", promptId: p.id, viewerKey, at: new Date(t0.getTime() + minutes * MINUTE) });
    for (let i = 0; i < 5; i++) copy("anon:c", i);
    copy("anon:d", 1);
    expect(await flushUsage(t.db)).toBe(2);
    copy("anon:c", 10);
    copy("anon:c", 45);
    expect(await flushUsage(t.db)).toBe(1);
  });

  it("does not count the owner's own page views", async () => {
    const { owner, p } = await promptOf();
    const view = { promptId: p.id, ownerId: owner.user.id, versionId: null, listed: false };
    recordPageView(t.db, view, { actorId: owner.user.id, origin: { source: "web", viewerKey: owner.user.id } });
    recordPageView(t.db, view, { actorId: null, origin: { source: "web", viewerKey: "anon:someone" } });
    expect(await flushUsage(t.db)).toBe(1);
    expect(await viewCount(p.id)).toBe(1);
  });
});
