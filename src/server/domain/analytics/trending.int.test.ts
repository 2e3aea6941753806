// Trending from usage events (inserted directly, as the event writer would): a steady prompt beats
// one account's burst, the windows differ, raw events count like rolled-up ones, and
// prompt.search sorts by the window asked for.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/generated/prisma/client";
import { anonymous, makeUser } from "@/test/callers";
import { rejects } from "@/test/expect-trpc-error";
import { createTestDatabase, type TestDatabase } from "@/test/test-db";
import { rollUp } from "./rollup";
import { computeTrending } from "./trending";

let t: TestDatabase;
const ids: Record<"steady" | "burst" | "burstPlusOne" | "recent" | "lastMonth" | "quiet" | "sybil", string> = {} as never;
const now = new Date("2026-06-15T12:30:00Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

beforeAll(async () => {
  t = await createTestDatabase();
  const author = await makeUser(t.db, { handle: "trend-author" });
  for (const key of Object.keys({ steady: 0, burst: 0, burstPlusOne: 0, recent: 0, lastMonth: 0, quiet: 0, sybil: 0 }) as (keyof typeof ids)[]) {
    ids[key] = (await author.caller.prompt.create({ title: `Trending ${key}`, category: "writing", body: `Body of ${key}` })).id;
  }
  const e = (promptId: string, at: Date, person: string, kind: Prisma.UsageEventCreateManyInput["kind"] = "view"): Prisma.UsageEventCreateManyInput => ({
    kind,
    at,
    promptId,
    ownerId: author.user.id,
    viewerKey: person,
    actorId: person.startsWith("u") ? person : null,
    source: "web",
  });
  const data: Prisma.UsageEventCreateManyInput[] = [];
  // Steady: six people a day for six days (each day 30 hours ago and earlier), each a view, a render and a like.
  for (let day = 0; day < 6; day++)
    for (let p = 0; p < 6; p++) for (const kind of ["view", "render", "like"] as const) data.push(e(ids.steady, hoursAgo(30 + 24 * day + p * 0.1), `u-steady-${day}-${p}`, kind));
  // Burst: one account, within one hour three hours ago: 500 views, 20 likes, 10 forks.
  for (let i = 0; i < 500; i++) data.push(e(ids.burst, hoursAgo(3 + i / 1000), "u-burster", "view"));
  for (let i = 0; i < 20; i++) data.push(e(ids.burst, hoursAgo(3.1), "u-burster", "like"));
  for (let i = 0; i < 10; i++) data.push(e(ids.burst, hoursAgo(3.2), "u-burster", "fork"));
  // The same burst, plus one other visitor's view: past the people floor, but capped per person.
  for (let i = 0; i < 500; i++) data.push(e(ids.burstPlusOne, hoursAgo(3 + i / 1000), "u-burster-2", "view"));
  for (let i = 0; i < 20; i++) data.push(e(ids.burstPlusOne, hoursAgo(3.1), "u-burster-2", "like"));
  for (let i = 0; i < 10; i++) data.push(e(ids.burstPlusOne, hoursAgo(3.2), "u-burster-2", "fork"));
  data.push(e(ids.burstPlusOne, hoursAgo(2), "anon-passer-by", "view"));
  // Recent: three people in the last two hours, one of them within the last few minutes (raw, after any rollup).
  for (const [p, h] of [["u-r1", 1.5], ["u-r2", 1.2], ["anon-r3", 0.05]] as const) for (const kind of ["view", "like"] as const) data.push(e(ids.recent, hoursAgo(h), p, kind));
  // Earlier this month: twelve people 12 days ago.
  for (let p = 0; p < 12; p++) for (const kind of ["like", "fork"] as const) data.push(e(ids.lastMonth, hoursAgo(12 * 24 + p * 0.2), `u-month-${p}`, kind));
  // Quiet: one person, steadily, every day: never two people.
  for (let day = 0; day < 10; day++) data.push(e(ids.quiet, hoursAgo(5 + 24 * day), "u-lonely", "like"));
  // Sybil: one anonymous client that changes its user agent 25 times (25 viewer keys), each time a view, a render and three copies.
  for (let i = 0; i < 25; i++) for (const kind of ["view", "render", "copy", "copy", "copy"] as const) data.push(e(ids.sybil, hoursAgo(2 + i / 100), `anon-sybil-${i}`, kind));
  await t.db.usageEvent.createMany({ data });
});
afterAll(async () => {
  await t?.close();
});

const scores = async () => {
  const rows = await t.db.prompt.findMany({ where: { id: { in: Object.values(ids) } }, select: { id: true, trending24h: true, trending7d: true, trending30d: true } });
  return Object.fromEntries(Object.entries(ids).map(([key, id]) => [key, rows.find((r) => r.id === id)!])) as Record<keyof typeof ids, (typeof rows)[number]>;
};
const rank = (s: Awaited<ReturnType<typeof scores>>, field: "trending24h" | "trending7d" | "trending30d") =>
  (Object.keys(s) as (keyof typeof ids)[]).filter((k) => s[k][field] > 0).sort((a, b) => s[b][field] - s[a][field]);

describe("computeTrending", () => {
  it("from raw events alone, and the same from rollups plus the raw events after them", async () => {
    expect(await computeTrending(t.db, { now })).toBeGreaterThan(0);
    const raw = await scores();
    const rolled = await rollUp(t.db, { now });
    expect(rolled.events).toBeGreaterThan(1000);
    // The recent prompt's last view is after rolledUpTo: read raw.
    expect(rolled.rolledUpTo.getTime()).toBeLessThan(hoursAgo(0.05).getTime());
    await computeTrending(t.db, { now });
    const fromRollups = await scores();
    for (const key of Object.keys(ids) as (keyof typeof ids)[])
      for (const field of ["trending24h", "trending7d", "trending30d"] as const) expect(fromRollups[key][field], `${key} ${field}`).toBeCloseTo(raw[key][field], 9);
  });

  it("counts anonymous visitors as one person: one client minting viewer keys (new user agents) scores nothing", async () => {
    await computeTrending(t.db, { now });
    const s = await scores();
    for (const field of ["trending24h", "trending7d", "trending30d"] as const) expect(s.sybil[field], field).toBe(0);
  });

  it("ranks a steady prompt above a one-hour burst from one account in 7d and 30d; the burst alone scores nothing", async () => {
    const s = await scores();
    for (const field of ["trending24h", "trending7d", "trending30d"] as const) {
      expect(s.burst[field], field).toBe(0);
      expect(s.quiet[field], field).toBe(0);
    }
    expect(s.steady.trending7d).toBeGreaterThan(s.burstPlusOne.trending7d);
    expect(s.steady.trending30d).toBeGreaterThan(s.burstPlusOne.trending30d);
    expect(rank(s, "trending7d")[0]).toBe("steady");
    expect(rank(s, "trending30d")[0]).toBe("steady");
  });

  it("gives each window its own ranking", async () => {
    const s = await scores();
    // Steady's activity is all older than a day; last month's only in 30 days.
    expect(rank(s, "trending24h")).toEqual(["burstPlusOne", "recent"]);
    expect(rank(s, "trending7d")).toEqual(["steady", "burstPlusOne", "recent"]);
    expect(rank(s, "trending30d")).toEqual(["steady", "burstPlusOne", "lastMonth", "recent"]);
  });

  it("goes back to zero once the activity has left every window", async () => {
    const later = new Date(now.getTime() + 40 * 24 * 3_600_000);
    await rollUp(t.db, { now: later, retentionDays: 90 });
    expect(await computeTrending(t.db, { now: later })).toBe(4);
    const s = await scores();
    expect(Object.values(s).every((r) => r.trending24h === 0 && r.trending7d === 0 && r.trending30d === 0)).toBe(true);
    await t.db.analyticsState.deleteMany();
    await t.db.usageRollup.deleteMany();
    await computeTrending(t.db, { now });
  });
});

describe("prompt.search sort trending", () => {
  const search = async (window?: "24h" | "7d" | "30d") =>
    (await anonymous(t.db).prompt.search({ sort: "trending", author: "trend-author", limit: 3, ...(window ? { window } : {}) })).items.map((i) => i.id);

  it("sorts by the window asked for, 7 days by default, and pages through it", async () => {
    expect(await search("24h")).toEqual([ids.burstPlusOne, ids.recent, expect.any(String)]);
    expect(await search()).toEqual([ids.steady, ids.burstPlusOne, ids.recent]);
    expect(await search("7d")).toEqual([ids.steady, ids.burstPlusOne, ids.recent]);
    expect((await search("30d")).slice(0, 3)).toEqual([ids.steady, ids.burstPlusOne, ids.lastMonth]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = await anonymous(t.db).prompt.search({ sort: "trending", window: "30d", author: "trend-author", limit: 2, cursor });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.slice(0, 4)).toEqual([ids.steady, ids.burstPlusOne, ids.lastMonth, ids.recent]);
    expect(new Set(seen)).toEqual(new Set(Object.values(ids)));
  });

  it("rejects a window it does not know, naming the field", async () => {
    await rejects(anonymous(t.db).prompt.search({ sort: "trending", window: "1y" as never }), "BAD_REQUEST", /window/);
  });
});
