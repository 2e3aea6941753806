// Discovery by embedding through the router: prompt.similar (nearest neighbours among what the
// viewer may list, never the prompt itself, never another's private or an archived prompt) and
// prompt.search in "semantic" and "hybrid" modes (same cards and page contract as text search).
// A paid prompt's body never shows, and never decides a ranking, for someone without a license.
import { beforeAll, describe, expect, it } from "vitest";
import { anonymous, makeUser } from "@/test/callers";
import { rejects } from "@/test/expect-trpc-error";
import { setUpTestDatabase } from "@/test/set-up-test-database";
import { grantLicense, listForSale } from "@/test/paid-fixtures";
import { embedAllPrompts } from "@/server/domain/embeddings/prompt-embeddings";
import { localEmbedder } from "@/server/domain/embeddings/local-embedder";

const t = setUpTestDatabase();
type User = Awaited<ReturnType<typeof makeUser>>;

beforeAll(() => {
  process.env.EMBEDDING_PROVIDER = "local";
});

const embedAll = () => embedAllPrompts(t.db, localEmbedder);

const TEA = "You are a tea sommelier. Recommend three loose-leaf teas for {{mood}}, with brewing temperature, steeping time and tasting notes for each.";
const TEA_TWIN = "You are a tea sommelier. Recommend three loose leaf teas for a {{occasion}}, giving brewing temperature, steeping time and tasting notes for each one.";

describe("prompt.similar", () => {
  it("finds near neighbours the viewer may list, never itself, another's private or an archived prompt", async () => {
    const author = await makeUser(t.db);
    const other = await makeUser(t.db);
    const viewer = await makeUser(t.db);
    const target = await author.caller.prompt.create({ title: "Tea pairing", category: "productivity", body: TEA });
    const twin = await other.caller.prompt.create({ title: "Tea for the occasion", category: "productivity", body: TEA_TWIN });
    const privateTwin = await other.caller.prompt.create({ title: "My tea notes", category: "productivity", body: TEA_TWIN, visibility: "private" });
    const archivedTwin = await other.caller.prompt.create({ title: "Old tea prompt", category: "productivity", body: TEA_TWIN });
    await other.caller.prompt.archive({ promptId: archivedTwin.id });
    const ownPrivate = await viewer.caller.prompt.create({ title: "Viewer's tea", category: "productivity", body: TEA_TWIN, visibility: "private" });
    const unrelated = await other.caller.prompt.create({ title: "SQL helper", category: "coding", body: "Write a PostgreSQL query that joins {{table_a}} and {{table_b}} on their keys." });
    await embedAll();

    const ids = async (caller: User["caller"] | ReturnType<typeof anonymous>) => (await caller.prompt.similar({ promptId: target.id })).items.map((p) => p.id);
    const seenByViewer = await ids(viewer.caller);
    expect(seenByViewer).toContain(twin.id);
    expect(seenByViewer).toContain(ownPrivate.id);
    for (const hidden of [target.id, privateTwin.id, archivedTwin.id, unrelated.id]) expect(seenByViewer).not.toContain(hidden);

    const seenByAnyone = await ids(anonymous(t.db));
    expect(seenByAnyone).toContain(twin.id);
    for (const hidden of [target.id, privateTwin.id, archivedTwin.id, ownPrivate.id]) expect(seenByAnyone).not.toContain(hidden);

    // Its owner sees their own private twin.
    expect(await ids(other.caller)).toEqual(expect.arrayContaining([twin.id, privateTwin.id]));

    // Same card shape as search results, nearest first, with the similarity.
    const { items } = await viewer.caller.prompt.similar({ promptId: target.id, limit: 1 });
    expect(items).toHaveLength(1);
    const searched = await viewer.caller.prompt.search({ q: "Tea for the occasion", limit: 1 });
    expect(Object.keys(items[0]).sort()).toEqual([...Object.keys(searched.items[0]), "similarity"].sort());
    expect(items[0].similarity).toBeGreaterThan(0.5);
  });

  it("is NOT_FOUND for a prompt the viewer may not read, and names a bad limit", async () => {
    const owner = await makeUser(t.db);
    const stranger = await makeUser(t.db);
    const secret = await owner.caller.prompt.create({ title: "Secret", category: "writing", body: "A private recipe {{x}}.", visibility: "private" });
    await rejects(stranger.caller.prompt.similar({ promptId: secret.id }), "NOT_FOUND");
    await rejects(anonymous(t.db).prompt.similar({ promptId: secret.id }), "NOT_FOUND");
    const error = await rejects(owner.caller.prompt.similar({ promptId: secret.id, limit: 500 }), "BAD_REQUEST");
    expect(error.message).toMatch(/limit/);
  });
});

describe("paid bodies never leak through discovery", () => {
  // The paid body holds a word found nowhere else; its title and description are about something else.
  const SECRET = "zorblaxquimbrel";
  const PAID_BODY = `${TEA} Secret house blend: ${SECRET}.`;

  async function paidSetUp() {
    const seller = await makeUser(t.db);
    const buyer = await makeUser(t.db);
    const stranger = await makeUser(t.db);
    const paid = await seller.caller.prompt.create({ title: "Premium beverage advisor", description: "A curated pick for any afternoon", category: "productivity", body: PAID_BODY });
    await grantLicense(t.db, buyer, await listForSale(t.db, seller, paid.id));
    const twin = await stranger.caller.prompt.create({ title: "Tea advice", category: "productivity", body: TEA_TWIN });
    await embedAll();
    return { seller, buyer, stranger, paid, twin };
  }

  it("similar: a paid prompt is no one's neighbour unless they may read its body, and its own panel uses only its public face", async () => {
    const { seller, buyer, stranger, paid, twin } = await paidSetUp();
    const near = async (caller: User["caller"] | ReturnType<typeof anonymous>) => (await caller.prompt.similar({ promptId: twin.id, limit: 24 })).items.map((p) => p.id);
    expect(await near(stranger.caller)).not.toContain(paid.id);
    expect(await near(anonymous(t.db))).not.toContain(paid.id);
    expect(await near(buyer.caller)).toContain(paid.id);
    expect(await near(seller.caller)).toContain(paid.id);

    // The paid prompt's own panel: for the licensee found from its body (the twin is near it), for
    // others from its title and description only, which say nothing of tea.
    expect((await buyer.caller.prompt.similar({ promptId: paid.id })).items.map((p) => p.id)).toContain(twin.id);
    const forStranger = await stranger.caller.prompt.similar({ promptId: paid.id, limit: 24 });
    expect(forStranger.items.map((p) => p.id)).not.toContain(twin.id);
    expect(JSON.stringify(forStranger)).not.toContain(SECRET);
  });

  it("semantic and hybrid search: the body's meaning and words do not find it for a non-licensee; its description still does in hybrid", async () => {
    const { buyer, stranger, paid } = await paidSetUp();
    const query = `tea sommelier house blend ${SECRET}`;
    for (const mode of ["semantic", "hybrid"] as const) {
      const forStranger = await stranger.caller.prompt.search({ q: query, mode, limit: 50 });
      expect(forStranger.items.map((p) => p.id)).not.toContain(paid.id);
      expect(JSON.stringify(forStranger)).not.toContain(SECRET);
      expect((await anonymous(t.db).prompt.search({ q: query, mode, limit: 50 })).items.map((p) => p.id)).not.toContain(paid.id);
      expect((await buyer.caller.prompt.search({ q: query, mode, limit: 50 })).items.map((p) => p.id)).toContain(paid.id);
    }
    // Found by its public words (title, description), locked, with no body.
    const byDescription = await stranger.caller.prompt.search({ q: "curated afternoon", mode: "hybrid", limit: 50 });
    const card = byDescription.items.find((p) => p.id === paid.id);
    expect(card).toMatchObject({ bodyLocked: true });
    expect(card && "body" in card).toBe(false);
    expect(JSON.stringify(byDescription)).not.toContain(SECRET);
  });
});

describe("prompt.search by meaning", () => {
  it("semantic finds a prompt by a form of a word full-text search does not match", async () => {
    const { caller } = await makeUser(t.db);
    // British "summarisation" in the prompt, American "summarization" in the query: different
    // lexemes for PostgreSQL's English stemmer, largely the same character n-grams for the embedder.
    const target = await caller.prompt.create({ title: "Minutes digest", category: "productivity", body: "Summarisation of {{minutes}}: decisions, owners, deadlines." });
    await embedAll();
    const q = "summarization";
    const [lexical] = await t.db.$queryRaw<{ hit: boolean }[]>`
      SELECT to_tsvector('english', ${"Minutes digest Summarisation of {{minutes}}: decisions, owners, deadlines."}) @@ websearch_to_tsquery('english', ${q}) AS hit`;
    expect(lexical.hit).toBe(false);

    const semantic = await caller.prompt.search({ q, mode: "semantic", limit: 5 });
    expect(semantic.items[0]?.id).toBe(target.id);
    expect((await caller.prompt.search({ q, mode: "hybrid", limit: 5 })).items.map((p) => p.id)).toContain(target.id);
  });

  it("hybrid blends both rankings: nothing either finds is lost, and what both find ranks higher", async () => {
    const { caller } = await makeUser(t.db);
    // "summarize" shares its lexeme with the query; "summarisation" only its character n-grams.
    const both = await caller.prompt.create({ title: "Ferry notes", category: "productivity", body: "Summarize the ferry timetable in {{timetable}}: departures and delays." });
    const meaningOnly = await caller.prompt.create({ title: "Tram digest", category: "productivity", body: "Summarisation of the tram timetable in {{timetable}}: departures and delays." });
    await embedAll();
    const q = "summarization";
    const ids = async (mode?: "semantic" | "hybrid") => (await caller.prompt.search({ q, mode, limit: 100 })).items.map((p) => p.id);
    const text = await ids();
    const semantic = await ids("semantic");
    expect(text).toContain(both.id);
    expect(text).not.toContain(meaningOnly.id);
    expect(semantic).toEqual(expect.arrayContaining([both.id, meaningOnly.id]));
    const hybrid = await ids("hybrid");
    expect(hybrid).toEqual(expect.arrayContaining([...text, ...semantic]));
    expect(hybrid.indexOf(both.id)).toBeLessThan(hybrid.indexOf(meaningOnly.id));
  });

  it("keeps the filters and the page contract: cursors forward and back, no duplicates, a total", async () => {
    const { caller, user } = await makeUser(t.db);
    for (let i = 0; i < 7; i++) {
      await caller.prompt.create({ title: `Lighthouse keeper log ${i}`, category: "writing", tags: ["lighthouse"], body: `Write the lighthouse keeper's log entry ${i} about the storm over {{coast}}.` });
    }
    await caller.prompt.create({ title: "Lighthouse essay", category: "research", body: "Write the lighthouse keeper's log entry about the storm over {{coast}}." });
    await embedAll();
    const input = { q: "lighthouse keeper storm log", mode: "semantic" as const, category: "writing" as const, author: user.handle, limit: 3 };
    const first = await caller.prompt.search(input);
    expect(first.total).toBe(7);
    expect(first.prevCursor).toBeNull();
    const second = await caller.prompt.search({ ...input, cursor: first.nextCursor });
    const third = await caller.prompt.search({ ...input, cursor: second.nextCursor });
    expect(third.nextCursor).toBeNull();
    const all = [...first.items, ...second.items, ...third.items].map((p) => p.id);
    expect(all).toHaveLength(7);
    expect(new Set(all).size).toBe(7);
    for (const p of [...first.items, ...second.items, ...third.items]) expect(p.category).toBe("writing");
    const back = await caller.prompt.search({ ...input, cursor: second.prevCursor });
    expect(back.items.map((p) => p.id)).toEqual(first.items.map((p) => p.id));

    // Another sort orders the same candidates.
    const newest = await caller.prompt.search({ ...input, sort: "newest", limit: 10 });
    const times = newest.items.map((p) => p.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(newest.items).toHaveLength(7);
  });

  it("without a query it is the usual listing; a bad mode names the field", async () => {
    const { caller } = await makeUser(t.db);
    const plain = await caller.prompt.search({ limit: 5 });
    const semantic = await caller.prompt.search({ limit: 5, mode: "semantic" });
    expect(semantic.items.map((p) => p.id)).toEqual(plain.items.map((p) => p.id));
    const error = await rejects(caller.prompt.search({ q: "x", mode: "vibes" as never, limit: 5 }), "BAD_REQUEST");
    expect(error.message).toMatch(/mode/);
  });
});
