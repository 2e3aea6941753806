import { describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import type { Db } from "@/server/db/prisma";
import type { OrgRole } from "@/shared/governance/org-roles";
import { anonymous, makeUser } from "@/test/callers";
import { setUpTestDatabase } from "@/test/set-up-test-database";
import { rejects } from "@/test/expect-trpc-error";
import { createUser } from "@/server/domain/users/create-user";
import { assertOrgAction } from "@/server/domain/governance/org-authorization";

const t = setUpTestDatabase();
const request = { ip: "203.0.113.9", userAgent: "org-test" };

let orgCounter = 0;
/** An organisation created by a fresh admin, with one fresh member per role asked for (rows written directly). */
async function orgWith(db: Db, roles: OrgRole[] = []) {
  const admin = await makeUser(db);
  const adminCaller = createCaller({ db, viewer: admin.actor, request });
  const org = await adminCaller.org.create({ name: `Acme ${++orgCounter}`, slug: `acme-${process.pid}-${orgCounter}` });
  const members = [];
  for (const role of roles) {
    const m = await makeUser(db);
    await db.membership.create({ data: { orgId: org.id, userId: m.user.id, role } });
    members.push({ ...m, role, caller: createCaller({ db, viewer: m.actor, request }) });
  }
  return { org, admin: { ...admin, caller: adminCaller }, members };
}

const entries = (db: Db, where: { orgId?: string; action?: string; outcome?: string }) => db.auditEntry.findMany({ where, orderBy: { createdAt: "asc" } });

describe("org.create / bySlug / mine", () => {
  it("makes the creator its admin, audits it, and names bad fields", async () => {
    const { org, admin } = await orgWith(t.db);
    expect(org).toEqual({ id: expect.any(String), slug: expect.stringMatching(/^acme-/) });
    const page = await admin.caller.org.bySlug({ slug: org.slug });
    expect(page).toMatchObject({ id: org.id, viewerRole: "admin", memberCount: 1, can: { "org.update": true, "member.invite": true } });
    expect(await admin.caller.org.mine()).toEqual([expect.objectContaining({ id: org.id, role: "admin", memberCount: 1, promptCount: 0 })]);
    const [created] = await entries(t.db, { orgId: org.id, action: "org.create" });
    expect(created).toMatchObject({ actorId: admin.user.id, outcome: "allowed", toValue: org.slug, ip: request.ip, userAgent: request.userAgent });

    const error = await rejects(admin.caller.org.create({ name: "x", slug: "Not a slug!" }), "BAD_REQUEST");
    expect(error.message).toMatch(/name/);
    expect(error.message).toMatch(/slug/);
    await rejects(admin.caller.org.create({ name: "Another", slug: org.slug }), "CONFLICT", /slug: is already taken/);
    await rejects(anonymous(t.db).org.create({ name: "Anon", slug: "anon-org" }), "UNAUTHORIZED");
  });

  it("shows outsiders the organisation but not its members", async () => {
    const { org } = await orgWith(t.db);
    const stranger = await makeUser(t.db);
    expect(await anonymous(t.db).org.bySlug({ slug: org.slug })).toMatchObject({ viewerRole: null, can: { "member.list": false } });
    await rejects(stranger.caller.org.members({ orgId: org.id }), "NOT_FOUND");
    await rejects(anonymous(t.db).org.members({ orgId: org.id }), "UNAUTHORIZED");
    await rejects(stranger.caller.org.bySlug({ slug: "no-such-org" }), "NOT_FOUND");
  });

  it("lets a site admin read members and every prompt, but change nothing without a role", async () => {
    const { org, admin } = await orgWith(t.db);
    const hidden = await admin.caller.prompt.create({ title: "Members only notes", category: "writing", body: "Notes on {{topic}}.", orgId: org.id, visibility: "members" });
    const siteAdmin = await makeUser(t.db, { role: "admin" });
    expect((await siteAdmin.caller.org.members({ orgId: org.id })).map((m) => m.handle)).toEqual([admin.user.handle]);
    expect((await siteAdmin.caller.org.prompts({ orgId: org.id })).map((p) => p.id)).toEqual([hidden.id]);
    expect(await siteAdmin.caller.org.bySlug({ slug: org.slug })).toMatchObject({ viewerRole: null, can: { "member.list": true, "member.invite": false } });
    await rejects(siteAdmin.caller.org.invite({ orgId: org.id, handle: siteAdmin.user.handle, role: "consumer" }), "NOT_FOUND");
    await rejects(siteAdmin.caller.org.setRole({ orgId: org.id, handle: siteAdmin.user.handle, role: "admin" }), "NOT_FOUND");
    await rejects(siteAdmin.caller.org.members({ orgId: "no-such-org" }), "NOT_FOUND");
  });

  it("lets only admins change the settings, with a from → to entry", async () => {
    const { org, admin, members: [owner] } = await orgWith(t.db, ["owner"]);
    await rejects(owner.caller.org.update({ orgId: org.id, name: "Owned" }), "FORBIDDEN", /Owners may not change the organisation's settings/);
    const updated = await admin.caller.org.update({ orgId: org.id, description: "We write prompts" });
    expect(updated.description).toBe("We write prompts");
    const [entry] = await entries(t.db, { orgId: org.id, action: "org.update", outcome: "allowed" });
    expect(JSON.parse(entry.fromValue!)).toEqual({ description: "" });
    expect(JSON.parse(entry.toValue!)).toEqual({ description: "We write prompts" });
    expect(await entries(t.db, { orgId: org.id, action: "org.update", outcome: "refused" })).toHaveLength(1);
  });
});

describe("invitations", () => {
  it("by handle: the invitee sees it, accepts, and becomes a member with that role", async () => {
    const { org, admin } = await orgWith(t.db);
    const invitee = await makeUser(t.db);
    const sent = await admin.caller.org.invite({ orgId: org.id, handle: invitee.user.handle, role: "contributor" });
    expect(sent).toMatchObject({ role: "contributor", inviteeHandle: invitee.user.handle });
    expect(await admin.caller.org.sentInvitations({ orgId: org.id })).toEqual([expect.objectContaining({ id: sent.id, inviteeHandle: invitee.user.handle })]);
    const mine = await invitee.caller.org.invitations();
    expect(mine).toEqual([expect.objectContaining({ id: sent.id, role: "contributor", org: expect.objectContaining({ slug: org.slug }), invitedBy: admin.user.handle })]);
    // The invitee hears of it in the app, with a link to where it is answered.
    const told = await invitee.caller.notification.list({ limit: 5 });
    expect(told.items).toEqual([expect.objectContaining({ kind: "org_invitation", text: expect.stringMatching(/invited you to join Acme \d+ as contributor$/), link: "/orgs" })]);
    // Not a member before accepting.
    await rejects(invitee.caller.org.members({ orgId: org.id }), "NOT_FOUND");
    expect(await invitee.caller.org.acceptInvitation({ invitationId: sent.id })).toMatchObject({ role: "contributor", org: { slug: org.slug } });
    expect((await invitee.caller.org.members({ orgId: org.id })).map((m) => [m.handle, m.role])).toEqual([
      [admin.user.handle, "admin"],
      [invitee.user.handle, "contributor"],
    ]);
    expect(await invitee.caller.org.invitations()).toEqual([]);
    await rejects(invitee.caller.org.acceptInvitation({ invitationId: sent.id }), "CONFLICT", /already accepted/);
    expect((await entries(t.db, { orgId: org.id })).map((e) => `${e.action}:${e.outcome}`)).toEqual([
      "org.create:allowed",
      "member.invite:allowed",
      "invitation.accept:allowed",
      "invitation.accept:refused",
    ]);
  });

  it("by email: an existing account's address binds it to that account", async () => {
    const { org, admin } = await orgWith(t.db);
    const invitee = await makeUser(t.db);
    const email = (await t.db.user.findUniqueOrThrow({ where: { id: invitee.user.id }, select: { email: true } })).email!;
    const sent = await admin.caller.org.invite({ orgId: org.id, email: email.toUpperCase(), role: "consumer" });
    expect(sent).toMatchObject({ inviteeHandle: invitee.user.handle, invitePath: null });
    expect((await invitee.caller.org.invitations()).map((i) => i.id)).toEqual([sent.id]);
  });

  it("by an email no account has: a link whose secret is the only way in, whoever later claims the address", async () => {
    const { org, admin } = await orgWith(t.db);
    const email = `later-${process.pid}@example.com`;
    const sent = await admin.caller.org.invite({ orgId: org.id, email: email.toUpperCase(), role: "owner" });
    expect(sent).toMatchObject({ email, inviteeHandle: null });
    const link = new URL(sent.invitePath!, "http://x");
    const token = link.searchParams.get("token")!;
    expect(link.searchParams.get("invitation")).toBe(sent.id);
    // Someone who signs up with (or switches to) that address does not see or get it: addresses are not verified.
    const user = await createUser(t.db, { email, password: "correct horse battery", handle: `later-${process.pid}` });
    const claimant = createCaller({ db: t.db, viewer: { id: user.id, handle: user.handle, role: user.role }, request });
    expect(await claimant.org.invitations()).toEqual([]);
    await rejects(claimant.org.acceptInvitation({ invitationId: sent.id }), "FORBIDDEN", /invitation link/);
    await rejects(claimant.org.acceptInvitation({ invitationId: sent.id, token: "wrong" }), "FORBIDDEN", /invitation link/);
    await rejects(claimant.org.invitationByLink({ invitationId: sent.id, token: "wrong" }), "NOT_FOUND");
    await rejects(claimant.org.members({ orgId: org.id }), "NOT_FOUND");
    expect(await entries(t.db, { orgId: org.id, action: "invitation.accept", outcome: "refused" })).toHaveLength(2);
    // The link's holder opens it, sees whose it is, and accepts; the link then works no more.
    const holder = await makeUser(t.db);
    expect(await holder.caller.org.invitationByLink({ invitationId: sent.id, token })).toMatchObject({ id: sent.id, role: "owner", email, org: { id: org.id } });
    expect(await holder.caller.org.acceptInvitation({ invitationId: sent.id, token })).toMatchObject({ role: "owner" });
    expect((await holder.caller.org.members({ orgId: org.id })).map((m) => m.handle)).toContain(holder.user.handle);
    await rejects(holder.caller.org.invitationByLink({ invitationId: sent.id, token }), "NOT_FOUND");
    await rejects(claimant.org.acceptInvitation({ invitationId: sent.id, token }), "FORBIDDEN");
  });

  it("a link's holder may decline it", async () => {
    const { org, admin } = await orgWith(t.db);
    const sent = await admin.caller.org.invite({ orgId: org.id, email: `nobody-${process.pid}@example.com`, role: "consumer" });
    const token = new URL(sent.invitePath!, "http://x").searchParams.get("token")!;
    const holder = await makeUser(t.db);
    await holder.caller.org.declineInvitation({ invitationId: sent.id, token });
    await rejects(holder.caller.org.members({ orgId: org.id }), "NOT_FOUND");
    expect(await entries(t.db, { orgId: org.id, action: "invitation.decline" })).toHaveLength(1);
  });

  it("refuses, with a refused entry: a member again, a role above one's own, someone else's invitation", async () => {
    const { org, admin, members: [owner, contributor] } = await orgWith(t.db, ["owner", "contributor"]);
    await rejects(admin.caller.org.invite({ orgId: org.id, handle: contributor.user.handle, role: "owner" }), "CONFLICT", /already a member/);
    await rejects(owner.caller.org.invite({ orgId: org.id, handle: (await makeUser(t.db)).user.handle, role: "admin" }), "FORBIDDEN", /role: Owners may not grant a role above their own/);
    await rejects(contributor.caller.org.invite({ orgId: org.id, email: "x@example.com", role: "consumer" }), "FORBIDDEN", /Contributors may not invite members/);
    const invitee = await makeUser(t.db);
    const sent = await owner.caller.org.invite({ orgId: org.id, handle: invitee.user.handle, role: "owner" });
    await rejects(owner.caller.org.invite({ orgId: org.id, handle: invitee.user.handle, role: "consumer" }), "CONFLICT", /pending invitation/);
    const stranger = await makeUser(t.db);
    const strangerCaller = createCaller({ db: t.db, viewer: stranger.actor, request });
    await rejects(strangerCaller.org.acceptInvitation({ invitationId: sent.id }), "FORBIDDEN", /for someone else/);
    await rejects(stranger.caller.org.declineInvitation({ invitationId: sent.id }), "FORBIDDEN", /for someone else/);
    const refused = await entries(t.db, { orgId: org.id, outcome: "refused" });
    expect(refused.map((e) => e.action)).toEqual(["member.invite", "member.invite", "member.invite", "member.invite", "invitation.accept", "invitation.decline"]);
    expect(refused[1]).toMatchObject({ actorId: owner.user.id, toValue: "admin", comment: expect.stringMatching(/above their own/) });
    expect(refused[4]).toMatchObject({ actorId: stranger.user.id, targetId: sent.id, ip: request.ip });
    await rejects(admin.caller.org.invite({ orgId: org.id, role: "consumer" }), "BAD_REQUEST", /email/);
    await rejects(admin.caller.org.invite({ orgId: org.id, handle: "nobody-has-this", role: "consumer" }), "BAD_REQUEST", /handle/);
  });

  it("can be revoked by those who may invite, and then not accepted", async () => {
    const { org, admin, members: [consumer] } = await orgWith(t.db, ["consumer"]);
    const invitee = await makeUser(t.db);
    const sent = await admin.caller.org.invite({ orgId: org.id, handle: invitee.user.handle, role: "consumer" });
    await rejects(consumer.caller.org.revokeInvitation({ invitationId: sent.id }), "FORBIDDEN", /Consumers may not revoke invitations/);
    await rejects(invitee.caller.org.revokeInvitation({ invitationId: sent.id }), "FORBIDDEN", /decline it instead/);
    await admin.caller.org.revokeInvitation({ invitationId: sent.id });
    await rejects(invitee.caller.org.acceptInvitation({ invitationId: sent.id }), "CONFLICT", /already revoked/);
    expect(await invitee.caller.org.invitations()).toEqual([]);
    expect(await entries(t.db, { orgId: org.id, action: "invitation.revoke", outcome: "allowed" })).toHaveLength(1);
  });
});

describe("roles, removal, leaving", () => {
  it("setRole adds an existing account directly, changes roles, and audits from → to", async () => {
    const { org, admin } = await orgWith(t.db);
    const bot = await makeUser(t.db);
    expect(await admin.caller.org.setRole({ orgId: org.id, handle: bot.user.handle, role: "contributor" })).toEqual({ handle: bot.user.handle, role: "contributor", added: true });
    await admin.caller.org.setRole({ orgId: org.id, handle: bot.user.handle, role: "owner" });
    const audit = await entries(t.db, { orgId: org.id, outcome: "allowed" });
    expect(audit.slice(1).map((e) => [e.action, e.fromValue, e.toValue, e.targetId])).toEqual([
      ["member.add", null, "contributor", bot.user.id],
      ["member.setRole", "contributor", "owner", bot.user.id],
    ]);
  });

  it("never leaves an organisation without an admin, never grants above one's own role", async () => {
    const { org, admin, members: [owner, contributor] } = await orgWith(t.db, ["owner", "contributor"]);
    await rejects(admin.caller.org.setRole({ orgId: org.id, handle: admin.user.handle, role: "owner" }), "CONFLICT", /at least one admin/);
    await rejects(admin.caller.org.leave({ orgId: org.id }), "CONFLICT", /at least one admin/);
    await rejects(owner.caller.org.removeMember({ orgId: org.id, handle: admin.user.handle }), "FORBIDDEN", /above their own/);
    await rejects(owner.caller.org.setRole({ orgId: org.id, handle: contributor.user.handle, role: "admin" }), "FORBIDDEN", /role: Owners may not grant/);
    await rejects(owner.caller.org.setRole({ orgId: org.id, handle: admin.user.handle, role: "consumer" }), "FORBIDDEN", /above their own/);
    await rejects(contributor.caller.org.setRole({ orgId: org.id, handle: contributor.user.handle, role: "owner" }), "FORBIDDEN", /Contributors may not change roles/);
    await rejects(contributor.caller.org.removeMember({ orgId: org.id, handle: owner.user.handle }), "FORBIDDEN");
    const stranger = await makeUser(t.db);
    await rejects(stranger.caller.org.setRole({ orgId: org.id, handle: stranger.user.handle, role: "admin" }), "NOT_FOUND");
    expect(await t.db.membership.findMany({ where: { orgId: org.id }, orderBy: { role: "asc" }, select: { role: true } })).toEqual([{ role: "admin" }, { role: "owner" }, { role: "contributor" }]);
    const refused = await entries(t.db, { orgId: org.id, outcome: "refused" });
    expect(refused.map((e) => e.action)).toEqual(["member.setRole", "member.leave", "member.remove", "member.setRole", "member.setRole", "member.setRole", "member.remove", "member.setRole"]);

    // With a second admin, the first may step down or leave.
    await admin.caller.org.setRole({ orgId: org.id, handle: owner.user.handle, role: "admin" });
    await admin.caller.org.leave({ orgId: org.id });
    await rejects(admin.caller.org.members({ orgId: org.id }), "NOT_FOUND");
    await owner.caller.org.removeMember({ orgId: org.id, handle: contributor.user.handle });
    await rejects(owner.caller.org.removeMember({ orgId: org.id, handle: contributor.user.handle }), "NOT_FOUND");
    expect((await entries(t.db, { orgId: org.id, outcome: "allowed" })).map((e) => e.action).slice(-3)).toEqual(["member.setRole", "member.leave", "member.remove"]);
  });

  it("two admins demoting each other at once leave one admin", async () => {
    const { org, admin, members: [second] } = await orgWith(t.db, ["admin"]);
    const results = await Promise.allSettled([
      admin.caller.org.setRole({ orgId: org.id, handle: second.user.handle, role: "owner" }),
      second.caller.org.setRole({ orgId: org.id, handle: admin.user.handle, role: "owner" }),
    ]);
    expect(await t.db.membership.count({ where: { orgId: org.id, role: "admin" } })).toBeGreaterThanOrEqual(1);
    expect(results.some((r) => r.status === "fulfilled")).toBe(true);
  });
});

describe("organisation prompts", () => {
  const prompt = { title: "Support reply", category: "writing" as const, body: "Reply to {{ticket}} kindly." };

  it("owners and admins create them; contributors, consumers and outsiders cannot", async () => {
    const { org, admin, members: [owner, contributor, consumer] } = await orgWith(t.db, ["owner", "contributor", "consumer"]);
    const created = await owner.caller.prompt.create({ ...prompt, orgId: org.id, visibility: "members" });
    expect(await t.db.prompt.findUniqueOrThrow({ where: { id: created.id }, select: { orgId: true, ownerId: true } })).toEqual({ orgId: org.id, ownerId: owner.user.id });
    expect((await t.db.promptVersion.findUniqueOrThrow({ where: { id: created.version.id } })).status).toBe("approved");
    await rejects(contributor.caller.prompt.create({ ...prompt, orgId: org.id }), "FORBIDDEN", /Contributors may not create/);
    await rejects(consumer.caller.prompt.create({ ...prompt, orgId: org.id }), "FORBIDDEN");
    await rejects((await makeUser(t.db)).caller.prompt.create({ ...prompt, orgId: org.id }), "NOT_FOUND");
    expect((await admin.caller.org.prompts({ orgId: org.id })).map((p) => p.id)).toEqual([created.id]);
  });

  it("refuses members-only and global on a personal prompt, naming the field", async () => {
    const { caller } = await makeUser(t.db);
    await rejects(caller.prompt.create({ ...prompt, visibility: "members" }), "BAD_REQUEST", /visibility/);
    await rejects(caller.prompt.create({ ...prompt, global: true }), "BAD_REQUEST", /global/);
    const mine = await caller.prompt.create(prompt);
    await rejects(caller.prompt.update({ promptId: mine.id, visibility: "members" }), "BAD_REQUEST", /visibility/);
    await rejects(caller.prompt.update({ promptId: mine.id, global: true }), "BAD_REQUEST", /global/);
  });

  it("members-only prompts: every member reads and finds them, nobody else (NOT_FOUND)", async () => {
    const { org, members: [owner, consumer] } = await orgWith(t.db, ["owner", "consumer"]);
    const word = `zebrafinch${process.pid}`;
    const p = await owner.caller.prompt.create({ ...prompt, title: `Members ${word}`, orgId: org.id, visibility: "members" });
    expect((await consumer.caller.prompt.bySlug({ slug: p.slug })).id).toBe(p.id);
    expect((await consumer.caller.prompt.search({ q: word, limit: 10 })).items.map((i) => i.id)).toEqual([p.id]);
    expect((await consumer.caller.org.prompts({ orgId: org.id })).map((i) => i.id)).toEqual([p.id]);
    const stranger = await makeUser(t.db);
    await rejects(stranger.caller.prompt.bySlug({ slug: p.slug }), "NOT_FOUND");
    await rejects(anonymous(t.db).prompt.bySlug({ slug: p.slug }), "NOT_FOUND");
    await rejects(stranger.caller.prompt.render({ versionId: p.version.id }), "NOT_FOUND");
    await rejects(stranger.caller.prompt.update({ promptId: p.id, title: "Taken over" }), "NOT_FOUND");
    expect((await stranger.caller.prompt.search({ q: word, limit: 10 })).items).toEqual([]);
    expect(await stranger.caller.org.prompts({ orgId: org.id })).toEqual([]);
    // A site admin reads it, but may not change it without being a member.
    const siteAdmin = await makeUser(t.db, { role: "admin" });
    expect((await siteAdmin.caller.prompt.bySlug({ slug: p.slug })).id).toBe(p.id);
    await rejects(siteAdmin.caller.prompt.update({ promptId: p.id, title: "Admin edit" }), "FORBIDDEN", /Only members/);
  });

  it("private organisation prompts: contributors and up only", async () => {
    const { org, members: [owner, contributor, consumer] } = await orgWith(t.db, ["owner", "contributor", "consumer"]);
    const p = await owner.caller.prompt.create({ ...prompt, orgId: org.id, visibility: "private" });
    expect((await contributor.caller.prompt.bySlug({ slug: p.slug })).id).toBe(p.id);
    await rejects(consumer.caller.prompt.bySlug({ slug: p.slug }), "NOT_FOUND");
    expect(await consumer.caller.org.prompts({ orgId: org.id })).toEqual([]);
  });

  it("the role matrix decides changes; visibility and global changes are audited as prompt.settings", async () => {
    const { org, admin, members: [owner, contributor, consumer] } = await orgWith(t.db, ["owner", "contributor", "consumer"]);
    const p = await owner.caller.prompt.create({ ...prompt, orgId: org.id, visibility: "members" });
    await rejects(contributor.caller.prompt.update({ promptId: p.id, title: "Contributor edit" }), "FORBIDDEN", /Contributors may not change prompts/);
    await rejects(consumer.caller.prompt.archive({ promptId: p.id }), "FORBIDDEN");
    const updated = await admin.caller.prompt.update({ promptId: p.id, title: "Support reply v2", visibility: "public", global: true });
    expect(updated).toMatchObject({ visibility: "public", global: true });
    const [settings] = await entries(t.db, { orgId: org.id, action: "prompt.settings" });
    expect(settings).toMatchObject({ actorId: admin.user.id, targetId: p.id, fromValue: "visibility: members, global: false", toValue: "visibility: public, global: true", ip: request.ip });
    await owner.caller.prompt.archive({ promptId: p.id });
    await owner.caller.prompt.restore({ promptId: p.id });
    await rejects(owner.caller.prompt.delete({ promptId: p.id }), "FORBIDDEN", /Owners may not delete prompts/);
    // A public organisation prompt: outsiders read it but may not change it.
    const stranger = await makeUser(t.db);
    expect((await stranger.caller.prompt.bySlug({ slug: p.slug })).id).toBe(p.id);
    await rejects(stranger.caller.prompt.update({ promptId: p.id, title: "Outsider" }), "FORBIDDEN", /Only members/);
    expect(await admin.caller.prompt.delete({ promptId: p.id })).toMatchObject({ deleted: true });
  });

  it("a global prompt's first version waits for review", async () => {
    const { org, members: [owner] } = await orgWith(t.db, ["owner"]);
    const p = await owner.caller.prompt.create({ ...prompt, orgId: org.id, global: true });
    expect(await t.db.promptVersion.findUniqueOrThrow({ where: { id: p.version.id }, select: { status: true } })).toEqual({ status: "in_review" });
    expect(await t.db.promptLabel.count({ where: { promptId: p.id } })).toBe(0);
  });
});

describe("prompt.transfer", () => {
  const prompt = { title: "Handy prompt", category: "writing" as const, body: "Do {{thing}}." };

  it("moves one's own prompt into an organisation where one may create; the organisation's roles decide from then on", async () => {
    const { org, admin, members: [owner, consumer] } = await orgWith(t.db, ["owner", "consumer"]);
    const mine = await owner.caller.prompt.create({ ...prompt, visibility: "private" });
    await rejects(consumer.caller.prompt.bySlug({ slug: mine.slug }), "NOT_FOUND");
    expect(await owner.caller.prompt.transfer({ promptId: mine.id, orgId: org.id })).toMatchObject({ id: mine.id, org: { slug: org.slug } });
    const [entry] = await entries(t.db, { orgId: org.id, action: "prompt.transfer" });
    expect(entry).toMatchObject({ actorId: owner.user.id, targetId: mine.id, fromValue: `@${owner.user.handle}`, toValue: org.slug, outcome: "allowed" });
    await rejects(owner.caller.prompt.transfer({ promptId: mine.id, orgId: org.id }), "CONFLICT", /already belongs/);
    // Private in the organisation: its admin reads and changes it; consumers still do not see it.
    await admin.caller.prompt.update({ promptId: mine.id, visibility: "members" });
    expect((await consumer.caller.prompt.bySlug({ slug: mine.slug })).id).toBe(mine.id);
    // Its creator, once removed, keeps no rights over it.
    await admin.caller.org.removeMember({ orgId: org.id, handle: owner.user.handle });
    await rejects(owner.caller.prompt.bySlug({ slug: mine.slug }), "NOT_FOUND");
    await rejects(owner.caller.prompt.update({ promptId: mine.id, title: "Still mine?" }), "NOT_FOUND");
  });

  it("refuses, with a refused entry: a role that may not create, someone else's prompt", async () => {
    const { org, members: [contributor, owner] } = await orgWith(t.db, ["contributor", "owner"]);
    const theirs = await contributor.caller.prompt.create(prompt);
    await rejects(contributor.caller.prompt.transfer({ promptId: theirs.id, orgId: org.id }), "FORBIDDEN", /Contributors may not create or transfer/);
    await rejects(owner.caller.org.transferPrompt({ promptId: theirs.id, orgId: org.id }), "FORBIDDEN", /Only the prompt's owner/);
    const stranger = await makeUser(t.db);
    const strangers = await stranger.caller.prompt.create(prompt);
    await rejects(stranger.caller.prompt.transfer({ promptId: strangers.id, orgId: org.id }), "NOT_FOUND");
    expect((await entries(t.db, { orgId: org.id, action: "prompt.transfer" })).map((e) => [e.outcome, e.actorId])).toEqual([
      ["refused", contributor.user.id],
      ["refused", owner.user.id],
    ]);
    expect(await t.db.prompt.count({ where: { orgId: org.id } })).toBe(0);
  });
});

describe("assertOrgAction on behalf of another action", () => {
  it("names and audits the action asked for (revoking an invitation needs member.invite)", async () => {
    const { org, members: [contributor] } = await orgWith(t.db, ["contributor"]);
    const target = { type: "invitation", id: "inv-1" };
    const as = { words: "revoke invitations", auditAction: "invitation.revoke" } as const;
    await expect(assertOrgAction(t.db, contributor.actor, org.id, "member.invite", { request, target, as })).rejects.toThrow(/^Contributors may not revoke invitations in this organisation\.$/);
    expect(await entries(t.db, { orgId: org.id, outcome: "refused" })).toMatchObject([{ action: "invitation.revoke", actorId: contributor.user.id, targetId: "inv-1" }]);
    // Without it: the action's own words and name.
    await expect(assertOrgAction(t.db, contributor.actor, org.id, "member.invite", { request, target })).rejects.toThrow(/may not invite members/);
  });
});
