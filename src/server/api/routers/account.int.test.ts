// Account settings through the user router: changing the password and the email, deleting the
// account (prompts people paid for archived and still readable by their licensees, the rest gone,
// no sign-in and no session afterwards, counters on others' prompts exact) and the data export.
import { describe, expect, it } from "vitest";
import { DomainError } from "@/server/domain/errors";
import { createApiKey } from "@/server/domain/api-keys/api-keys";
import { authenticateApiKey } from "@/server/domain/api-keys/api-keys";
import { findSessionUser } from "@/server/domain/users/session-user";
import { credentialStampOf } from "@/server/domain/users/credential-stamp";
import { verifyCredentials } from "@/server/domain/users/verify-credentials";
import { anonymous, makeUser } from "@/test/callers";
import { rejects } from "@/test/expect-trpc-error";
import { setUpTestDatabase } from "@/test/set-up-test-database";

const t = setUpTestDatabase();
const PASSWORD = "correct horse battery";

describe("change password", () => {
  it("needs the current password, validates the new one, and then only the new one signs in", async () => {
    const { caller, user } = await makeUser(t.db);
    const wrong = await rejects(caller.user.changePassword({ currentPassword: "not my password", newPassword: "a brand new secret" }), "BAD_REQUEST", /currentPassword/);
    expect((wrong.cause as DomainError).fieldErrors).toEqual({ currentPassword: ["is not your current password"] });
    await rejects(caller.user.changePassword({ newPassword: "a brand new secret" }), "BAD_REQUEST", /currentPassword/);
    await rejects(caller.user.changePassword({ currentPassword: PASSWORD, newPassword: "short" }), "BAD_REQUEST", /newPassword/);
    expect(await verifyCredentials(t.db, user.email!, PASSWORD)).not.toBeNull();

    expect(await caller.user.changePassword({ currentPassword: PASSWORD, newPassword: "a brand new secret" })).toEqual({ changed: true });
    expect(await verifyCredentials(t.db, user.email!, "a brand new secret")).toMatchObject({ id: user.id });
    expect(await verifyCredentials(t.db, user.email!, PASSWORD)).toBeNull();
    await rejects(anonymous(t.db).user.changePassword({ currentPassword: PASSWORD, newPassword: "whatever1234" }), "UNAUTHORIZED");
  });

  it("ends every session signed in with the old password; a session signed in with the new one works", async () => {
    const { caller, user } = await makeUser(t.db);
    const oldStamp = await credentialStampOf(t.db, user.id);
    expect(await findSessionUser(t.db, user.id, oldStamp)).toMatchObject({ id: user.id });
    expect(await findSessionUser(t.db, user.id, oldStamp)).not.toHaveProperty("passwordHash");
    await caller.user.changePassword({ currentPassword: PASSWORD, newPassword: "a brand new secret" });
    expect(await findSessionUser(t.db, user.id, oldStamp)).toBeNull();
    const newStamp = await credentialStampOf(t.db, user.id);
    expect(newStamp).not.toBe(oldStamp);
    expect(await findSessionUser(t.db, user.id, newStamp)).toMatchObject({ id: user.id });
  });
});

describe("change email", () => {
  it("changes to a valid, unused address with the password; the new email signs in, the old one not", async () => {
    const { caller, user } = await makeUser(t.db);
    const other = await makeUser(t.db);
    await rejects(caller.user.changeEmail({ email: "not-an-email", currentPassword: PASSWORD }), "BAD_REQUEST", /email/);
    const taken = await rejects(caller.user.changeEmail({ email: other.user.email!.toUpperCase(), currentPassword: PASSWORD }), "CONFLICT", /email/);
    expect((taken.cause as DomainError).fieldErrors).toEqual({ email: ["is already registered"] });
    await rejects(caller.user.changeEmail({ email: "fresh@example.com", currentPassword: "nope" }), "BAD_REQUEST", /currentPassword/);
    await rejects(caller.user.changeEmail({ email: "fresh@example.com" }), "BAD_REQUEST", /currentPassword/);

    expect(await caller.user.changeEmail({ email: " Fresh@Example.com ", currentPassword: PASSWORD })).toEqual({ email: "fresh@example.com" });
    expect(await caller.user.me()).toMatchObject({ email: "fresh@example.com" });
    expect(await verifyCredentials(t.db, "fresh@example.com", PASSWORD)).toMatchObject({ id: user.id });
    expect(await verifyCredentials(t.db, user.email!, PASSWORD)).toBeNull();
  });
});

describe("delete account", () => {
  async function sellerWithSale() {
    const seller = await makeUser(t.db);
    const sold = await seller.caller.prompt.create({ title: "Sold prompt", category: "writing", body: "Paid body {{x}}" });
    const listing = await seller.caller.listing.create({ promptId: sold.id, priceCents: 0, currency: "usd", licenseType: "personal" });
    const unsold = await seller.caller.prompt.create({ title: "Unsold prompt", category: "writing", body: "Nobody bought me" });
    const buyer = await makeUser(t.db);
    await buyer.caller.listing.claimFree({ listingId: listing.id });
    return { seller, sold, unsold, listing, buyer };
  }

  it("says beforehand what stays and what goes", async () => {
    const { seller, sold, unsold } = await sellerWithSale();
    const plan = await seller.caller.user.deletionPlan();
    expect(plan.keptPrompts).toEqual([{ id: sold.id, slug: sold.slug, title: "Sold prompt", sales: 1, licenses: 1, forks: 0 }]);
    expect(plan.deletedPrompts.map((p) => p.id)).toEqual([unsold.id]);
    expect(plan.counts).toMatchObject({ listings: 1, comments: 0 });
  });

  it("keeps (archived) a prompt someone else forked, so the fork's lineage survives; says so beforehand", async () => {
    const author = await makeUser(t.db);
    const forked = await author.caller.prompt.create({ title: "Forked original", category: "writing", body: "Original {{x}}" });
    const alone = await author.caller.prompt.create({ title: "Nobody forked me", category: "writing", body: "Alone {{x}}" });
    const forker = await makeUser(t.db);
    const fork = await forker.caller.prompt.fork({ versionId: forked.version.id, visibility: "public" });
    const plan = await author.caller.user.deletionPlan();
    expect(plan.keptPrompts).toEqual([expect.objectContaining({ id: forked.id, forks: 1, sales: 0, licenses: 0 })]);
    expect(plan.deletedPrompts.map((p) => p.id)).toEqual([alone.id]);

    await author.caller.user.deleteAccount({ confirmHandle: author.user.handle, currentPassword: PASSWORD });
    expect(await t.db.prompt.findUnique({ where: { id: forked.id }, select: { archivedAt: true } })).toMatchObject({ archivedAt: expect.any(Date) });
    expect(await t.db.prompt.findUnique({ where: { id: alone.id } })).toBeNull();
    const lineage = await forker.caller.prompt.lineage({ promptId: fork.id });
    expect(lineage.ancestors).toEqual([expect.objectContaining({ title: "Forked original" })]);
  });

  it("keeps an organisation's prompts and its admin: the last admin appoints another first", async () => {
    const admin = await makeUser(t.db);
    const member = await makeUser(t.db);
    const org = await admin.caller.org.create({ name: `Deletion test ${member.user.handle}`, slug: `deletion-${member.user.handle}` });
    await t.db.membership.create({ data: { orgId: org.id, userId: member.user.id, role: "contributor" } });
    const orgPrompt = await admin.caller.prompt.create({ title: "The team's prompt", category: "writing", body: "Team {{x}}", orgId: org.id });
    const refused = await rejects(admin.caller.user.deleteAccount({ confirmHandle: admin.user.handle, currentPassword: PASSWORD }), "CONFLICT", /only admin of Deletion test/);
    expect(refused.message).toMatch(/make another member admin/);
    expect(await findSessionUser(t.db, admin.user.id)).not.toBeNull();

    await admin.caller.org.setRole({ orgId: org.id, handle: member.user.handle, role: "admin" });
    await admin.caller.user.deleteAccount({ confirmHandle: admin.user.handle, currentPassword: PASSWORD });
    // The organisation keeps its prompt and its other admin; the deleted account is no member any more.
    expect(await t.db.prompt.findUnique({ where: { id: orgPrompt.id }, select: { orgId: true, archivedAt: true } })).toEqual({ orgId: org.id, archivedAt: null });
    expect(await t.db.membership.findMany({ where: { orgId: org.id }, select: { userId: true, role: true } })).toEqual([{ userId: member.user.id, role: "admin" }]);
  });

  it("needs the typed handle and the password", async () => {
    const { caller, user } = await makeUser(t.db);
    const bad = await rejects(caller.user.deleteAccount({ confirmHandle: "someone-else", currentPassword: PASSWORD }), "BAD_REQUEST", /confirmHandle/);
    expect((bad.cause as DomainError).fieldErrors).toEqual({ confirmHandle: [`must be your handle, ${user.handle}`] });
    await rejects(caller.user.deleteAccount({ confirmHandle: user.handle, currentPassword: "wrong one" }), "BAD_REQUEST", /currentPassword/);
    expect(await findSessionUser(t.db, user.id)).not.toBeNull();
  });

  it("archives prompts people bought (licensees still read them), deletes the rest, anonymises the row, ends sign-in and sessions", async () => {
    const { seller, sold, unsold, buyer } = await sellerWithSale();
    const { key } = await createApiKey(t.db, seller.actor, { name: "laptop" });
    expect(await authenticateApiKey(t.db, key)).toMatchObject({ id: seller.user.id });
    // Social traces on someone else's prompt, with counters to keep exact.
    const { caller: otherCaller, user: other } = await makeUser(t.db);
    const theirs = await otherCaller.prompt.create({ title: "Someone else's", category: "writing", body: "Hello" });
    await seller.caller.social.like({ promptId: theirs.id });
    await seller.caller.social.rate({ promptId: theirs.id, stars: 2 });
    await buyer.caller.social.rate({ promptId: theirs.id, stars: 4 });
    const threadStart = await seller.caller.social.comment({ promptId: theirs.id, body: "Seller's question" });
    await otherCaller.social.comment({ promptId: theirs.id, body: "Owner's answer", parentId: threadStart.id });
    await seller.caller.social.comment({ promptId: theirs.id, body: "Lonely remark" });
    await seller.caller.follow.follow({ handle: other.handle });
    // A buyer's comment on the seller's kept prompt stays.
    await buyer.caller.social.comment({ promptId: sold.id, body: "Bought it, love it" });

    const result = await seller.caller.user.deleteAccount({ confirmHandle: seller.user.handle.toUpperCase(), currentPassword: PASSWORD });
    expect(result).toEqual({ deleted: true, archivedPrompts: 1, deletedPrompts: 1 });

    // The row stays, anonymised, with no way in.
    const row = await t.db.user.findUniqueOrThrow({ where: { id: seller.user.id }, omit: { passwordHash: false } });
    expect(row).toMatchObject({ email: null, passwordHash: null, name: "Deleted user", image: null, bio: "" });
    expect(row.handle).toMatch(/^deleted-/);
    expect(row.deletedAt).toBeInstanceOf(Date);
    expect(await verifyCredentials(t.db, seller.user.email!, PASSWORD)).toBeNull();
    expect(await findSessionUser(t.db, seller.user.id)).toBeNull();
    expect(await authenticateApiKey(t.db, key)).toBeNull();
    expect(await t.db.session.count({ where: { userId: seller.user.id } })).toBe(0);
    await rejects(anonymous(t.db).user.byHandle({ handle: row.handle }), "NOT_FOUND");
    await rejects(anonymous(t.db).user.byHandle({ handle: seller.user.handle }), "NOT_FOUND");
    // Nobody can take a name that looks like a deleted account's.
    await rejects(anonymous(t.db).user.signUp({ email: "impostor@example.com", password: PASSWORD, handle: "deleted-abc123" }), "CONFLICT", /reserved/);

    // The sold prompt is archived and still readable (its body too) by its licensee; the other is gone.
    expect((await t.db.prompt.findUniqueOrThrow({ where: { id: sold.id } })).archivedAt).toBeInstanceOf(Date);
    const asBuyer = await buyer.caller.prompt.bySlug({ slug: sold.slug });
    expect(asBuyer).toMatchObject({ id: sold.id, owner: { handle: row.handle } });
    expect((await buyer.caller.license.mine())[0]).toMatchObject({ status: "active" });
    expect(await t.db.listing.findFirst({ where: { promptId: sold.id }, select: { status: true } })).toEqual({ status: "paused" });
    await rejects(anonymous(t.db).prompt.bySlug({ slug: unsold.slug }), "NOT_FOUND");
    expect(await t.db.prompt.count({ where: { id: unsold.id } })).toBe(0);
    expect((await buyer.caller.social.comments({ promptId: sold.id })).items.map((c) => c.body)).toEqual(["Bought it, love it"]);

    // Others' counters are exact: the like, the rating and two comments are taken back; the thread keeps a placeholder.
    const after = await t.db.prompt.findUniqueOrThrow({ where: { id: theirs.id } });
    expect(after).toMatchObject({ likeCount: 0, ratingCount: 1, ratingSum: 4, commentCount: 1 });
    const thread = await otherCaller.social.comments({ promptId: theirs.id });
    expect(thread.items).toHaveLength(1);
    expect(thread.items[0]).toMatchObject({ deleted: true, author: null, body: "", replies: [{ body: "Owner's answer" }] });
    expect(await t.db.follow.count({ where: { followerId: seller.user.id } })).toBe(0);
    expect(await t.db.apiKey.count({ where: { userId: seller.user.id } })).toBe(0);
  });
});

describe("export", () => {
  it("contains the caller's own data, every version, and no secrets", async () => {
    const me = await makeUser(t.db);
    const other = await makeUser(t.db);
    const prompt = await me.caller.prompt.create({ title: "Exported prompt", category: "writing", body: "First body" });
    await me.caller.version.create({ promptId: prompt.id, body: "Second body", changelog: "tweak" });
    const theirs = await other.caller.prompt.create({ title: "Their prompt", category: "writing", body: "Not mine" });
    await me.caller.social.comment({ promptId: theirs.id, body: "My comment" });
    await me.caller.social.rate({ promptId: theirs.id, stars: 4 });
    await me.caller.social.like({ promptId: theirs.id });
    await me.caller.follow.follow({ handle: other.user.handle });
    await other.caller.social.comment({ promptId: prompt.id, body: "Their comment" });
    const { key } = await createApiKey(t.db, me.actor, { name: "ci" });

    const data = await me.caller.user.exportData();
    expect(data.profile).toMatchObject({ id: me.user.id, handle: me.user.handle, email: me.user.email });
    expect(data.prompts.map((p) => p.title)).toEqual(["Exported prompt"]);
    expect(data.prompts[0].versions.map((v) => v.body)).toEqual(["First body", "Second body"]);
    expect(data.comments.map((c) => c.body)).toEqual(["My comment"]);
    expect(data.ratings).toMatchObject([{ stars: 4, prompt: { id: theirs.id } }]);
    expect(data.likes).toMatchObject([{ prompt: { id: theirs.id } }]);
    expect(data.following).toMatchObject([{ handle: other.user.handle }]);
    expect(data.apiKeys).toMatchObject([{ name: "ci" }]);

    const text = JSON.stringify(data);
    const hashRow = await t.db.user.findUniqueOrThrow({ where: { id: me.user.id }, omit: { passwordHash: false } });
    const keyRow = await t.db.apiKey.findFirstOrThrow({ where: { userId: me.user.id }, omit: { hash: false } });
    expect(text).not.toContain(hashRow.passwordHash!);
    expect(text).not.toContain(keyRow.hash);
    expect(text).not.toContain(key);
    expect(text).not.toMatch(/passwordHash|scrypt\$/);
    expect(text).not.toContain("Their comment");
    expect(text).not.toContain("Not mine");
    await rejects(anonymous(t.db).user.exportData(), "UNAUTHORIZED");
  });
});
