import { describe, expect, it } from "vitest";
import { flushUsage } from "@/server/domain/analytics/record-usage";
import { recordPageView } from "@/server/domain/social/views";
import { anonymous, makeUser } from "@/test/callers";
import { rejects } from "@/test/expect-trpc-error";
import { setUpTestDatabase } from "@/test/set-up-test-database";

const t = setUpTestDatabase();

async function promptBy(owner: Awaited<ReturnType<typeof makeUser>>, extra: { visibility?: "public" | "private" | "unlisted" } = {}) {
  return owner.caller.prompt.create({ title: `Social ${Math.random().toString(36).slice(2, 8)}`, category: "writing", body: "Hello {{name}}", ...extra });
}

describe("likes", () => {
  it("toggles one like per user and reports it on the prompt", async () => {
    const owner = await makeUser(t.db);
    const fan = await makeUser(t.db);
    const p = await promptBy(owner);
    expect(await fan.caller.social.like({ promptId: p.id })).toMatchObject({ liked: true, likeCount: 1 });
    expect(await fan.caller.social.like({ promptId: p.id })).toMatchObject({ liked: true, likeCount: 1 });
    expect(await fan.caller.prompt.bySlug({ slug: p.slug })).toMatchObject({ likeCount: 1, liked: true });
    expect(await owner.caller.prompt.bySlug({ slug: p.slug })).toMatchObject({ likeCount: 1, liked: false });
    expect(await fan.caller.social.unlike({ promptId: p.id })).toMatchObject({ liked: false, likeCount: 0 });
    expect(await fan.caller.social.unlike({ promptId: p.id })).toMatchObject({ liked: false, likeCount: 0 });
  });

  it("keeps the counter exact under concurrent likes and unlikes", async () => {
    const owner = await makeUser(t.db);
    const p = await promptBy(owner);
    const fans = await Promise.all(Array.from({ length: 12 }, () => makeUser(t.db)));
    // Every fan likes twice at once, half of them then unlike twice at once.
    await Promise.all(fans.flatMap((f) => [f.caller.social.like({ promptId: p.id }), f.caller.social.like({ promptId: p.id })]));
    expect((await anonymous(t.db).prompt.bySlug({ slug: p.slug })).likeCount).toBe(12);
    await Promise.all(fans.slice(0, 6).flatMap((f) => [f.caller.social.unlike({ promptId: p.id }), f.caller.social.unlike({ promptId: p.id })]));
    const page = await anonymous(t.db).prompt.bySlug({ slug: p.slug });
    expect(page.likeCount).toBe(6);
    expect(await t.db.like.count({ where: { promptId: p.id } })).toBe(6);
  });

  it("refuses likes on prompts the caller cannot see, and anonymous likes", async () => {
    const owner = await makeUser(t.db);
    const other = await makeUser(t.db);
    const hidden = await promptBy(owner, { visibility: "private" });
    await rejects(other.caller.social.like({ promptId: hidden.id }), "NOT_FOUND");
    await rejects(anonymous(t.db).social.like({ promptId: hidden.id }), "UNAUTHORIZED");
    expect(await t.db.like.count({ where: { promptId: hidden.id } })).toBe(0);
  });
});

describe("ratings", () => {
  it("one editable rating per user with average, count and distribution", async () => {
    const owner = await makeUser(t.db);
    const [a, b, c] = await Promise.all([makeUser(t.db), makeUser(t.db), makeUser(t.db)]);
    const p = await promptBy(owner);
    await a.caller.social.rate({ promptId: p.id, stars: 5, review: "Saved me an hour" });
    await b.caller.social.rate({ promptId: p.id, stars: 2 });
    const edited = await b.caller.social.rate({ promptId: p.id, stars: 4, review: "Better after v2" });
    expect(edited).toMatchObject({ stars: 4, ratingCount: 2, ratingAverage: 4.5 });
    await c.caller.social.rate({ promptId: p.id, stars: 3 });

    const page = await anonymous(t.db).prompt.bySlug({ slug: p.slug });
    expect(page).toMatchObject({ ratingCount: 3, ratingAverage: 4 });
    const ratings = await a.caller.social.ratings({ promptId: p.id, limit: 2 });
    expect(ratings).toMatchObject({ ratingCount: 3, ratingAverage: 4, distribution: { 1: 0, 2: 0, 3: 1, 4: 1, 5: 1 }, mine: { stars: 5, review: "Saved me an hour" } });
    expect(ratings.items).toHaveLength(2);
    const rest = await anonymous(t.db).social.ratings({ promptId: p.id, limit: 2, cursor: ratings.nextCursor });
    expect(rest.items).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
    expect(new Set([...ratings.items, ...rest.items].map((r) => r.author.handle))).toEqual(new Set([a.user.handle, b.user.handle, c.user.handle]));
  });

  it("rejects bad stars, long reviews and owners rating themselves, storing nothing", async () => {
    const owner = await makeUser(t.db);
    const fan = await makeUser(t.db);
    const p = await promptBy(owner);
    await rejects(fan.caller.social.rate({ promptId: p.id, stars: 0 }), "BAD_REQUEST", /stars/);
    await rejects(fan.caller.social.rate({ promptId: p.id, stars: 6 }), "BAD_REQUEST", /stars/);
    await rejects(fan.caller.social.rate({ promptId: p.id, stars: 3.5 }), "BAD_REQUEST", /stars/);
    await rejects(fan.caller.social.rate({ promptId: p.id, stars: 4, review: "x".repeat(2001) }), "BAD_REQUEST", /review/);
    await rejects(owner.caller.social.rate({ promptId: p.id, stars: 5 }), "FORBIDDEN", /own prompt/);
    await rejects(anonymous(t.db).social.rate({ promptId: p.id, stars: 5 }), "UNAUTHORIZED");
    const hidden = await promptBy(owner, { visibility: "private" });
    await rejects(fan.caller.social.rate({ promptId: hidden.id, stars: 5 }), "NOT_FOUND");
    await rejects(fan.caller.social.ratings({ promptId: hidden.id }), "NOT_FOUND");
    expect(await t.db.rating.count({ where: { promptId: { in: [p.id, hidden.id] } } })).toBe(0);
    expect((await anonymous(t.db).prompt.bySlug({ slug: p.slug })).ratingCount).toBe(0);
  });
});

describe("comments", () => {
  it("threads one level deep; authors edit and delete; deleted parents stay as placeholders", async () => {
    const owner = await makeUser(t.db);
    const alice = await makeUser(t.db);
    const bob = await makeUser(t.db);
    const p = await promptBy(owner);
    const top = await alice.caller.social.comment({ promptId: p.id, body: "Works great with Claude" });
    const reply = await bob.caller.social.comment({ promptId: p.id, body: "Agreed", parentId: top.id });
    await rejects(bob.caller.social.comment({ promptId: p.id, body: "Too deep", parentId: reply.id }), "BAD_REQUEST", /parentId/);

    await rejects(bob.caller.social.editComment({ commentId: top.id, body: "Hijacked" }), "FORBIDDEN");
    await rejects(bob.caller.social.deleteComment({ commentId: top.id }), "FORBIDDEN");
    const edited = await alice.caller.social.editComment({ commentId: top.id, body: "Works great with Claude and GPT" });
    expect(edited.editedAt).toBeInstanceOf(Date);

    let thread = await anonymous(t.db).social.comments({ promptId: p.id });
    expect(thread.total).toBe(2);
    expect(thread.items).toHaveLength(1);
    expect(thread.items[0]).toMatchObject({ body: "Works great with Claude and GPT", deleted: false, replyCount: 1 });
    expect(thread.items[0].replies[0]).toMatchObject({ body: "Agreed", author: { handle: bob.user.handle } });

    expect(await alice.caller.social.deleteComment({ commentId: top.id })).toMatchObject({ placeholder: true });
    thread = await anonymous(t.db).social.comments({ promptId: p.id });
    expect(thread.items[0]).toMatchObject({ deleted: true, body: "", author: null });
    expect(thread.items[0].replies).toHaveLength(1);
    expect(thread.total).toBe(1);
    expect((await anonymous(t.db).prompt.bySlug({ slug: p.slug })).commentCount).toBe(1);

    expect(await bob.caller.social.deleteComment({ commentId: reply.id })).toMatchObject({ placeholder: false });
    await rejects(bob.caller.social.deleteComment({ commentId: reply.id }), "NOT_FOUND");
    await rejects(alice.caller.social.editComment({ commentId: top.id, body: "back" }), "NOT_FOUND");
  });

  it("rejects empty and over-long comments, and comments on invisible prompts", async () => {
    const owner = await makeUser(t.db);
    const fan = await makeUser(t.db);
    const p = await promptBy(owner);
    await rejects(fan.caller.social.comment({ promptId: p.id, body: "   " }), "BAD_REQUEST", /body/);
    const long = await rejects(fan.caller.social.comment({ promptId: p.id, body: "x".repeat(5001) }), "BAD_REQUEST", /body/);
    expect(long.message).toMatch(/5000/);
    const hidden = await promptBy(owner, { visibility: "private" });
    await rejects(fan.caller.social.comment({ promptId: hidden.id, body: "hi" }), "NOT_FOUND");
    await rejects(fan.caller.social.comments({ promptId: hidden.id }), "NOT_FOUND");
    await rejects(anonymous(t.db).social.comment({ promptId: p.id, body: "hi" }), "UNAUTHORIZED");
    expect(await t.db.comment.count({ where: { promptId: { in: [p.id, hidden.id] } } })).toBe(0);
  });
});

describe("follows and feed", () => {
  it("follows, lists both ways, and feeds new public prompts and versions", async () => {
    const author = await makeUser(t.db);
    const reader = await makeUser(t.db);
    expect(await reader.caller.follow.follow({ handle: author.user.handle })).toMatchObject({ following: true, followerCount: 1 });
    expect(await reader.caller.follow.follow({ handle: author.user.handle })).toMatchObject({ followerCount: 1 });
    expect((await anonymous(t.db).follow.followers({ handle: author.user.handle })).items.map((u) => u.handle)).toEqual([reader.user.handle]);
    expect((await anonymous(t.db).follow.following({ handle: reader.user.handle })).items.map((u) => u.handle)).toEqual([author.user.handle]);
    expect(await reader.caller.user.byHandle({ handle: author.user.handle })).toMatchObject({ followerCount: 1, viewerFollows: true });

    const p = await promptBy(author);
    await author.caller.version.create({ promptId: p.id, body: "Hello {{name}}, v2", changelog: "friendlier" });
    await promptBy(author, { visibility: "private" });
    await promptBy(author, { visibility: "unlisted" });
    const feed = await reader.caller.feed.mine({ limit: 10 });
    expect(feed.items.map((i) => [i.kind, i.prompt.id, i.version.number])).toEqual([
      ["version", p.id, 2],
      ["prompt", p.id, 1],
    ]);
    expect(feed.items[0].version.changelog).toBe("friendlier");

    expect(await reader.caller.follow.unfollow({ handle: author.user.handle })).toMatchObject({ following: false, followerCount: 0 });
    expect((await reader.caller.feed.mine({ limit: 10 })).items).toEqual([]);
  });

  it("refuses following yourself or nobody, and anonymous follows", async () => {
    const me = await makeUser(t.db);
    await rejects(me.caller.follow.follow({ handle: me.user.handle }), "BAD_REQUEST", /yourself/);
    await rejects(me.caller.follow.follow({ handle: "nobody-at-all" }), "NOT_FOUND");
    await rejects(anonymous(t.db).follow.follow({ handle: me.user.handle }), "UNAUTHORIZED");
    await rejects(anonymous(t.db).feed.mine({}), "UNAUTHORIZED");
    expect(await t.db.follow.count({ where: { followerId: me.user.id } })).toBe(0);
  });
});

describe("profile totals and visibility", () => {
  it("counts only what the viewer may see", async () => {
    const author = await makeUser(t.db);
    const fan = await makeUser(t.db);
    const open = await promptBy(author);
    const secret = await promptBy(author, { visibility: "private" });
    await fan.caller.social.like({ promptId: open.id });
    await fan.caller.social.rate({ promptId: open.id, stars: 4 });
    await author.caller.social.like({ promptId: secret.id });
    await fan.caller.prompt.fork({ versionId: open.version.id, visibility: "public" });
    await fan.caller.prompt.fork({ versionId: open.version.id, visibility: "private" });

    const seenByFan = await fan.caller.user.byHandle({ handle: author.user.handle });
    expect(seenByFan).toMatchObject({ promptCount: 1, likesReceived: 1, averageRating: 4, forksOfTheirWork: 1 });
    const seenByAuthor = await author.caller.user.byHandle({ handle: author.user.handle });
    expect(seenByAuthor).toMatchObject({ promptCount: 2, likesReceived: 2 });
    expect((await anonymous(t.db).prompt.bySlug({ slug: open.slug })).forkCount).toBe(1);
  });

  it("records views cheaply and in batches, a reload by the same visitor once", async () => {
    const author = await makeUser(t.db);
    const p = await promptBy(author);
    const view = { promptId: p.id, ownerId: author.user.id, versionId: null, listed: false };
    await flushUsage(t.db); // what earlier tests recorded
    for (let i = 0; i < 5; i++) recordPageView(t.db, view, { actorId: null, origin: { source: "web", viewerKey: `anon:visitor-${i}` } });
    recordPageView(t.db, view, { actorId: null, origin: { source: "web", viewerKey: "anon:visitor-0" } });
    expect(await flushUsage(t.db)).toBe(5);
    expect((await anonymous(t.db).prompt.bySlug({ slug: p.slug })).viewCount).toBe(5);
    const days = await t.db.promptViewDay.findMany({ where: { promptId: p.id } });
    expect(days.map((d) => d.count)).toEqual([5]);
  });
});
