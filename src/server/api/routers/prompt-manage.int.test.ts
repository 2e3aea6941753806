// Managing what you publish: editing details, archiving and restoring, deleting, forking through
// the dialog's options, tag normalisation and suggestions, malformed {{slots}}.
import { describe, expect, it } from "vitest";
import { anonymous, makeUser } from "@/test/callers";
import { rejects } from "@/test/expect-trpc-error";
import { setUpTestDatabase } from "@/test/set-up-test-database";

const t = setUpTestDatabase();
type User = Awaited<ReturnType<typeof makeUser>>;

/** A refused call's field errors as the API's message puts them ("field: message"). */
const issuesOf = (error: { cause?: unknown }) => (error.cause as { issues: { path: (string | number)[]; message: string }[] }).issues.map((i) => `${i.path.join(".")}: ${i.message}`);

let seq = 0;
/** A word found nowhere else (letters only, so search stemming leaves it alone). */
const uniqueWord = (tag: string) => `${tag}${String(++seq).replace(/\d/g, (d) => "abcdefghij"[Number(d)])}`;

async function listAndLicense(seller: User, promptId: string, buyer?: User, opts: { status?: "active" | "paused"; priceCents?: number } = {}) {
  const listing = await t.db.listing.create({ data: { promptId, sellerId: seller.user.id, priceCents: opts.priceCents ?? 900, terms: "Personal use.", status: opts.status ?? "active" } });
  if (!buyer) return { listing, license: null };
  const purchase = await t.db.purchase.create({
    data: { listingId: listing.id, promptId, buyerId: buyer.user.id, sellerId: seller.user.id, amountCents: 900, currency: "usd", status: "paid", versionNumber: 1, licenseType: "personal", terms: "Personal use.", coverage: "purchased_and_later", paidAt: new Date() },
  });
  const license = await t.db.license.create({
    data: { key: `PQL-MANAGE-${purchase.id}`, purchaseId: purchase.id, listingId: listing.id, promptId, holderId: buyer.user.id, licenseType: "personal", terms: "Personal use.", coverage: "purchased_and_later", fromVersion: 1 },
  });
  return { listing, license };
}

describe("prompt.update (edit details)", () => {
  it("lets the owner change title, description, category, tags and visibility; the slug stays", async () => {
    const owner = await makeUser(t.db);
    const p = await owner.caller.prompt.create({ title: "Editable prompt", category: "writing", body: "Hello {{name}}" });
    const updated = await owner.caller.prompt.update({ promptId: p.id, title: "Edited title", description: "Now described", category: "coding", tags: ["Customer Support", "SQL"], visibility: "unlisted" });
    expect(updated).toMatchObject({ slug: p.slug, title: "Edited title", description: "Now described", category: "coding", tags: ["customer-support", "sql"], visibility: "unlisted" });
    expect(await anonymous(t.db).prompt.bySlug({ slug: p.slug })).toMatchObject({ title: "Edited title", visibility: "unlisted" });
  });

  it("is the owner's only: FORBIDDEN for others who can see it, NOT_FOUND for those who cannot", async () => {
    const owner = await makeUser(t.db);
    const other = await makeUser(t.db);
    const open = await owner.caller.prompt.create({ title: "Open one", category: "writing", body: "b" });
    const hidden = await owner.caller.prompt.create({ title: "Hidden one", category: "writing", body: "b", visibility: "private" });
    await rejects(other.caller.prompt.update({ promptId: open.id, title: "Hijacked" }), "FORBIDDEN");
    await rejects(other.caller.prompt.update({ promptId: hidden.id, title: "Hijacked" }), "NOT_FOUND");
    await rejects(anonymous(t.db).prompt.update({ promptId: open.id, title: "Hijacked" }), "UNAUTHORIZED");
    expect((await anonymous(t.db).prompt.bySlug({ slug: open.slug })).title).toBe("Open one");
  });

  it("names each bad field", async () => {
    const owner = await makeUser(t.db);
    const p = await owner.caller.prompt.create({ title: "Field errors", category: "writing", body: "b" });
    const error = await rejects(owner.caller.prompt.update({ promptId: p.id, title: "x", category: "nope" as never, tags: ["ok", "bad!"] }), "BAD_REQUEST");
    const issues = issuesOf(error);
    expect(issues).toContain("title: must be at least 3 characters");
    expect(issues).toContain("tags.1: tags start with a letter or digit (a–z, 0–9) and may also use spaces, dashes, +, # and dots");
    expect(issues.some((i) => i.startsWith("category: must be one of"))).toBe(true);
  });

  it("refuses making a prompt private while it is on sale, or while people hold licenses for it", async () => {
    const owner = await makeUser(t.db);
    const buyer = await makeUser(t.db);
    const p = await owner.caller.prompt.create({ title: "On sale", category: "writing", body: "Paid {{thing}}" });
    const { listing } = await listAndLicense(owner, p.id, buyer);
    await rejects(owner.caller.prompt.update({ promptId: p.id, visibility: "private" }), "CONFLICT", /^visibility: cannot be private while the prompt is on sale/);
    // Pausing the listing does not strand the licensee either.
    await t.db.listing.update({ where: { id: listing.id }, data: { status: "paused" } });
    await rejects(owner.caller.prompt.update({ promptId: p.id, visibility: "private" }), "CONFLICT", /^visibility: cannot be private while people hold licenses/);
    expect((await buyer.caller.prompt.bySlug({ slug: p.slug })).visibility).toBe("public");
    // Unlisted keeps licensees' access, so it is allowed; so is every other field.
    await owner.caller.prompt.update({ promptId: p.id, visibility: "unlisted", title: "Still on sale" });

    const free = await owner.caller.prompt.create({ title: "Listed for free", category: "writing", body: "b" });
    const { listing: freeListing } = await listAndLicense(owner, free.id, undefined, { priceCents: 0 });
    expect((await owner.caller.prompt.update({ promptId: free.id, visibility: "private" })).visibility).toBe("private");
    // Nobody can claim from a private prompt, so its free listing is paused rather than left "on sale".
    expect((await t.db.listing.findUniqueOrThrow({ where: { id: freeListing.id } })).status).toBe("paused");
  });

  it("never lets a prompt go private under a license claimed at the same moment", async () => {
    for (let i = 0; i < 6; i++) {
      const owner = await makeUser(t.db);
      const claimer = await makeUser(t.db);
      const p = await owner.caller.prompt.create({ title: `Race ${i}`, category: "writing", body: "b" });
      const listing = await owner.caller.listing.create({ promptId: p.id, priceCents: 0, terms: "Personal use.", status: "active" });
      const [privateResult, claimResult] = await Promise.allSettled([
        owner.caller.prompt.update({ promptId: p.id, visibility: "private" }),
        claimer.caller.listing.claimFree({ listingId: listing.id }),
      ]);
      // Exactly one wins: a private prompt with an active license would strand its licensee.
      expect([privateResult.status, claimResult.status].filter((s) => s === "fulfilled")).toHaveLength(1);
      const row = await t.db.prompt.findUniqueOrThrow({ where: { id: p.id } });
      const licenses = await t.db.license.count({ where: { promptId: p.id, status: "active" } });
      expect(row.visibility === "private" && licenses > 0).toBe(false);
    }
  });
});

describe("prompt.archive / restore", () => {
  it("takes a prompt out of search, profiles, feeds, trending, lists, forks and the Market, and brings it back", async () => {
    const owner = await makeUser(t.db);
    const follower = await makeUser(t.db);
    await follower.caller.follow.follow({ handle: owner.user.handle });
    const word = uniqueWord("archivable");
    const p = await owner.caller.prompt.create({ title: `Archive me ${word}`, category: "writing", tags: ["Archive Test"], body: `About ${word} {{x}}` });
    const sibling = await owner.caller.prompt.create({ title: "Stays listed", category: "writing", body: "b" });
    await listAndLicense(owner, p.id, undefined, { priceCents: 0 });

    const visibleEverywhere = async () => ({
      search: (await anonymous(t.db).prompt.search({ q: word, limit: 10 })).items.some((i) => i.id === p.id),
      byTag: (await anonymous(t.db).prompt.search({ tag: "Archive Test", limit: 10 })).items.some((i) => i.id === p.id),
      trending: (await anonymous(t.db).prompt.search({ sort: "trending", author: owner.user.handle, limit: 50 })).items.some((i) => i.id === p.id),
      ownSearch: (await owner.caller.prompt.search({ q: word, limit: 10 })).items.some((i) => i.id === p.id),
      profile: (await anonymous(t.db).prompt.list({ author: owner.user.handle, limit: 50 })).items.some((i) => i.id === p.id),
      profileCount: (await anonymous(t.db).user.byHandle({ handle: owner.user.handle })).promptCount,
      feed: (await follower.caller.feed.mine({ limit: 50 })).items.some((i) => i.prompt.id === p.id),
      market: (await anonymous(t.db).listing.list({ limit: 50, sort: "newest" })).items.some((i) => i.promptId === p.id),
    });
    expect(await visibleEverywhere()).toEqual({ search: true, byTag: true, trending: true, ownSearch: true, profile: true, profileCount: 2, feed: true, market: true });

    const archived = await owner.caller.prompt.archive({ promptId: p.id });
    expect(archived.archivedAt).toBeInstanceOf(Date);
    expect(await visibleEverywhere()).toEqual({ search: false, byTag: false, trending: false, ownSearch: false, profile: false, profileCount: 1, feed: false, market: false });
    expect((await anonymous(t.db).prompt.list({ author: owner.user.handle, limit: 50 })).items.map((i) => i.id)).toEqual([sibling.id]);
    // Archiving twice keeps the first date.
    expect((await owner.caller.prompt.archive({ promptId: p.id })).archivedAt).toEqual(archived.archivedAt);

    await owner.caller.prompt.restore({ promptId: p.id });
    expect(await visibleEverywhere()).toEqual({ search: true, byTag: true, trending: true, ownSearch: true, profile: true, profileCount: 2, feed: true, market: true });
    expect((await anonymous(t.db).prompt.bySlug({ slug: p.slug })).archivedAt).toBeNull();
  });

  it("keeps the page for its owner and licensees (with archivedAt set); everyone else gets NOT_FOUND", async () => {
    const owner = await makeUser(t.db);
    const buyer = await makeUser(t.db);
    const stranger = await makeUser(t.db);
    const p = await owner.caller.prompt.create({ title: "Archived but licensed", category: "writing", body: "Secret {{x}}" });
    const { listing } = await listAndLicense(owner, p.id, buyer);
    await owner.caller.prompt.archive({ promptId: p.id });

    const ownerView = await owner.caller.prompt.bySlug({ slug: p.slug });
    expect(ownerView.archivedAt).toBeInstanceOf(Date);
    const buyerView = await buyer.caller.prompt.bySlug({ slug: p.slug });
    expect(buyerView.archivedAt).toBeInstanceOf(Date);
    expect(buyerView.latestVersion?.body).toBe("Secret {{x}}");
    expect((await buyer.caller.version.list({ promptId: p.id, limit: 10 })).items).toHaveLength(1);

    await rejects(stranger.caller.prompt.bySlug({ slug: p.slug }), "NOT_FOUND");
    await rejects(anonymous(t.db).prompt.bySlug({ slug: p.slug }), "NOT_FOUND");
    await rejects(stranger.caller.version.byId({ versionId: p.version.id }), "NOT_FOUND");
    await rejects(stranger.caller.social.like({ promptId: p.id }), "NOT_FOUND");
    // Its listing is not buyable: not listed, and checkout refuses.
    await rejects(stranger.caller.listing.byId({ listingId: listing.id }), "NOT_FOUND");
    await rejects(stranger.caller.listing.claimFree({ listingId: listing.id }), "NOT_FOUND");
  });

  it("is the owner's only", async () => {
    const owner = await makeUser(t.db);
    const other = await makeUser(t.db);
    const open = await owner.caller.prompt.create({ title: "Not yours to archive", category: "writing", body: "b" });
    const hidden = await owner.caller.prompt.create({ title: "Not yours to see", category: "writing", body: "b", visibility: "private" });
    await rejects(other.caller.prompt.archive({ promptId: open.id }), "FORBIDDEN");
    await rejects(other.caller.prompt.archive({ promptId: hidden.id }), "NOT_FOUND");
    await owner.caller.prompt.archive({ promptId: open.id });
    await rejects(other.caller.prompt.restore({ promptId: open.id }), "NOT_FOUND");
    await rejects(anonymous(t.db).prompt.archive({ promptId: open.id }), "UNAUTHORIZED");
  });

  it("keeps an archived parent in its forks' lineage, without a link for those who cannot open it", async () => {
    const owner = await makeUser(t.db);
    const forker = await makeUser(t.db);
    const root = await owner.caller.prompt.create({ title: "Archived parent", category: "writing", body: "b {{x}}" });
    const fork = await forker.caller.prompt.fork({ versionId: root.version.id, visibility: "public" });
    await owner.caller.prompt.archive({ promptId: root.id });

    const lineage = await anonymous(t.db).prompt.lineage({ promptId: fork.id });
    expect(lineage.ancestors).toMatchObject([{ id: root.id, archived: true, canOpen: false }]);
    expect((await owner.caller.prompt.lineage({ promptId: root.id })).prompt).toMatchObject({ archived: true, canOpen: true });
    expect((await anonymous(t.db).prompt.bySlug({ slug: fork.slug })).forkedFrom?.prompt).toMatchObject({ id: root.id, archived: true });
    // An archived fork leaves its parent's lineage for others, not for its owner.
    await forker.caller.prompt.archive({ promptId: fork.id });
    await owner.caller.prompt.restore({ promptId: root.id });
    expect((await anonymous(t.db).prompt.lineage({ promptId: root.id })).counts).toEqual({ directForks: 0, descendants: 0 });
    expect((await forker.caller.prompt.lineage({ promptId: root.id })).descendants.map((d) => d.id)).toEqual([fork.id]);
  });
});

describe("prompt.delete", () => {
  it("deletes a prompt nobody depends on, with everything that hangs off it, and says what it removed", async () => {
    const owner = await makeUser(t.db);
    const fan = await makeUser(t.db);
    const p = await owner.caller.prompt.create({ title: "Delete me", category: "writing", body: "v1 {{x}}" });
    const v2 = await owner.caller.version.create({ promptId: p.id, body: "v2 {{x}}" });
    await owner.caller.version.promote({ versionId: v2.id });
    await fan.caller.social.like({ promptId: p.id });
    await fan.caller.social.comment({ promptId: p.id, body: "Nice" });

    const impact = await owner.caller.prompt.deletionImpact({ promptId: p.id });
    expect(impact).toMatchObject({ canDelete: true, refusal: null, blockers: [], loses: { versions: 2, likes: 1, comments: 1, capturesLinked: 0, listing: false } });

    const result = await owner.caller.prompt.delete({ promptId: p.id });
    expect(result).toMatchObject({ deleted: true, ownerHandle: owner.user.handle, removed: { versions: 2 } });
    await rejects(owner.caller.prompt.bySlug({ slug: p.slug }), "NOT_FOUND");
    // The cascade went through the immutable versions (the trigger refuses updates, not deletes).
    expect(await t.db.promptVersion.count({ where: { promptId: p.id } })).toBe(0);
    expect(await t.db.promptLabel.count({ where: { promptId: p.id } })).toBe(0);
    expect(await t.db.like.count({ where: { promptId: p.id } })).toBe(0);
    expect(await t.db.comment.count({ where: { promptId: p.id } })).toBe(0);
  });

  it("still refuses to change a version in place", async () => {
    const owner = await makeUser(t.db);
    const p = await owner.caller.prompt.create({ title: "Immutable", category: "writing", body: "fixed" });
    await expect(t.db.promptVersion.update({ where: { id: p.version.id }, data: { body: "changed" } })).rejects.toThrow(/immutable/);
  });

  it("refuses with sales, licenses or forks (409, saying why and suggesting archiving)", async () => {
    const owner = await makeUser(t.db);
    const buyer = await makeUser(t.db);
    const forker = await makeUser(t.db);

    const sold = await owner.caller.prompt.create({ title: "Sold one", category: "writing", body: "b" });
    await listAndLicense(owner, sold.id, buyer);
    await rejects(owner.caller.prompt.delete({ promptId: sold.id }), "CONFLICT", /cannot be deleted: it has a sale; someone holds a license for it\. Archive it instead/);
    expect(await owner.caller.prompt.deletionImpact({ promptId: sold.id })).toMatchObject({ canDelete: false });

    // A private fork of someone else blocks too, without saying how many.
    const forked = await owner.caller.prompt.create({ title: "Forked one", category: "writing", body: "b" });
    await forker.caller.prompt.fork({ versionId: forked.version.id });
    await rejects(owner.caller.prompt.delete({ promptId: forked.id }), "CONFLICT", /it has forks that keep its lineage\. Archive it instead/);

    // A pending purchase (checkout started) is a sale record too.
    const pending = await owner.caller.prompt.create({ title: "Pending one", category: "writing", body: "b" });
    const { listing } = await listAndLicense(owner, pending.id);
    await t.db.purchase.create({
      data: { listingId: listing.id, promptId: pending.id, buyerId: buyer.user.id, sellerId: owner.user.id, amountCents: 900, currency: "usd", versionNumber: 1, licenseType: "personal", terms: "x", coverage: "purchased_and_later" },
    });
    await rejects(owner.caller.prompt.delete({ promptId: pending.id }), "CONFLICT", /it has a sale/);

    for (const id of [sold.id, forked.id, pending.id]) expect(await t.db.prompt.count({ where: { id } })).toBe(1);
  });

  it("is the owner's only, and keeps the parent's public fork count exact", async () => {
    const owner = await makeUser(t.db);
    const other = await makeUser(t.db);
    const root = await owner.caller.prompt.create({ title: "Parent of a deleted fork", category: "writing", body: "b" });
    const fork = await other.caller.prompt.fork({ versionId: root.version.id, visibility: "public" });
    expect((await anonymous(t.db).prompt.bySlug({ slug: root.slug })).forkCount).toBe(1);
    await rejects(owner.caller.prompt.delete({ promptId: fork.id }), "FORBIDDEN");
    await rejects(anonymous(t.db).prompt.delete({ promptId: fork.id }), "UNAUTHORIZED");
    await other.caller.prompt.delete({ promptId: fork.id });
    expect((await anonymous(t.db).prompt.bySlug({ slug: root.slug })).forkCount).toBe(0);
    const hidden = await owner.caller.prompt.create({ title: "Private to delete", category: "writing", body: "b", visibility: "private" });
    await rejects(other.caller.prompt.delete({ promptId: hidden.id }), "NOT_FOUND");
    await rejects(other.caller.prompt.deletionImpact({ promptId: hidden.id }), "NOT_FOUND");
  });
});

describe("prompt.fork options", () => {
  it("makes a private fork titled '<title> (fork)' by default, or what was asked", async () => {
    const owner = await makeUser(t.db);
    const forker = await makeUser(t.db);
    const root = await owner.caller.prompt.create({ title: "Fork source", category: "writing", body: "b {{x}}" });
    const byDefault = await forker.caller.prompt.fork({ versionId: root.version.id });
    expect(byDefault.visibility).toBe("private");
    expect(await forker.caller.prompt.bySlug({ slug: byDefault.slug })).toMatchObject({ title: "Fork source (fork)", visibility: "private" });
    await rejects(anonymous(t.db).prompt.bySlug({ slug: byDefault.slug }), "NOT_FOUND");
    expect((await anonymous(t.db).prompt.bySlug({ slug: root.slug })).forkCount).toBe(0);

    const chosen = await forker.caller.prompt.fork({ versionId: root.version.id, title: "My own take", visibility: "public" });
    expect(await anonymous(t.db).prompt.bySlug({ slug: chosen.slug })).toMatchObject({ title: "My own take", visibility: "public" });
    await rejects(forker.caller.prompt.fork({ versionId: root.version.id, title: "x" }), "BAD_REQUEST", /title/);
  });
});

describe("lineage counts", () => {
  it("counts only the forks the viewer can see, and agrees with the list", async () => {
    const owner = await makeUser(t.db);
    const bob = await makeUser(t.db);
    const root = await owner.caller.prompt.create({ title: "Counted root", category: "writing", body: "b" });
    const open = await bob.caller.prompt.fork({ versionId: root.version.id, visibility: "public" });
    await bob.caller.prompt.fork({ versionId: root.version.id, visibility: "private" });
    await bob.caller.prompt.fork({ versionId: root.version.id, visibility: "unlisted" });
    await owner.caller.prompt.fork({ versionId: open.version.id, visibility: "public" });

    const anon = await anonymous(t.db).prompt.lineage({ promptId: root.id });
    expect(anon.counts).toEqual({ directForks: 1, descendants: 2 });
    expect(anon.descendants).toHaveLength(2);
    const bobs = await bob.caller.prompt.lineage({ promptId: root.id });
    expect(bobs.counts).toEqual({ directForks: 3, descendants: 4 });
    expect(bobs.descendants.filter((d) => d.depth === 1)).toHaveLength(3);
  });
});

describe("tags", () => {
  it("stores one spelling, and search by tag finds every spelling", async () => {
    const owner = await makeUser(t.db);
    const word = uniqueWord("tagnorm");
    const a = await owner.caller.prompt.create({ title: "Tagged A", category: "writing", tags: [`Customer Support ${word}`], body: "b" });
    const b = await owner.caller.prompt.create({ title: "Tagged B", category: "writing", tags: [`customer-support-${word}`, `CUSTOMER  support ${word}`], body: "b" });
    expect((await anonymous(t.db).prompt.bySlug({ slug: a.slug })).tags).toEqual([`customer-support-${word}`]);
    expect((await anonymous(t.db).prompt.bySlug({ slug: b.slug })).tags).toEqual([`customer-support-${word}`]);
    for (const spelling of [`Customer Support ${word}`, `customer-support-${word}`]) {
      const found = await anonymous(t.db).prompt.search({ tag: spelling, limit: 10 });
      expect(found.items.map((i) => i.id).sort()).toEqual([a.id, b.id].sort());
    }
  });

  it("suggests existing public tags, starting-with first, then most used", async () => {
    const owner = await makeUser(t.db);
    const w = uniqueWord("sugg");
    await owner.caller.prompt.create({ title: "Suggest 1", category: "writing", tags: [`${w}-email`, `${w}-tone`], body: "b" });
    await owner.caller.prompt.create({ title: "Suggest 2", category: "writing", tags: [`${w}-tone`], body: "b" });
    await owner.caller.prompt.create({ title: "Suggest 3", category: "writing", tags: [`x-${w}`], body: "b" });
    await owner.caller.prompt.create({ title: "Suggest 4", category: "writing", tags: [`${w}-secret`], body: "b", visibility: "private" });
    const archived = await owner.caller.prompt.create({ title: "Suggest 5", category: "writing", tags: [`${w}-gone`], body: "b" });
    await owner.caller.prompt.archive({ promptId: archived.id });

    const { items } = await anonymous(t.db).prompt.tagSuggestions({ query: w.toUpperCase() });
    expect(items).toEqual([
      { tag: `${w}-tone`, uses: 2 },
      { tag: `${w}-email`, uses: 1 },
      { tag: `x-${w}`, uses: 1 },
    ]);
    expect((await anonymous(t.db).prompt.tagSuggestions({ query: w, limit: 1 })).items).toHaveLength(1);
    await rejects(anonymous(t.db).prompt.tagSuggestions({ query: w, limit: 50 }), "BAD_REQUEST", /limit/);
  });
});

describe("invalid {{variable}} names", () => {
  it("are refused by prompt.create and version.create with a 400 naming the slot", async () => {
    const owner = await makeUser(t.db);
    const e1 = await rejects(owner.caller.prompt.create({ title: "Bad slot", category: "writing", body: "Hi {{agent name}}, {{ok}}" }), "BAD_REQUEST");
    expect(issuesOf(e1)).toEqual(['body: "{{agent name}}" is not a valid variable name; use letters, digits and _ (e.g. agent_name)']);
    expect(await t.db.prompt.count({ where: { title: "Bad slot", ownerId: owner.user.id } })).toBe(0);

    const p = await owner.caller.prompt.create({ title: "Good slots", category: "writing", body: "Hi {{ name }} {{tone|warm, kind}}" });
    const e2 = await rejects(owner.caller.version.create({ promptId: p.id, body: "{{1st}} and {{a-b}} and {{}}" }), "BAD_REQUEST");
    expect(issuesOf(e2)).toEqual([
      'body: "{{1st}}" is not a valid variable name; a name cannot start with a digit (e.g. _1st)',
      'body: "{{a-b}}" is not a valid variable name; use letters, digits and _ (e.g. a_b)',
      'body: "{{}}" has no variable name; put one between the braces (e.g. {{name}})',
    ]);
    expect((await owner.caller.version.list({ promptId: p.id, limit: 10 })).items).toHaveLength(1);
  });
});

describe("prompt.list({ archived: true })", () => {
  it("lists the viewer's own archived prompts only", async () => {
    const owner = await makeUser(t.db);
    const other = await makeUser(t.db);
    const kept = await owner.caller.prompt.create({ title: "Kept live", category: "writing", body: "b" });
    const gone = await owner.caller.prompt.create({ title: "Put away", category: "writing", body: "b" });
    await owner.caller.prompt.archive({ promptId: gone.id });
    expect((await owner.caller.prompt.list({ archived: true, limit: 10 })).items.map((i) => i.id)).toEqual([gone.id]);
    expect((await owner.caller.prompt.list({ author: owner.user.handle, limit: 10 })).items.map((i) => i.id)).toEqual([kept.id]);
    expect((await other.caller.prompt.list({ archived: true, author: owner.user.handle, limit: 10 })).items).toEqual([]);
    expect((await anonymous(t.db).prompt.list({ archived: true, limit: 10 })).items).toEqual([]);
  });
});
