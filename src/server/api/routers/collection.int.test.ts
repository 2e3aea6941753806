import { describe, expect, it } from "vitest";
import { anonymous, makeUser } from "@/test/callers";
import { rejects } from "@/test/expect-trpc-error";
import { makeMember, makeOrgPrompt, makeOrgWithMembers } from "@/test/org-fixtures";
import { setUpTestDatabase } from "@/test/set-up-test-database";

const t = setUpTestDatabase();

type User = Awaited<ReturnType<typeof makeUser>>;
let seq = 0;
const promptBy = (owner: User, extra: { visibility?: "public" | "private" | "unlisted"; title?: string; body?: string } = {}) =>
  owner.caller.prompt.create({ title: extra.title ?? `Shelf item ${++seq}`, category: "writing", body: extra.body ?? `Body ${seq} for {{name}}`, visibility: extra.visibility });

const titles = (c: { items: { prompt: { title: string } }[] }) => c.items.map((i) => i.prompt.title);
const positions = async (collectionId: string) =>
  (await t.db.collectionItem.findMany({ where: { collectionId }, orderBy: { position: "asc" }, select: { position: true } })).map((i) => i.position);

describe("collections: ordering", () => {
  it("keeps prompts in the order added, reorders, and stays dense after removals", async () => {
    const me = await makeUser(t.db);
    const [a, b, c, d] = await Promise.all(["Alpha", "Bravo", "Charlie", "Delta"].map((title) => promptBy(me, { title })));
    const shelf = await me.caller.collection.create({ title: "My shelf", description: "Things I use", visibility: "public" });
    expect(shelf).toMatchObject({ slug: "my-shelf", visibility: "public", orgId: null });
    for (const p of [a, b, c, d]) expect(await me.caller.collection.addPrompt({ collectionId: shelf.id, promptId: p.id })).toMatchObject({ added: true, versionId: null });
    expect(titles(await me.caller.collection.bySlug({ slug: shelf.slug }))).toEqual(["Alpha", "Bravo", "Charlie", "Delta"]);

    expect(await me.caller.collection.reorder({ collectionId: shelf.id, promptIds: [d.id, b.id, a.id, c.id] })).toEqual({ collectionId: shelf.id, promptIds: [d.id, b.id, a.id, c.id] });
    expect(titles(await anonymous(t.db).collection.bySlug({ slug: shelf.slug }))).toEqual(["Delta", "Bravo", "Alpha", "Charlie"]);

    // Naming only some puts them first; the rest keep their order after them.
    await me.caller.collection.reorder({ collectionId: shelf.id, promptIds: [c.id] });
    expect(titles(await me.caller.collection.bySlug({ slug: shelf.slug }))).toEqual(["Charlie", "Delta", "Bravo", "Alpha"]);

    // The same by the items' ids, as collection.bySlug lists them.
    const items = (await me.caller.collection.bySlug({ slug: shelf.slug })).items;
    await me.caller.collection.reorder({ collectionId: shelf.id, itemIds: [items[3].id, items[2].id, items[1].id, items[0].id] });
    expect(titles(await me.caller.collection.bySlug({ slug: shelf.slug }))).toEqual(["Alpha", "Bravo", "Delta", "Charlie"]);
    await me.caller.collection.reorder({ collectionId: shelf.id, promptIds: [c.id, d.id, b.id, a.id] });

    await me.caller.collection.removePrompt({ collectionId: shelf.id, promptId: d.id });
    expect(titles(await me.caller.collection.bySlug({ slug: shelf.slug }))).toEqual(["Charlie", "Bravo", "Alpha"]);
    expect(await positions(shelf.id)).toEqual([0, 1, 2]);
    await rejects(me.caller.collection.removePrompt({ collectionId: shelf.id, promptId: d.id }), "NOT_FOUND");
  });

  it("refuses reorders naming prompts that are not there or naming one twice, changing nothing", async () => {
    const me = await makeUser(t.db);
    const [a, b] = await Promise.all([promptBy(me), promptBy(me)]);
    const outside = await promptBy(me);
    const shelf = await me.caller.collection.create({ title: "Strict", visibility: "private" });
    await me.caller.collection.addPrompt({ collectionId: shelf.id, promptId: a.id });
    await me.caller.collection.addPrompt({ collectionId: shelf.id, promptId: b.id });
    await rejects(me.caller.collection.reorder({ collectionId: shelf.id, promptIds: [b.id, outside.id] }), "BAD_REQUEST", /promptIds/);
    await rejects(me.caller.collection.reorder({ collectionId: shelf.id, promptIds: [b.id, b.id] }), "BAD_REQUEST", /promptIds/);
    await rejects(me.caller.collection.reorder({ collectionId: shelf.id, promptIds: [] }), "BAD_REQUEST", /promptIds/);
    await rejects(me.caller.collection.reorder({ collectionId: shelf.id, itemIds: ["not-an-item-of-it"] }), "BAD_REQUEST", /itemIds/);
    await rejects(me.caller.collection.reorder({ collectionId: shelf.id }), "BAD_REQUEST", /promptIds or as itemIds/);
    expect((await me.caller.collection.bySlug({ slug: shelf.slug })).items.map((i) => i.prompt.id)).toEqual([a.id, b.id]);
  });

  it("gives concurrent additions distinct, dense positions", async () => {
    const me = await makeUser(t.db);
    const prompts = await Promise.all(Array.from({ length: 8 }, () => promptBy(me)));
    const shelf = await me.caller.collection.create({ title: "Busy", visibility: "private" });
    await Promise.all(prompts.map((p) => me.caller.collection.addPrompt({ collectionId: shelf.id, promptId: p.id })));
    expect(await positions(shelf.id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});

describe("collections: pinning", () => {
  it("serves a pinned version whatever production does, and production for unpinned items", async () => {
    const me = await makeUser(t.db);
    const p = await promptBy(me, { title: "Pinned one", body: "First {{name}}" });
    const v2 = await me.caller.version.create({ promptId: p.id, body: "Second {{name}}", changelog: "v2" });
    const shelf = await me.caller.collection.create({ title: "Pins", visibility: "public" });
    const follower = await promptBy(me, { title: "Follower", body: "Follow one {{name}}" });
    const followerV2 = await me.caller.version.create({ promptId: follower.id, body: "Follow two {{name}}" });
    await me.caller.collection.addPrompt({ collectionId: shelf.id, promptId: p.id, versionId: p.version.id });
    await me.caller.collection.addPrompt({ collectionId: shelf.id, promptId: follower.id });

    await me.caller.version.promote({ versionId: follower.version.id });
    let page = await anonymous(t.db).collection.bySlug({ slug: shelf.slug });
    expect(page.items.map((i) => [i.pinned, i.version?.number, i.version?.bodyPreview])).toEqual([
      [true, 1, "First {{name}}"],
      [false, 1, "Follow one {{name}}"],
    ]);
    await me.caller.version.promote({ versionId: followerV2.id });
    await me.caller.version.promote({ versionId: v2.id });
    page = await anonymous(t.db).collection.bySlug({ slug: shelf.slug });
    expect(page.items.map((i) => [i.pinned, i.version?.id])).toEqual([
      [true, p.version.id],
      [false, followerV2.id],
    ]);

    // Adding again changes the pin: to another version, or back to following production.
    expect(await me.caller.collection.addPrompt({ collectionId: shelf.id, promptId: p.id, versionId: v2.id })).toMatchObject({ added: false, versionId: v2.id });
    expect(await me.caller.collection.addPrompt({ collectionId: shelf.id, promptId: p.id, versionId: null })).toMatchObject({ added: false, versionId: null });
    page = await anonymous(t.db).collection.bySlug({ slug: shelf.slug });
    expect(page.items[0]).toMatchObject({ pinned: false, version: { id: v2.id, number: 2 } });
    expect(page.items).toHaveLength(2);
    const forPrompt = await me.caller.collection.forPrompt({ promptId: p.id });
    expect(forPrompt.find((c) => c.id === shelf.id)).toMatchObject({ contains: true, pinnedVersion: null });
  });

  it("refuses a pin to another prompt's version or to a version that is not approved", async () => {
    const { org, admin, contributor } = await makeOrgWithMembers(t.db);
    const p = await makeOrgPrompt(t.db, org.id, admin, { visibility: "members" });
    const other = await makeOrgPrompt(t.db, org.id, admin, { visibility: "members" });
    const proposal = await contributor.caller.version.propose({ promptId: p.id, body: "Proposed {{topic}}" });
    const shelf = await admin.caller.collection.create({ title: "Org pins", visibility: "members", orgId: org.id });
    await rejects(admin.caller.collection.addPrompt({ collectionId: shelf.id, promptId: p.id, versionId: other.version.id }), "BAD_REQUEST", /versionId/);
    await rejects(admin.caller.collection.addPrompt({ collectionId: shelf.id, promptId: p.id, versionId: proposal.id }), "BAD_REQUEST", /versionId.*approved/);
    await rejects(admin.caller.collection.addPrompt({ collectionId: shelf.id, promptId: p.id, versionId: "missing-version" }), "BAD_REQUEST", /versionId/);
    expect(await t.db.collectionItem.count({ where: { collectionId: shelf.id } })).toBe(0);
  });
});

describe("collections: visibility", () => {
  it("hides a private collection from everyone but its owner, as NOT_FOUND", async () => {
    const me = await makeUser(t.db);
    const other = await makeUser(t.db);
    const p = await promptBy(me);
    const secret = await me.caller.collection.create({ title: "Secret stash", visibility: "private" });
    await me.caller.collection.addPrompt({ collectionId: secret.id, promptId: p.id });
    expect(secret.slug).toMatch(/^secret-stash-[0-9a-f]{12}$/);
    await rejects(other.caller.collection.bySlug({ slug: secret.slug }), "NOT_FOUND");
    await rejects(anonymous(t.db).collection.bySlug({ slug: secret.slug }), "NOT_FOUND");
    await rejects(other.caller.collection.addPrompt({ collectionId: secret.id, promptId: p.id }), "NOT_FOUND");
    await rejects(other.caller.collection.reorder({ collectionId: secret.id, promptIds: [p.id] }), "NOT_FOUND");
    await rejects(other.caller.collection.delete({ collectionId: secret.id }), "NOT_FOUND");
    await rejects(other.caller.collection.setForTools({ collectionId: secret.id, enabled: true }), "NOT_FOUND");
    expect((await other.caller.collection.list({ owner: me.user.handle, limit: 10 })).items).toEqual([]);
    expect((await me.caller.collection.list({ owner: me.user.handle, limit: 10 })).items.map((c) => c.slug)).toEqual([secret.slug]);
    // Made public, it is everyone's to read, but still only its owner's to change.
    await me.caller.collection.update({ collectionId: secret.id, visibility: "public", title: "Open stash" });
    expect(await other.caller.collection.bySlug({ slug: secret.slug })).toMatchObject({ title: "Open stash", itemCount: 1, viewer: { canManage: false } });
    await rejects(other.caller.collection.addPrompt({ collectionId: secret.id, promptId: p.id }), "FORBIDDEN");
    await rejects(other.caller.collection.update({ collectionId: secret.id, title: "Mine now" }), "FORBIDDEN");
  });

  it("shows each viewer only the prompts they may read, and counts only those", async () => {
    const me = await makeUser(t.db);
    const other = await makeUser(t.db);
    const open = await promptBy(me, { title: "Open prompt" });
    const hidden = await promptBy(me, { title: "Hidden prompt", visibility: "private" });
    const unlisted = await promptBy(me, { title: "Unlisted prompt", visibility: "unlisted" });
    const archived = await promptBy(me, { title: "Archived prompt" });
    const shelf = await me.caller.collection.create({ title: "Mixed", visibility: "public" });
    for (const p of [open, hidden, unlisted, archived]) await me.caller.collection.addPrompt({ collectionId: shelf.id, promptId: p.id });
    await me.caller.prompt.archive({ promptId: archived.id });
    // Archived prompts leave every list, also their owner's collections; an archived one cannot be added.
    expect(titles(await me.caller.collection.bySlug({ slug: shelf.slug }))).toEqual(["Open prompt", "Hidden prompt", "Unlisted prompt"]);
    const seen = await other.caller.collection.bySlug({ slug: shelf.slug });
    expect(titles(seen)).toEqual(["Open prompt", "Unlisted prompt"]);
    expect(seen.itemCount).toBe(2);
    expect((await anonymous(t.db).collection.list({ owner: me.user.handle, limit: 10 })).items[0]).toMatchObject({ slug: shelf.slug, itemCount: 2 });
    await rejects(me.caller.collection.addPrompt({ collectionId: shelf.id, promptId: archived.id }), "BAD_REQUEST", /promptId/);
    // Someone else cannot put a prompt they cannot see into their own collection either.
    const theirs = await other.caller.collection.create({ title: "Theirs", visibility: "private" });
    await rejects(other.caller.collection.addPrompt({ collectionId: theirs.id, promptId: hidden.id }), "NOT_FOUND");
  });

  it("validates fields and names them", async () => {
    const me = await makeUser(t.db);
    await rejects(me.caller.collection.create({ title: "", visibility: "public" }), "BAD_REQUEST", /title/);
    await rejects(me.caller.collection.create({ title: "x".repeat(101), visibility: "public" }), "BAD_REQUEST", /title/);
    await rejects(me.caller.collection.create({ title: "Members?", visibility: "members" }), "BAD_REQUEST", /visibility/);
    // @ts-expect-error an unknown visibility is refused
    await rejects(me.caller.collection.create({ title: "Odd", visibility: "unlisted" }), "BAD_REQUEST", /visibility/);
    const c = await me.caller.collection.create({ title: "Fine", visibility: "private" });
    await rejects(me.caller.collection.update({ collectionId: c.id, visibility: "members" }), "BAD_REQUEST", /visibility/);
    await rejects(me.caller.collection.update({ collectionId: c.id }), "BAD_REQUEST", /title/);
    await rejects(anonymous(t.db).collection.create({ title: "Anon", visibility: "public" }), "UNAUTHORIZED");
  });
});

describe("collections: organisations", () => {
  it("follows the role matrix: managers change, members read members-only ones, outsiders see neither", async () => {
    const { org, admin, owner, contributor, consumer, outsider } = await makeOrgWithMembers(t.db);
    const membersOnly = await makeOrgPrompt(t.db, org.id, admin, { visibility: "members", title: "Members prompt" });
    const publicOne = await makeOrgPrompt(t.db, org.id, admin, { visibility: "public", title: "Public org prompt" });

    await rejects(consumer.caller.collection.create({ title: "Nope", visibility: "members", orgId: org.id }), "FORBIDDEN", /manage collections/);
    await rejects(contributor.caller.collection.create({ title: "Nope", visibility: "members", orgId: org.id }), "FORBIDDEN");
    await rejects(outsider.caller.collection.create({ title: "Nope", visibility: "public", orgId: org.id }), "NOT_FOUND");

    const team = await owner.caller.collection.create({ title: "Team kit", visibility: "members", orgId: org.id });
    await owner.caller.collection.addPrompt({ collectionId: team.id, promptId: membersOnly.id });
    await admin.caller.collection.addPrompt({ collectionId: team.id, promptId: publicOne.id });
    expect(titles(await consumer.caller.collection.bySlug({ slug: team.slug }))).toEqual(["Members prompt", "Public org prompt"]);
    expect((await consumer.caller.collection.bySlug({ slug: team.slug })).viewer.canManage).toBe(false);
    expect((await admin.caller.collection.bySlug({ slug: team.slug })).viewer.canManage).toBe(true);
    await rejects(consumer.caller.collection.addPrompt({ collectionId: team.id, promptId: publicOne.id }), "FORBIDDEN", /manage collections/);
    await rejects(contributor.caller.collection.reorder({ collectionId: team.id, promptIds: [publicOne.id] }), "FORBIDDEN");
    await rejects(outsider.caller.collection.bySlug({ slug: team.slug }), "NOT_FOUND");
    expect((await consumer.caller.collection.list({ org: org.slug, limit: 10 })).items.map((c) => c.slug)).toEqual([team.slug]);
    expect((await consumer.caller.collection.list({ limit: 10 })).items.map((c) => c.slug)).toEqual([team.slug]);
    expect((await outsider.caller.collection.list({ org: org.slug, limit: 10 })).items).toEqual([]);

    // Private: the managers only.
    const drafts = await admin.caller.collection.create({ title: "Curating", visibility: "private", orgId: org.id });
    await rejects(consumer.caller.collection.bySlug({ slug: drafts.slug }), "NOT_FOUND");
    await rejects(contributor.caller.collection.bySlug({ slug: drafts.slug }), "NOT_FOUND");
    expect((await owner.caller.collection.bySlug({ slug: drafts.slug })).viewer.canManage).toBe(true);

    // Public: anyone reads it, but members-only prompts in it stay the members'.
    await owner.caller.collection.update({ collectionId: team.id, visibility: "public" });
    expect(titles(await outsider.caller.collection.bySlug({ slug: team.slug }))).toEqual(["Public org prompt"]);
    expect(titles(await anonymous(t.db).collection.bySlug({ slug: team.slug }))).toEqual(["Public org prompt"]);
    await rejects(outsider.caller.collection.addPrompt({ collectionId: team.id, promptId: publicOne.id }), "FORBIDDEN");

    // A member demoted loses the right at once.
    const exManager = await makeMember(t.db, org.id, "owner");
    await t.db.membership.update({ where: { orgId_userId: { orgId: org.id, userId: exManager.user.id } }, data: { role: "consumer" } });
    await rejects(exManager.caller.collection.delete({ collectionId: team.id }), "FORBIDDEN");
    await admin.caller.collection.delete({ collectionId: team.id });
    await rejects(admin.caller.collection.bySlug({ slug: team.slug }), "NOT_FOUND");
    expect(await t.db.collectionItem.count({ where: { collectionId: team.id } })).toBe(0);
  });
});

describe("collections: paid prompts stay gated", () => {
  it("withholds a paid body from viewers without a license, and shows it to the seller and licensees", async () => {
    const seller = await makeUser(t.db);
    const curator = await makeUser(t.db);
    const buyer = await makeUser(t.db);
    const stranger = await makeUser(t.db);
    const paid = await promptBy(seller, { title: "Paid recipe", body: "Secret sauce for {{name}}" });
    const free = await promptBy(seller, { title: "Free recipe", body: "Open sauce for {{name}}" });
    const listing = await t.db.listing.create({ data: { promptId: paid.id, sellerId: seller.user.id, priceCents: 900, terms: "Personal use only.", status: "active", coverage: "purchased_and_later" } });
    const shelf = await curator.caller.collection.create({ title: "Recipes", visibility: "public" });
    await curator.caller.collection.addPrompt({ collectionId: shelf.id, promptId: paid.id, versionId: paid.version.id });
    await curator.caller.collection.addPrompt({ collectionId: shelf.id, promptId: free.id });

    const bodies = async (caller: User["caller"] | ReturnType<typeof anonymous>) =>
      (await caller.collection.bySlug({ slug: shelf.slug })).items.map((i) => [i.prompt.title, i.version?.bodyLocked, i.version?.bodyPreview]);
    const locked = [
      ["Paid recipe", true, null],
      ["Free recipe", false, "Open sauce for {{name}}"],
    ];
    expect(await bodies(stranger.caller)).toEqual(locked);
    expect(await bodies(anonymous(t.db))).toEqual(locked);
    expect(await bodies(curator.caller)).toEqual(locked);
    expect((await bodies(seller.caller))[0]).toEqual(["Paid recipe", false, "Secret sauce for {{name}}"]);

    const purchase = await t.db.purchase.create({
      data: { listingId: listing.id, promptId: paid.id, buyerId: buyer.user.id, sellerId: seller.user.id, amountCents: 900, currency: "usd", status: "paid", versionNumber: 1, licenseType: "personal", terms: listing.terms, coverage: listing.coverage, paidAt: new Date() },
    });
    await t.db.license.create({
      data: { key: `PQL-COLL-${purchase.id}`, purchaseId: purchase.id, listingId: listing.id, promptId: paid.id, holderId: buyer.user.id, licenseType: "personal", terms: listing.terms, coverage: listing.coverage, fromVersion: 1, toVersion: null, status: "active" },
    });
    expect((await bodies(buyer.caller))[0]).toEqual(["Paid recipe", false, "Secret sauce for {{name}}"]);
    expect(await bodies(stranger.caller)).toEqual(locked);
  });
});

describe("collections: following and the feed", () => {
  it("follows public collections with an exact count, and their additions reach followers' feeds", async () => {
    const curator = await makeUser(t.db);
    const fans = await Promise.all([makeUser(t.db), makeUser(t.db), makeUser(t.db)]);
    const shelf = await curator.caller.collection.create({ title: "Weekly picks", visibility: "public" });
    await Promise.all(fans.flatMap((f) => [f.caller.collection.follow({ collectionId: shelf.id }), f.caller.collection.follow({ collectionId: shelf.id })]));
    expect(await fans[0].caller.collection.bySlug({ slug: shelf.slug })).toMatchObject({ followerCount: 3, viewer: { following: true } });
    expect(await fans[2].caller.collection.unfollow({ collectionId: shelf.id })).toEqual({ collectionId: shelf.id, following: false, followerCount: 2 });
    expect(await fans[2].caller.collection.unfollow({ collectionId: shelf.id })).toEqual({ collectionId: shelf.id, following: false, followerCount: 2 });

    const first = await promptBy(curator, { title: "Pick one" });
    const secret = await promptBy(curator, { title: "Pick private", visibility: "private" });
    const second = await promptBy(curator, { title: "Pick two" });
    for (const p of [first, secret, second]) await curator.caller.collection.addPrompt({ collectionId: shelf.id, promptId: p.id });
    const feed = await fans[0].caller.collection.feed({ limit: 10 });
    expect(feed.items.map((i) => [i.collection.slug, i.prompt.title])).toEqual([
      [shelf.slug, "Pick two"],
      [shelf.slug, "Pick one"],
    ]);
    const paged = await fans[0].caller.collection.feed({ limit: 1 });
    expect((await fans[0].caller.collection.feed({ limit: 1, cursor: paged.nextCursor })).items.map((i) => i.prompt.title)).toEqual(["Pick one"]);
    expect((await fans[2].caller.collection.feed({ limit: 10 })).items).toEqual([]);
    expect((await fans[1].caller.collection.list({ followed: true, limit: 10 })).items.map((c) => c.slug)).toEqual([shelf.slug]);

    // Made private, it leaves the feed; only public collections can be followed.
    await curator.caller.collection.update({ collectionId: shelf.id, visibility: "private" });
    expect((await fans[0].caller.collection.feed({ limit: 10 })).items).toEqual([]);
    await rejects(fans[2].caller.collection.follow({ collectionId: shelf.id }), "NOT_FOUND");
    await rejects(curator.caller.collection.follow({ collectionId: shelf.id }), "BAD_REQUEST", /collectionId/);
  });
});

describe("collections: for tools", () => {
  it("records the collections a person chose for their tools", async () => {
    const me = await makeUser(t.db);
    const other = await makeUser(t.db);
    const shelf = await other.caller.collection.create({ title: "Shared tools", visibility: "public" });
    expect(await me.caller.collection.setForTools({ collectionId: shelf.id, enabled: true })).toEqual({ collectionId: shelf.id, forTools: true });
    expect(await me.caller.collection.setForTools({ collectionId: shelf.id, enabled: true })).toEqual({ collectionId: shelf.id, forTools: true });
    expect(await t.db.toolCollection.count({ where: { userId: me.user.id } })).toBe(1);
    expect((await me.caller.collection.bySlug({ slug: shelf.slug })).viewer.forTools).toBe(true);
    await me.caller.collection.setForTools({ collectionId: shelf.id, enabled: false });
    expect(await t.db.toolCollection.count({ where: { userId: me.user.id } })).toBe(0);
    // @ts-expect-error enabled is required
    await rejects(me.caller.collection.setForTools({ collectionId: shelf.id }), "BAD_REQUEST", /enabled/);
  });
});
