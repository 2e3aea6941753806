import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharePublicReads } from "@/server/domain/access/public-reads";
import { anonymous, makeUser } from "@/test/callers";
import { rejects } from "@/test/expect-trpc-error";
import { createTestDatabase, type TestDatabase } from "@/test/test-db";

let t: TestDatabase;
let author: Awaited<ReturnType<typeof makeUser>>;
let other: Awaited<ReturnType<typeof makeUser>>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  author = await makeUser(t.db, { handle: "search-author" });
  other = await makeUser(t.db, { handle: "search-other" });
  const make = async (key: string, who: typeof author, input: Parameters<typeof author.caller.prompt.create>[0]) => {
    ids[key] = (await who.caller.prompt.create(input)).id;
  };
  await make("kubernetes", author, { title: "Kubernetes incident postmortem", description: "Blameless postmortems for outages", category: "productivity", tags: ["sre", "incidents"], body: "Write a postmortem for {{incident}}." });
  await make("sql", author, { title: "SQL query explainer", description: "Explains slow queries", category: "data", tags: ["sql"], body: "Explain this query plan: {{plan}}. Mention kubernetes only if relevant." });
  await make("email", other, { title: "Cold email writer", description: "Outbound sales emails", category: "marketing", tags: ["sales", "email"], body: "Write a cold email to {{prospect}}." });
  await make("secret", author, { title: "Kubernetes secret runbook", category: "productivity", body: "Internal kubernetes notes", visibility: "private" });
  await make("unlisted", author, { title: "Kubernetes unlisted draft", category: "productivity", body: "kubernetes draft", visibility: "unlisted" });
  for (let i = 0; i < 7; i++) await make(`bulk${i}`, other, { title: `Bulk prompt ${i}`, category: "writing", tags: ["bulk"], body: `Body ${i}` });
});
afterAll(async () => {
  await t?.close();
});

describe("prompt.search", () => {
  it("ranks title matches above body matches and hides private and unlisted prompts from others", async () => {
    const result = await anonymous(t.db).prompt.search({ q: "kubernetes" });
    expect(result.items.map((i) => i.id)).toEqual([ids.kubernetes, ids.sql]);
    expect(result.items[0]).toMatchObject({ owner: { handle: "search-author" }, likeCount: 0, ratingAverage: null });
  });

  it("shows the owner their own private prompts in search", async () => {
    const mine = await author.caller.prompt.search({ q: "kubernetes" });
    expect(mine.items.map((i) => i.id)).toContain(ids.secret);
    const theirs = await other.caller.prompt.search({ q: "kubernetes" });
    expect(theirs.items.map((i) => i.id)).not.toContain(ids.secret);
  });

  it("shares anonymous answers only with people who see what anonymous visitors see, until a write", async () => {
    let generation = 0;
    sharePublicReads({ generation: () => generation, writing: () => false, ttlMs: 60_000 });
    try {
      const reader = await makeUser(t.db, { handle: "search-reader" });
      const ask = { q: "kubernetes" };
      const asAnonymous = await anonymous(t.db).prompt.search(ask);
      expect(await reader.caller.prompt.search(ask)).toEqual(asAnonymous);
      // The owner of a private match is never answered from what others were told.
      expect((await author.caller.prompt.search(ask)).items.map((i) => i.id)).toContain(ids.secret);
      // A new public match: shared answers stand until a write moves the generation, then it shows.
      const added = await other.caller.prompt.create({ title: "Kubernetes shared answer", category: "productivity", body: "kubernetes" });
      expect((await reader.caller.prompt.search(ask)).items.map((i) => i.id)).not.toContain(added.id);
      generation++;
      expect((await reader.caller.prompt.search(ask)).items.map((i) => i.id)).toContain(added.id);
      // Once the reader owns a prompt they are answered for themselves: their private match shows.
      const theirs = await reader.caller.prompt.create({ title: "Kubernetes reader notes", category: "productivity", body: "kubernetes", visibility: "private" });
      expect((await reader.caller.prompt.search(ask)).items.map((i) => i.id)).toContain(theirs.id);
      expect((await anonymous(t.db).prompt.search(ask)).items.map((i) => i.id)).not.toContain(theirs.id);
      await other.caller.prompt.delete({ promptId: added.id });
      await reader.caller.prompt.delete({ promptId: theirs.id });
    } finally {
      sharePublicReads(null);
    }
  });

  it("matches stemmed words, tags, partial titles and typos", async () => {
    expect((await anonymous(t.db).prompt.search({ q: "outage" })).items.map((i) => i.id)).toContain(ids.kubernetes);
    expect((await anonymous(t.db).prompt.search({ q: "sales" })).items.map((i) => i.id)).toEqual([ids.email]);
    expect((await anonymous(t.db).prompt.search({ q: "explai" })).items.map((i) => i.id)).toEqual([ids.sql]);
    expect((await anonymous(t.db).prompt.search({ q: "kubernetis postmortem" })).items.map((i) => i.id)).toContain(ids.kubernetes);
    expect((await anonymous(t.db).prompt.search({ q: "zzzz-nothing" })).items).toEqual([]);
  });

  it("filters by category, tag and author", async () => {
    expect((await anonymous(t.db).prompt.search({ category: "marketing" })).items.map((i) => i.id)).toEqual([ids.email]);
    expect((await anonymous(t.db).prompt.search({ tag: "SQL" })).items.map((i) => i.id)).toEqual([ids.sql]);
    const byAuthor = await anonymous(t.db).prompt.search({ author: "@search-author", limit: 100 });
    expect(byAuthor.items.map((i) => i.id).sort()).toEqual([ids.kubernetes, ids.sql].sort());
  });

  it("paginates every sort with a cursor, without gaps or repeats", async () => {
    const all = new Set(Object.entries(ids).filter(([k]) => k !== "secret" && k !== "unlisted").map(([, v]) => v));
    for (const sort of ["newest", "top_rated", "most_liked", "trending"] as const) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { id: string }[]; nextCursor: string | null } = await anonymous(t.db).prompt.search({ sort, limit: 3, cursor });
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(new Set(seen), sort).toEqual(all);
      expect(seen.length, sort).toBe(all.size);
    }
  });

  // Trending (scores written by the trending job from usage events) is tested in domain/analytics/trending.int.test.ts.
  it("sorts by likes and ratings", async () => {
    const fans = await Promise.all([makeUser(t.db), makeUser(t.db), makeUser(t.db)]);
    for (const f of fans) await f.caller.social.like({ promptId: ids.bulk3 });
    await fans[0].caller.social.like({ promptId: ids.bulk5 });
    for (const f of fans) await f.caller.social.rate({ promptId: ids.bulk5, stars: 5 });
    await fans[0].caller.social.rate({ promptId: ids.bulk3, stars: 1 });

    expect((await anonymous(t.db).prompt.search({ sort: "most_liked", limit: 2 })).items.map((i) => i.id)).toEqual([ids.bulk3, ids.bulk5]);
    expect((await anonymous(t.db).prompt.search({ sort: "top_rated", limit: 1 })).items[0].id).toBe(ids.bulk5);
  });

  it("validates its input", async () => {
    await rejects(anonymous(t.db).prompt.search({ limit: 101 }), "BAD_REQUEST", /limit/);
    await rejects(anonymous(t.db).prompt.search({ sort: "random" as never }), "BAD_REQUEST", /sort/);
    await rejects(anonymous(t.db).prompt.search({ sort: "relevance" }), "BAD_REQUEST", /sort/);
    await rejects(anonymous(t.db).prompt.search({ cursor: "garbage" }), "BAD_REQUEST", /cursor/);
  });
});
