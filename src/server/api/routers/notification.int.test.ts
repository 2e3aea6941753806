// Notifications through the routers: one for each kind of event, none for one's own actions, none
// twice for a repeated Stripe delivery, a changed rating updating its notification, private forks
// neither named nor linked, and list / markRead / unreadCount confined to the caller's own.
import { describe, expect, it } from "vitest";
import { anonymous, makeUser } from "@/test/callers";
import { rejects } from "@/test/expect-trpc-error";
import { withFakeStripe } from "@/test/with-fake-stripe";
import { setUpTestDatabase } from "@/test/set-up-test-database";

const t = setUpTestDatabase();
const fake = withFakeStripe(t);
const webhook = (event: object) => fake.webhook(event);

async function ownerWithPrompt(visibility: "public" | "private" = "public") {
  const owner = await makeUser(t.db);
  const prompt = await owner.caller.prompt.create({ title: "Release notes writer", category: "writing", body: "Summarise {{changes}} as release notes.", visibility });
  return { owner, prompt };
}

describe("notifications for each event", () => {
  it("tells a prompt's owner about comments and a comment's author about replies, never themselves", async () => {
    const { owner, prompt } = await ownerWithPrompt();
    const commenter = await makeUser(t.db);
    const own = await owner.caller.social.comment({ promptId: prompt.id, body: "Author's note: v2 coming." });
    expect((await owner.caller.notification.unreadCount()).count).toBe(0);

    const comment = await commenter.caller.social.comment({ promptId: prompt.id, body: "Works well for changelogs." });
    const list = await owner.caller.notification.list({});
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      kind: "prompt_comment",
      actor: { handle: commenter.user.handle },
      prompt: { slug: prompt.slug, title: "Release notes writer" },
      link: `/p/${prompt.slug}#comments`,
      readAt: null,
    });
    expect(list.items[0].text).toBe(`${commenter.user.name} commented on your prompt “Release notes writer”`);

    // The owner replying to the commenter tells the commenter; the owner is not told of their own reply.
    await owner.caller.social.comment({ promptId: prompt.id, body: "Thanks!", parentId: comment.id });
    expect((await commenter.caller.notification.list({})).items.map((n) => n.kind)).toEqual(["comment_reply"]);
    expect((await owner.caller.notification.unreadCount()).count).toBe(1);

    // A third person replying to the owner's own comment: the owner is told once, as a reply.
    const third = await makeUser(t.db);
    await third.caller.social.comment({ promptId: prompt.id, body: "Looking forward to it", parentId: own.id });
    expect((await owner.caller.notification.list({})).items.map((n) => [n.kind, n.actor?.handle])).toEqual([
      ["comment_reply", third.user.handle],
      ["prompt_comment", commenter.user.handle],
    ]);
  });

  it("tells the owner about a rating once per rater: a changed rating updates it, the same stars add nothing", async () => {
    const { owner, prompt } = await ownerWithPrompt();
    const rater = await makeUser(t.db);
    await rater.caller.social.rate({ promptId: prompt.id, stars: 3 });
    const first = (await owner.caller.notification.list({})).items;
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ kind: "prompt_rating", text: expect.stringMatching(/rated your prompt “Release notes writer” 3 stars$/), link: `/p/${prompt.slug}#ratings` });
    await owner.caller.notification.markRead({ all: true });

    await rater.caller.social.rate({ promptId: prompt.id, stars: 5 });
    const updated = (await owner.caller.notification.list({})).items;
    expect(updated).toHaveLength(1);
    expect(updated[0]).toMatchObject({ id: first[0].id, readAt: null, text: expect.stringMatching(/5 stars$/) });
    await rater.caller.social.rate({ promptId: prompt.id, stars: 5, review: "Even better now" });
    expect(await owner.caller.notification.unreadCount()).toEqual({ count: 1 });
  });

  it("tells people about new followers, once even after unfollowing and following again", async () => {
    const followee = await makeUser(t.db);
    const fan = await makeUser(t.db);
    await fan.caller.follow.follow({ handle: followee.user.handle });
    await fan.caller.follow.follow({ handle: followee.user.handle });
    await fan.caller.follow.unfollow({ handle: followee.user.handle });
    await fan.caller.follow.follow({ handle: followee.user.handle });
    const items = (await followee.caller.notification.list({})).items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: "new_follower", actor: { handle: fan.user.handle }, link: `/u/${fan.user.handle}`, prompt: null });
    expect((await fan.caller.notification.list({})).items).toHaveLength(0);
  });

  it("tells the owner about forks, naming and linking only a public fork", async () => {
    const { owner, prompt } = await ownerWithPrompt();
    const forker = await makeUser(t.db);
    const publicFork = await forker.caller.prompt.fork({ versionId: prompt.version.id, title: "My release notes", visibility: "public" });
    const privateFork = await forker.caller.prompt.fork({ versionId: prompt.version.id, title: "Secret variant", visibility: "private" });
    await owner.caller.prompt.fork({ versionId: prompt.version.id }); // their own fork: no notification
    const items = (await owner.caller.notification.list({})).items;
    expect(items.map((n) => n.kind)).toEqual(["prompt_fork", "prompt_fork"]);
    const [ofPrivate, ofPublic] = items;
    expect(ofPublic).toMatchObject({ actor: { handle: forker.user.handle }, link: `/p/${publicFork.slug}`, prompt: { slug: prompt.slug } });
    expect(ofPrivate).toMatchObject({ actor: null, link: `/p/${prompt.slug}`, text: "Someone forked your prompt “Release notes writer”" });
    expect(JSON.stringify(ofPrivate)).not.toContain(privateFork.slug);
    expect(JSON.stringify(ofPrivate)).not.toContain("Secret variant");
    expect(JSON.stringify(ofPrivate)).not.toContain(forker.user.handle);
  });

  it("does not name a prompt the recipient can no longer see", async () => {
    const { owner, prompt } = await ownerWithPrompt();
    const commenter = await makeUser(t.db);
    const question = await commenter.caller.social.comment({ promptId: prompt.id, body: "How do I use it?" });
    await owner.caller.social.comment({ promptId: prompt.id, body: "Fill in the changes", parentId: question.id });
    await owner.caller.prompt.update({ promptId: prompt.id, visibility: "private" });
    const [reply] = (await commenter.caller.notification.list({})).items;
    expect(reply).toMatchObject({ kind: "comment_reply", prompt: null, link: null, text: expect.stringContaining("a prompt you can no longer see") });
    expect(JSON.stringify(reply)).not.toContain(prompt.slug);
  });

  it("tells the seller about a sale and a refund exactly once, however often Stripe delivers", async () => {
    const { owner: seller, prompt } = await ownerWithPrompt();
    const listing = await seller.caller.listing.create({ promptId: prompt.id, priceCents: 1200, currency: "usd", licenseType: "commercial" });
    const buyer = await makeUser(t.db);
    const { sessionId } = await buyer.caller.listing.checkout({ listingId: listing.id });
    const completed = fake.stripe.complete(sessionId!);
    const replies = await Promise.all([webhook(completed), webhook(completed)]);
    expect(replies.map((r) => r.status)).toEqual([200, 200]);
    await webhook(completed);
    let items = (await seller.caller.notification.list({})).items;
    expect(items.map((n) => n.kind)).toEqual(["listing_sale"]);
    expect(items[0]).toMatchObject({ text: "You sold a license for your prompt “Release notes writer” ($12.00)", link: "/dashboard/sales", actor: null });

    const partial = fake.stripe.refund(sessionId!, 200);
    await webhook(partial);
    await webhook(partial);
    const full = fake.stripe.refund(sessionId!);
    await webhook(full);
    await webhook(full);
    items = (await seller.caller.notification.list({})).items;
    expect(items.map((n) => n.kind)).toEqual(["listing_refund", "listing_refund", "listing_sale"]);
    expect(items[0].text).toBe("A sale of your prompt “Release notes writer” was refunded ($10.00)");
    expect(items[1].text).toBe("Part of a sale of your prompt “Release notes writer” was refunded ($2.00)");
    expect((await buyer.caller.notification.list({})).items).toHaveLength(0);
  });

  it("tells the seller about a free claim", async () => {
    const { owner: seller, prompt } = await ownerWithPrompt();
    const listing = await seller.caller.listing.create({ promptId: prompt.id, priceCents: 0, currency: "usd", licenseType: "personal" });
    const claimant = await makeUser(t.db);
    await claimant.caller.listing.claimFree({ listingId: listing.id });
    expect((await seller.caller.notification.list({})).items.map((n) => n.kind)).toEqual(["listing_sale"]);
  });
});

describe("list, markRead and unreadCount", () => {
  it("are for signed-in callers only", async () => {
    await rejects(anonymous(t.db).notification.list({}), "UNAUTHORIZED");
    await rejects(anonymous(t.db).notification.unreadCount(), "UNAUTHORIZED");
    await rejects(anonymous(t.db).notification.markRead({ all: true }), "UNAUTHORIZED");
  });

  it("page newest first, filter unread, and mark only the caller's own", async () => {
    const { owner, prompt } = await ownerWithPrompt();
    const { owner: other, prompt: otherPrompt } = await ownerWithPrompt();
    const people = await Promise.all([1, 2, 3].map(() => makeUser(t.db)));
    for (const [i, p] of people.entries()) await p.caller.social.comment({ promptId: prompt.id, body: `Comment ${i}` });
    await people[0].caller.social.comment({ promptId: otherPrompt.id, body: "For the other owner" });

    const first = await owner.caller.notification.list({ limit: 2 });
    expect(first.items.map((n) => n.actor?.handle)).toEqual([people[2].user.handle, people[1].user.handle]);
    const second = await owner.caller.notification.list({ limit: 2, cursor: first.nextCursor });
    expect(second.items.map((n) => n.actor?.handle)).toEqual([people[0].user.handle]);
    expect(second.nextCursor).toBeNull();
    expect(await owner.caller.notification.unreadCount()).toEqual({ count: 3 });

    // Someone else's id is ignored: it stays unread for its owner, and the caller marks nothing.
    const othersId = (await other.caller.notification.list({})).items[0].id;
    expect(await owner.caller.notification.markRead({ ids: [othersId] })).toEqual({ marked: 0, count: 3 });
    expect(await other.caller.notification.unreadCount()).toEqual({ count: 1 });

    expect(await owner.caller.notification.markRead({ ids: [first.items[0].id, othersId] })).toEqual({ marked: 1, count: 2 });
    const unread = await owner.caller.notification.list({ unreadOnly: true });
    expect(unread.items.map((n) => n.id)).not.toContain(first.items[0].id);
    expect(unread.items).toHaveLength(2);
    expect((await owner.caller.notification.list({})).items.find((n) => n.id === first.items[0].id)?.readAt).toBeInstanceOf(Date);

    expect(await owner.caller.notification.markRead({ all: true })).toEqual({ marked: 2, count: 0 });
    expect(await other.caller.notification.unreadCount()).toEqual({ count: 1 });
  });

  it("refuses bad input naming the field", async () => {
    const { caller } = await makeUser(t.db);
    expect((await rejects(caller.notification.markRead({ ids: [] }), "BAD_REQUEST")).message).toMatch(/ids/);
    // @ts-expect-error: all must be true
    expect((await rejects(caller.notification.markRead({ all: false }), "BAD_REQUEST")).message).toMatch(/ids|all/);
    expect((await rejects(caller.notification.list({ limit: 1000 }), "BAD_REQUEST")).message).toMatch(/limit/);
  });
});
