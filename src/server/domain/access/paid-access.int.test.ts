import { describe, expect, it } from "vitest";
import { anonymous, makeUser } from "@/test/callers";
import { rejects } from "@/test/expect-trpc-error";
import { setUpTestDatabase } from "@/test/set-up-test-database";

const t = setUpTestDatabase();

type User = Awaited<ReturnType<typeof makeUser>>;
type ListingOptions = { priceCents?: number; status?: "draft" | "active" | "paused"; coverage?: "purchased_and_later" | "purchased_only" };

let seq = 0;
/** A word that appears nowhere else in the database (letters only, so stemming leaves it alone). */
const uniqueWord = (tag: string) => `${tag}${String(++seq).replace(/\d/g, (d) => "abcdefghij"[Number(d)])}${"qxz".slice(0, 1 + (seq % 3))}`;

/** A prompt with two versions whose bodies hold words found nowhere else, listed as asked. */
async function listedPrompt(opts: ListingOptions = {}) {
  const seller = await makeUser(t.db);
  const v1Word = uniqueWord("zorblaxv");
  const v2Word = uniqueWord("quimbrelv");
  const descriptionWord = uniqueWord("flonkdesc");
  const created = await seller.caller.prompt.create({
    title: "Cold outreach sequence",
    description: `Three emails that get replies ${descriptionWord}`,
    category: "marketing",
    body: `Secret recipe ${v1Word}: write to {{customer}}.`,
    variables: [{ name: "customer", description: "Who you write to" }],
  });
  const v2 = await seller.caller.version.create({ promptId: created.id, body: `Secret recipe ${v2Word}: write to {{customer}} in a {{tone}} tone.`, changelog: "Adds tone" });
  const listing = await t.db.listing.create({
    data: {
      promptId: created.id,
      sellerId: seller.user.id,
      priceCents: opts.priceCents ?? 900,
      terms: "Personal use only.",
      status: opts.status ?? "active",
      coverage: opts.coverage ?? "purchased_and_later",
    },
  });
  return { seller, prompt: created, v1: created.version, v2, listing, words: { v1: v1Word, v2: v2Word, description: descriptionWord } };
}
type Listed = Awaited<ReturnType<typeof listedPrompt>>;

/** A paid purchase and its license, written directly (the checkout webhook does this in production). */
async function grantLicense(buyer: User, listed: Listed, opts: { fromVersion?: number; toVersion?: number | null; status?: "active" | "revoked"; purchaseStatus?: "paid" | "refunded" } = {}) {
  const fromVersion = opts.fromVersion ?? 1;
  const purchase = await t.db.purchase.create({
    data: {
      listingId: listed.listing.id,
      promptId: listed.prompt.id,
      buyerId: buyer.user.id,
      sellerId: listed.seller.user.id,
      amountCents: listed.listing.priceCents,
      refundedCents: opts.purchaseStatus === "refunded" ? listed.listing.priceCents : 0,
      currency: "usd",
      status: opts.purchaseStatus ?? "paid",
      versionNumber: fromVersion,
      licenseType: listed.listing.licenseType,
      terms: listed.listing.terms,
      coverage: listed.listing.coverage,
      paidAt: new Date(),
    },
  });
  return t.db.license.create({
    data: {
      key: `PQL-TEST-${purchase.id}`,
      purchaseId: purchase.id,
      listingId: listed.listing.id,
      promptId: listed.prompt.id,
      holderId: buyer.user.id,
      licenseType: "personal",
      terms: listed.listing.terms,
      coverage: listed.listing.coverage,
      fromVersion,
      toVersion: opts.toVersion === undefined ? null : opts.toVersion,
      status: opts.status ?? "active",
      ...(opts.status === "revoked" ? { revokedAt: new Date(), revokedReason: "Refunded" } : {}),
    },
  });
}

const callerOf = (who: User | null) => (who ? who.caller : anonymous(t.db));
const leaks = (value: unknown, words: string[]) => words.filter((w) => JSON.stringify(value).toLowerCase().includes(w.toLowerCase()));

/** Every body read path for someone who must not see any body: nothing leaks, the shape stays. */
async function expectLockedEverywhere(listed: Listed, who: User | null) {
  const api = callerOf(who);
  const secret = [listed.words.v1, listed.words.v2];

  const page = await api.prompt.bySlug({ slug: listed.prompt.slug });
  expect(page).toMatchObject({ title: "Cold outreach sequence", bodyLocked: true, forSale: true });
  expect(page.description).toContain(listed.words.description);
  expect(page.latestVersion).toMatchObject({ number: 2, body: null, bodyLocked: true, changelog: "Adds tone" });
  expect(page.latestVersion?.variables.map((v) => v.name)).toEqual(["customer", "tone"]);
  expect(leaks(page, secret)).toEqual([]);

  const versions = await api.version.list({ promptId: listed.prompt.id });
  expect(versions.items.map((v) => [v.number, v.body, v.bodyLocked])).toEqual([
    [2, null, true],
    [1, null, true],
  ]);
  expect(versions.items[1].variables).toEqual([{ name: "customer", description: "Who you write to" }]);
  expect(leaks(versions, secret)).toEqual([]);

  const one = await api.version.byId({ versionId: listed.v1.id });
  expect(one).toMatchObject({ number: 1, body: null, bodyLocked: true });
  expect(leaks(one, secret)).toEqual([]);

  const diff = await api.version.diff({ promptId: listed.prompt.id, from: 1, to: 2 });
  expect(diff).toMatchObject({ bodyLocked: true, lines: [], added: 0, removed: 0, unchanged: 0, from: { number: 1, body: null }, to: { number: 2, body: null } });
  expect(leaks(diff, secret)).toEqual([]);

  for (const version of [listed.v1, listed.v2]) {
    await rejects(api.prompt.render({ versionId: version.id, variables: { customer: "Ada", tone: "warm" } }), "FORBIDDEN", /for sale: buy a license/);
  }
}

/** Every body read path for someone who may read every version. */
async function expectOpenEverywhere(listed: Listed, who: User | null) {
  const api = callerOf(who);
  const page = await api.prompt.bySlug({ slug: listed.prompt.slug });
  expect(page.bodyLocked).toBe(false);
  expect(page.latestVersion).toMatchObject({ bodyLocked: false });
  expect(page.latestVersion?.body).toContain(listed.words.v2);
  const versions = await api.version.list({ promptId: listed.prompt.id });
  expect(versions.items.map((v) => v.bodyLocked)).toEqual([false, false]);
  expect(versions.items[1].body).toContain(listed.words.v1);
  expect((await api.version.byId({ versionId: listed.v1.id })).body).toContain(listed.words.v1);
  const diff = await api.version.diff({ promptId: listed.prompt.id, from: 1, to: 2 });
  expect(diff.bodyLocked).toBe(false);
  expect(diff.added).toBeGreaterThan(0);
  const rendered = await api.prompt.render({ versionId: listed.v2.id, variables: { customer: "Ada", tone: "warm" } });
  expect(rendered.text).toBe(`Secret recipe ${listed.words.v2}: write to Ada in a warm tone.`);
}

describe("paid prompt bodies: who reads them", () => {
  it("locks every body for anonymous visitors, and refuses render", async () => {
    const listed = await listedPrompt();
    await expectLockedEverywhere(listed, null);
  });

  it("locks every body for another signed-in user, and refuses fork", async () => {
    const listed = await listedPrompt();
    const other = await makeUser(t.db);
    await expectLockedEverywhere(listed, other);
    await rejects(other.caller.prompt.fork({ versionId: listed.v2.id }), "FORBIDDEN", /buy a license to fork/);
    expect(await t.db.prompt.count({ where: { ownerId: other.user.id } })).toBe(0);
  });

  it("shows everything to the owner and to admins", async () => {
    const listed = await listedPrompt();
    await expectOpenEverywhere(listed, listed.seller);
    expect((await listed.seller.caller.prompt.bySlug({ slug: listed.prompt.slug })).forSale).toBe(true);
    const admin = await makeUser(t.db, { role: "admin" });
    await expectOpenEverywhere(listed, admin);
  });

  it("shows every covered version to a licensee", async () => {
    const listed = await listedPrompt();
    const buyer = await makeUser(t.db);
    await grantLicense(buyer, listed);
    await expectOpenEverywhere(listed, buyer);
    expect(await buyer.caller.prompt.bySlug({ slug: listed.prompt.slug })).toMatchObject({ licensed: true, bodyLocked: false });
  });

  it("locks everything again once the license is revoked", async () => {
    const listed = await listedPrompt();
    const buyer = await makeUser(t.db);
    await grantLicense(buyer, listed, { status: "revoked", purchaseStatus: "refunded" });
    await expectLockedEverywhere(listed, buyer);
    await rejects(buyer.caller.prompt.fork({ versionId: listed.v1.id }), "FORBIDDEN");
  });

  it("with a purchased_only license on v1, shows v1 and locks v2", async () => {
    const listed = await listedPrompt({ coverage: "purchased_only" });
    const buyer = await makeUser(t.db);
    await grantLicense(buyer, listed, { fromVersion: 1, toVersion: 1 });

    const page = await buyer.caller.prompt.bySlug({ slug: listed.prompt.slug });
    expect(page).toMatchObject({ bodyLocked: true, licensed: true, latestVersion: { number: 2, body: null, bodyLocked: true } });
    expect(leaks(page, [listed.words.v2])).toEqual([]);

    const versions = await buyer.caller.version.list({ promptId: listed.prompt.id });
    expect(versions.items.map((v) => [v.number, v.bodyLocked])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(versions.items[0].body).toBeNull();
    expect(versions.items[1].body).toContain(listed.words.v1);
    expect(leaks(versions, [listed.words.v2])).toEqual([]);

    expect((await buyer.caller.version.byId({ versionId: listed.v1.id })).body).toContain(listed.words.v1);
    expect(await buyer.caller.version.byId({ versionId: listed.v2.id })).toMatchObject({ body: null, bodyLocked: true });

    const diff = await buyer.caller.version.diff({ promptId: listed.prompt.id, from: 1, to: 2 });
    // The diff's text is withheld; each side follows its own version's access.
    expect(diff).toMatchObject({ bodyLocked: true, lines: [], from: { number: 1, bodyLocked: false }, to: { number: 2, body: null, bodyLocked: true } });
    expect(leaks(diff, [listed.words.v2])).toEqual([]);
    expect(await buyer.caller.version.diff({ promptId: listed.prompt.id, from: 1, to: 1 })).toMatchObject({ bodyLocked: false, unchanged: 1 });

    expect((await buyer.caller.prompt.render({ versionId: listed.v1.id, variables: { customer: "Ada" } })).text).toContain(listed.words.v1);
    await rejects(buyer.caller.prompt.render({ versionId: listed.v2.id, variables: { customer: "Ada", tone: "warm" } }), "FORBIDDEN", /buy a license/);

    await rejects(buyer.caller.prompt.fork({ versionId: listed.v2.id }), "FORBIDDEN");
    const fork = await buyer.caller.prompt.fork({ versionId: listed.v1.id });
    expect(fork).toMatchObject({ visibility: "private", forkedFrom: { number: 1 } });
  });

  it.each([
    ["a free listing", { priceCents: 0 }],
    ["a paused listing", { status: "paused" as const }],
    ["a draft listing", { status: "draft" as const }],
  ])("does not gate %s", async (_name, opts) => {
    const listed = await listedPrompt(opts);
    const other = await makeUser(t.db);
    await expectOpenEverywhere(listed, null);
    await expectOpenEverywhere(listed, other);
    expect(await other.caller.prompt.bySlug({ slug: listed.prompt.slug })).toMatchObject({ forSale: false, licensed: false });
    const results = await anonymous(t.db).prompt.search({ q: listed.words.v2 });
    expect(results.items.map((i) => i.id)).toEqual([listed.prompt.id]);
    expect(results.items[0].bodyLocked).toBe(false);
    const fork = await other.caller.prompt.fork({ versionId: listed.v2.id, visibility: "public" });
    expect(fork).toMatchObject({ visibility: "public", notice: null });
  });
});

describe("paid prompt bodies: forks", () => {
  it("lets a licensee fork only privately, and keeps copies of copies private", async () => {
    const listed = await listedPrompt();
    const buyer = await makeUser(t.db);
    await grantLicense(buyer, listed);

    const fork = await buyer.caller.prompt.fork({ versionId: listed.v2.id });
    expect(fork.visibility).toBe("private");
    expect(fork.notice).toMatch(/private/);
    expect(await t.db.prompt.findUniqueOrThrow({ where: { id: fork.id }, select: { visibility: true } })).toEqual({ visibility: "private" });

    await rejects(buyer.caller.prompt.fork({ versionId: listed.v2.id, visibility: "public" }), "FORBIDDEN", /stay private/);
    await rejects(buyer.caller.prompt.fork({ versionId: listed.v2.id, visibility: "unlisted" }), "FORBIDDEN", /stay private/);
    await rejects(buyer.caller.prompt.update({ promptId: fork.id, visibility: "public" }), "FORBIDDEN", /stay private/);
    await rejects(buyer.caller.prompt.update({ promptId: fork.id, visibility: "unlisted" }), "FORBIDDEN", /stay private/);
    expect(await buyer.caller.prompt.update({ promptId: fork.id, title: "My outreach copy" })).toMatchObject({ visibility: "private" });

    // Forking the private fork does not launder it into a public prompt.
    await rejects(buyer.caller.prompt.fork({ versionId: fork.version.id, visibility: "public" }), "FORBIDDEN", /stay private/);
    const grandchild = await buyer.caller.prompt.fork({ versionId: fork.version.id });
    expect(grandchild).toMatchObject({ visibility: "private", notice: expect.stringMatching(/private/) });
    await rejects(buyer.caller.prompt.update({ promptId: grandchild.id, visibility: "public" }), "FORBIDDEN");
  });

  it("lets the owner fork their own paid prompt publicly", async () => {
    const listed = await listedPrompt();
    const fork = await listed.seller.caller.prompt.fork({ versionId: listed.v2.id, visibility: "public" });
    expect(fork).toMatchObject({ visibility: "public", notice: null });
  });
});

describe("paid prompt bodies: lists, search, feed, profiles", () => {
  it("never matches, ranks or quotes a locked body in search", async () => {
    const listed = await listedPrompt();
    const buyer = await makeUser(t.db);
    const other = await makeUser(t.db);
    await grantLicense(buyer, listed);
    const secret = [listed.words.v1, listed.words.v2];

    for (const who of [null, other]) {
      for (const sort of ["relevance", "newest", "trending"] as const) {
        const found = await callerOf(who).prompt.search({ q: listed.words.v2, sort });
        expect(found.items.map((i) => i.id)).not.toContain(listed.prompt.id);
        expect(leaks(found, secret)).toEqual([]);
      }
      // The description still finds it, and the snippet quotes the description only.
      const byDescription = await callerOf(who).prompt.search({ q: listed.words.description });
      expect(byDescription.items.map((i) => i.id)).toEqual([listed.prompt.id]);
      expect(byDescription.items[0]).toMatchObject({ bodyLocked: true });
      expect(byDescription.items[0].snippet).toContain(`<mark>${listed.words.description}</mark>`);
      expect(leaks(byDescription, secret)).toEqual([]);
    }

    for (const who of [listed.seller, buyer]) {
      const found = await who.caller.prompt.search({ q: listed.words.v2 });
      expect(found.items.map((i) => i.id)).toEqual([listed.prompt.id]);
      expect(found.items[0].bodyLocked).toBe(false);
    }
    const admin = await makeUser(t.db, { role: "admin" });
    expect((await admin.caller.prompt.search({ q: listed.words.v2 })).items.map((i) => i.id)).toEqual([listed.prompt.id]);
  });

  it("does not let a licensee of v1 only find the prompt by v2's words", async () => {
    const listed = await listedPrompt({ coverage: "purchased_only" });
    const buyer = await makeUser(t.db);
    await grantLicense(buyer, listed, { fromVersion: 1, toVersion: 1 });
    const found = await buyer.caller.prompt.search({ q: listed.words.v2 });
    expect(found.items.map((i) => i.id)).not.toContain(listed.prompt.id);
  });

  it("marks locked cards in prompt.list and profile listings, without any body", async () => {
    const listed = await listedPrompt();
    const other = await makeUser(t.db);
    const secret = [listed.words.v1, listed.words.v2];
    const handle = listed.seller.user.handle;

    for (const who of [null, other]) {
      const profileList = await callerOf(who).prompt.list({ author: handle, limit: 10 });
      expect(profileList.items.map((i) => [i.id, i.bodyLocked])).toEqual([[listed.prompt.id, true]]);
      expect(leaks(profileList, secret)).toEqual([]);
      const everything = await callerOf(who).prompt.list({ limit: 100 });
      expect(everything.items.find((i) => i.id === listed.prompt.id)?.bodyLocked).toBe(true);
      expect(leaks(everything, secret)).toEqual([]);
      const profile = await callerOf(who).user.byHandle({ handle });
      expect(profile.promptCount).toBe(1);
      expect(leaks(profile, secret)).toEqual([]);
    }
    expect((await listed.seller.caller.prompt.list({ author: handle, limit: 10 })).items[0].bodyLocked).toBe(false);
  });

  it("keeps bodies out of the feed and says which versions are locked", async () => {
    const listed = await listedPrompt({ coverage: "purchased_only" });
    const follower = await makeUser(t.db);
    const buyer = await makeUser(t.db);
    await grantLicense(buyer, listed, { fromVersion: 1, toVersion: 1 });
    for (const who of [follower, buyer]) await who.caller.follow.follow({ handle: listed.seller.user.handle });

    const feed = await follower.caller.feed.mine({ limit: 20 });
    expect(feed.items.map((i) => [i.version.number, i.version.bodyLocked])).toEqual([
      [2, true],
      [1, true],
    ]);
    expect(leaks(feed, [listed.words.v1, listed.words.v2])).toEqual([]);

    const buyerFeed = await buyer.caller.feed.mine({ limit: 20 });
    expect(buyerFeed.items.map((i) => [i.version.number, i.version.bodyLocked])).toEqual([
      [2, true],
      [1, false],
    ]);
  });
});

describe("paid prompt reviews", () => {
  it("marks reviews by buyers as verified purchases, and only those", async () => {
    const listed = await listedPrompt();
    const buyer = await makeUser(t.db);
    const refunded = await makeUser(t.db);
    const visitor = await makeUser(t.db);
    // Ratings given before the prompt went on sale stay, without the badge; once it is on sale only
    // license holders may rate it.
    await t.db.listing.update({ where: { promptId: listed.prompt.id }, data: { status: "draft" } });
    await refunded.caller.social.rate({ promptId: listed.prompt.id, stars: 2, review: "Refunded" });
    await visitor.caller.social.rate({ promptId: listed.prompt.id, stars: 3, review: "Looks fine" });
    await t.db.listing.update({ where: { promptId: listed.prompt.id }, data: { status: "active" } });
    await grantLicense(buyer, listed);
    await grantLicense(refunded, listed, { status: "revoked", purchaseStatus: "refunded" });
    await buyer.caller.social.rate({ promptId: listed.prompt.id, stars: 5, review: "Worth it" });
    await expect(visitor.caller.social.rate({ promptId: listed.prompt.id, stars: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const ratings = await anonymous(t.db).social.ratings({ promptId: listed.prompt.id, limit: 10 });
    const verified = Object.fromEntries(ratings.items.map((r) => [r.author.handle, r.verifiedPurchase]));
    expect(verified).toEqual({ [buyer.user.handle]: true, [refunded.user.handle]: false, [visitor.user.handle]: false });
  });
});
