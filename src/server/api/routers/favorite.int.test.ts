import { describe, expect, it } from "vitest";
import { anonymous, makeUser } from "@/test/callers";
import { rejects } from "@/test/expect-trpc-error";
import { setUpTestDatabase } from "@/test/set-up-test-database";

const t = setUpTestDatabase();

type User = Awaited<ReturnType<typeof makeUser>>;
const promptBy = (owner: User, extra: { visibility?: "public" | "private" | "unlisted"; title?: string } = {}) =>
  owner.caller.prompt.create({ title: extra.title ?? `Fav ${Math.random().toString(36).slice(2, 8)}`, category: "writing", body: "Hello {{name}}", visibility: extra.visibility });

describe("favourites", () => {
  it("stars once per user, counts on the prompt and its cards, and unstars", async () => {
    const owner = await makeUser(t.db);
    const fan = await makeUser(t.db);
    const p = await promptBy(owner);
    expect(await fan.caller.favorite.add({ promptId: p.id })).toEqual({ promptId: p.id, favorited: true, favoriteCount: 1 });
    expect(await fan.caller.favorite.add({ promptId: p.id })).toEqual({ promptId: p.id, favorited: true, favoriteCount: 1 });
    expect(await owner.caller.favorite.status({ promptId: p.id })).toEqual({ promptId: p.id, favorited: false, favoriteCount: 1 });
    expect(await anonymous(t.db).favorite.status({ promptId: p.id })).toEqual({ promptId: p.id, favorited: false, favoriteCount: 1 });
    // The count travels with the prompt everywhere a card or the page shows it.
    expect((await anonymous(t.db).prompt.bySlug({ slug: p.slug })).favoriteCount).toBe(1);
    // The page renders each viewer's own star.
    expect((await fan.caller.prompt.bySlug({ slug: p.slug })).favorited).toBe(true);
    expect((await owner.caller.prompt.bySlug({ slug: p.slug })).favorited).toBe(false);
    expect((await anonymous(t.db).prompt.bySlug({ slug: p.slug })).favorited).toBe(false);
    const listed = await anonymous(t.db).prompt.list({ author: owner.user.handle, limit: 5 });
    expect(listed.items.find((i) => i.id === p.id)?.favoriteCount).toBe(1);
    expect(await fan.caller.favorite.remove({ promptId: p.id })).toEqual({ promptId: p.id, favorited: false, favoriteCount: 0 });
    expect(await fan.caller.favorite.remove({ promptId: p.id })).toEqual({ promptId: p.id, favorited: false, favoriteCount: 0 });
  });

  it("keeps the counter exact under concurrent stars and unstars", async () => {
    const owner = await makeUser(t.db);
    const p = await promptBy(owner);
    const fans = await Promise.all(Array.from({ length: 10 }, () => makeUser(t.db)));
    await Promise.all(fans.flatMap((f) => [f.caller.favorite.add({ promptId: p.id }), f.caller.favorite.add({ promptId: p.id })]));
    await Promise.all(fans.slice(0, 4).flatMap((f) => [f.caller.favorite.remove({ promptId: p.id }), f.caller.favorite.remove({ promptId: p.id })]));
    const row = await t.db.prompt.findUniqueOrThrow({ where: { id: p.id }, select: { favoriteCount: true } });
    expect(row.favoriteCount).toBe(6);
    expect(await t.db.favorite.count({ where: { promptId: p.id } })).toBe(6);
  });

  it("lists the caller's favourites newest first, page by page, with unlisted ones kept", async () => {
    const owner = await makeUser(t.db);
    const fan = await makeUser(t.db);
    const a = await promptBy(owner, { title: "Favourite A" });
    const b = await promptBy(owner, { title: "Favourite B", visibility: "unlisted" });
    const c = await promptBy(owner, { title: "Favourite C" });
    for (const p of [a, b, c]) await fan.caller.favorite.add({ promptId: p.id });
    const first = await fan.caller.favorite.list({ limit: 2 });
    expect(first.items.map((i) => i.title)).toEqual(["Favourite C", "Favourite B"]);
    expect(first.items[0]).toMatchObject({ favoriteCount: 1, owner: { handle: owner.user.handle } });
    const rest = await fan.caller.favorite.list({ limit: 2, cursor: first.nextCursor });
    expect(rest.items.map((i) => i.title)).toEqual(["Favourite A"]);
    expect(rest.nextCursor).toBeNull();
    // Someone else's list is their own.
    expect((await owner.caller.favorite.list({ limit: 10 })).items).toEqual([]);
  });

  it("drops a favourite from the list once the prompt turns private or is archived", async () => {
    const owner = await makeUser(t.db);
    const fan = await makeUser(t.db);
    const hiding = await promptBy(owner, { title: "Will hide" });
    const archiving = await promptBy(owner, { title: "Will archive" });
    const staying = await promptBy(owner, { title: "Stays" });
    for (const p of [hiding, archiving, staying]) await fan.caller.favorite.add({ promptId: p.id });
    await owner.caller.prompt.update({ promptId: hiding.id, visibility: "private" });
    await owner.caller.prompt.archive({ promptId: archiving.id });
    expect((await fan.caller.favorite.list({ limit: 10 })).items.map((i) => i.title)).toEqual(["Stays"]);
    await rejects(fan.caller.favorite.status({ promptId: hiding.id }), "NOT_FOUND");
  });

  it("refuses prompts the caller cannot see, anonymous stars, and bad input naming the field", async () => {
    const owner = await makeUser(t.db);
    const other = await makeUser(t.db);
    const hidden = await promptBy(owner, { visibility: "private" });
    await rejects(other.caller.favorite.add({ promptId: hidden.id }), "NOT_FOUND");
    await rejects(other.caller.favorite.add({ promptId: "no-such-prompt" }), "NOT_FOUND");
    await rejects(anonymous(t.db).favorite.add({ promptId: hidden.id }), "UNAUTHORIZED");
    await rejects(anonymous(t.db).favorite.list({ limit: 5 }), "UNAUTHORIZED");
    await rejects(other.caller.favorite.add({ promptId: "" }), "BAD_REQUEST", /promptId/);
    await rejects(other.caller.favorite.list({ limit: 0 }), "BAD_REQUEST", /limit/);
    expect(await t.db.favorite.count({ where: { promptId: hidden.id } })).toBe(0);
    // The owner may star their own private prompt.
    expect(await owner.caller.favorite.add({ promptId: hidden.id })).toMatchObject({ favorited: true, favoriteCount: 1 });
  });

  it("takes back a deleted account's favourites, follows and personal collections, keeping counts exact", async () => {
    const owner = await makeUser(t.db);
    const leaver = await makeUser(t.db);
    const p = await promptBy(owner);
    await owner.caller.favorite.add({ promptId: p.id });
    await leaver.caller.favorite.add({ promptId: p.id });
    const shelf = await owner.caller.collection.create({ title: "Stays", visibility: "public" });
    await leaver.caller.collection.follow({ collectionId: shelf.id });
    const theirs = await leaver.caller.collection.create({ title: "Goes", visibility: "public" });
    await leaver.caller.collection.setForTools({ collectionId: shelf.id, enabled: true });
    await leaver.caller.user.deleteAccount({ confirmHandle: leaver.user.handle, currentPassword: "correct horse battery" });
    expect(await owner.caller.favorite.status({ promptId: p.id })).toMatchObject({ favorited: true, favoriteCount: 1 });
    expect((await owner.caller.collection.bySlug({ slug: shelf.slug })).followerCount).toBe(0);
    expect(await t.db.collection.count({ where: { id: theirs.id } })).toBe(0);
    expect(await t.db.toolCollection.count({ where: { userId: leaver.user.id } })).toBe(0);
  });
});
