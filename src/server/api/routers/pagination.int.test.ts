// Every cursor-paged list continues exactly where its last page ended, and refuses a cursor that is
// not one of its own rows (made up, from another list, or a row the caller may not see): 400 naming
// the cursor, never an empty "last" page, and never a page that tells where a hidden row stands.
import { describe, expect, it } from "vitest";
import { anonymous, makeUser } from "@/test/callers";
import { rejects } from "@/test/expect-trpc-error";
import { setUpTestDatabase } from "@/test/set-up-test-database";
import { listForSale } from "@/test/paid-fixtures";
import { nextPageAfter } from "@/shared/pagination/next-page-after";

const t = setUpTestDatabase();

describe("cursor pages", () => {
  it("continue without gaps or repeats, and refuse cursors that are not in the list", async () => {
    const author = await makeUser(t.db);
    const stranger = await makeUser(t.db);
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await author.caller.prompt.create({ title: `Paged ${i}`, category: "writing", body: `Body ${i}` })).id);
    const secret = await stranger.caller.prompt.create({ title: "Stranger's secret", category: "writing", body: "x", visibility: "private" });
    const list = (cursor?: string) => anonymous(t.db).prompt.list({ author: author.user.handle, limit: 2, cursor });

    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 5; i++) {
      const page = await list(cursor);
      seen.push(...page.items.map((p) => p.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen.sort()).toEqual([...made].sort());

    for (const bad of ["x", "null", "eyJ4IjoxfQ==", secret.id]) await rejects(list(bad), "BAD_REQUEST", /^cursor: is not in this list/);
    // The stranger's private prompt is in their own list, not in the author's.
    await rejects(stranger.caller.prompt.list({ author: author.user.handle, limit: 2, cursor: secret.id }), "BAD_REQUEST", /^cursor:/);

    const target = made[0];
    await author.caller.social.comment({ promptId: target, body: "First" });
    await author.caller.social.comment({ promptId: target, body: "Second" });
    const first = await anonymous(t.db).social.comments({ promptId: target, limit: 1 });
    expect((await anonymous(t.db).social.comments({ promptId: target, limit: 1, cursor: first.nextCursor })).items.map((c) => c.body)).toEqual(["Second"]);
    await rejects(anonymous(t.db).social.comments({ promptId: target, limit: 1, cursor: "x" }), "BAD_REQUEST", /^cursor:/);
    await rejects(anonymous(t.db).version.list({ promptId: target, limit: 1, cursor: "x" }), "BAD_REQUEST", /^cursor:/);
    await rejects(anonymous(t.db).social.ratings({ promptId: target, limit: 1, cursor: "x" }), "BAD_REQUEST", /^cursor:/);
    await rejects(anonymous(t.db).prompt.forks({ promptId: target, limit: 1, cursor: secret.id }), "BAD_REQUEST", /^cursor:/);
  });
});

describe("Load more after a row that left the list", () => {
  it("continues after the row before it (the Market's listings, one paused between pages)", async () => {
    const seller = await makeUser(t.db);
    // Newest first: the Market's default order, on a scratch database shared with other tests, so sellerHandle keeps it to these.
    const listings = [];
    for (let i = 0; i < 5; i++) {
      const p = await seller.caller.prompt.create({ title: `For sale ${i}`, category: "writing", body: `Body ${i}` });
      listings.push(await listForSale(t.db, seller, p.id));
    }
    const list = (cursor?: string) => anonymous(t.db).listing.list({ sort: "newest", sellerHandle: seller.user.handle, limit: 2, cursor });
    const first = await list();
    const shown = first.items.map((l) => l.id);
    expect(shown).toHaveLength(2);
    expect(first.nextCursor).toBe(shown[1]);
    // The last listing shown leaves the Market (its seller pauses it).
    await t.db.listing.update({ where: { id: shown[1] }, data: { status: "paused" } });
    await rejects(list(shown[1]), "BAD_REQUEST", /^cursor: is not in this list/);
    const next = await nextPageAfter(shown, (cursor) => list(cursor));
    const all = (await anonymous(t.db).listing.list({ sort: "newest", sellerHandle: seller.user.handle, limit: 10 })).items.map((l) => l.id);
    expect(all).toHaveLength(4);
    expect(next.items.map((l) => l.id)).toEqual(all.slice(1, 3));
  });
});
