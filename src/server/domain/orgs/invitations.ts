// Invitations into an organisation, by email address or handle. No mail is sent: an invitation
// waits until its invitee (the account with that handle, or with that email address, whenever it
// signs in) sees it on /orgs and accepts or declines it. Those who may invite can revoke it.
import "server-only";
import type { Db, DbOrTx } from "@/server/db/prisma";
import { INVITATION_DAYS } from "@/shared/governance/org-fields";
import { ORG_ROLE_LABELS, roleAtLeast } from "@/shared/governance/org-roles";
import type { Actor } from "../actor";
import { recordAudit, type RequestMeta } from "../audit/record-audit";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { assertOrgAction } from "../governance/org-authorization";
import { auditRefusals } from "./audited-refusal";
import type { InviteInput } from "./schemas";

const DAY_MS = 86_400_000;

/** The account an invitation names, if any: by handle (which must exist) or by email (which may not yet). */
async function resolveInvitee(db: DbOrTx, input: InviteInput) {
  if (input.handle) {
    const user = await db.user.findFirst({ where: { handle: input.handle, deletedAt: null }, select: { id: true, handle: true, email: true } });
    if (!user) throw new ValidationError("handle: no account has this handle", { handle: ["no account has this handle"] });
    return { user, email: null };
  }
  const email = input.email!.toLowerCase();
  const user = await db.user.findFirst({ where: { email: { equals: email, mode: "insensitive" }, deletedAt: null }, select: { id: true, handle: true, email: true } });
  return { user, email };
}

export async function inviteMember(db: Db, actor: Actor, input: InviteInput, request?: RequestMeta | null) {
  const myRole = await assertOrgAction(db, actor, input.orgId, "member.invite", { request, target: { type: "invitation" } });
  const { user, email } = await resolveInvitee(db, input);
  const entry = { actor, action: "member.invite" as const, orgId: input.orgId, target: { type: "invitation" }, to: input.role, details: { email: email ?? null, handle: user?.handle ?? null }, request };
  return auditRefusals(db, entry, async () => {
    if (!roleAtLeast(myRole, input.role)) throw new ForbiddenError(`role: ${ORG_ROLE_LABELS[myRole]}s may not grant a role above their own (${input.role}).`);
    return db.$transaction(async (tx) => {
      if (user && (await tx.membership.findUnique({ where: { orgId_userId: { orgId: input.orgId, userId: user.id } } }))) {
        throw new ConflictError(`@${user.handle} is already a member of this organisation.`, { [input.handle ? "handle" : "email"]: ["is already a member"] });
      }
      const pending = await tx.orgInvitation.findFirst({
        where: { orgId: input.orgId, status: "pending", expiresAt: { gt: new Date() }, OR: [...(user ? [{ inviteeId: user.id }] : []), ...(email ? [{ email }] : [])] },
        select: { id: true },
      });
      if (pending) throw new ConflictError("This person already has a pending invitation: revoke it first to change the role.", { [input.handle ? "handle" : "email"]: ["already has a pending invitation"] });
      const invitation = await tx.orgInvitation.create({
        data: { orgId: input.orgId, role: input.role, email, inviteeId: user?.id ?? null, invitedById: actor.id, expiresAt: new Date(Date.now() + INVITATION_DAYS * DAY_MS) },
        select: { id: true, role: true, email: true, expiresAt: true },
      });
      await recordAudit(tx, { ...entry, target: { type: "invitation", id: invitation.id } });
      return { ...invitation, inviteeHandle: user?.handle ?? null };
    });
  });
}

/** The actor's pending invitations: addressed to their account, or to its email address. */
export async function myInvitations(db: DbOrTx, actor: Actor) {
  const me = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { email: true } });
  const rows = await db.orgInvitation.findMany({
    where: {
      status: "pending",
      expiresAt: { gt: new Date() },
      OR: [{ inviteeId: actor.id }, ...(me.email ? [{ email: { equals: me.email, mode: "insensitive" as const } }] : [])],
    },
    orderBy: { createdAt: "desc" },
    select: { id: true, role: true, createdAt: true, expiresAt: true, org: { select: { id: true, slug: true, name: true } }, invitedBy: { select: { handle: true } } },
  });
  return rows.map((r) => ({ id: r.id, role: r.role, createdAt: r.createdAt, expiresAt: r.expiresAt, org: r.org, invitedBy: r.invitedBy.handle }));
}

/** An invitation its invitee may answer: pending, not lapsed, and theirs (else refused and audited). */
async function answerable(db: Db, actor: Actor, invitationId: string, action: "invitation.accept" | "invitation.decline", request?: RequestMeta | null) {
  const invitation = await db.orgInvitation.findUnique({ where: { id: invitationId } });
  if (!invitation) throw new NotFoundError("Invitation");
  const entry = { actor, action, orgId: invitation.orgId, target: { type: "invitation", id: invitation.id }, request };
  await auditRefusals(db, entry, async () => {
    const me = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { email: true } });
    const mine = invitation.inviteeId === actor.id || (!invitation.inviteeId && invitation.email !== null && invitation.email === me.email?.toLowerCase());
    if (!mine) throw new ForbiddenError("This invitation is for someone else.");
    if (invitation.status !== "pending") throw new ConflictError(`This invitation was already ${invitation.status}.`);
    if (invitation.expiresAt <= new Date()) throw new ConflictError("This invitation has lapsed: ask for a new one.");
  });
  return { invitation, entry };
}

/** Joins with the invitation's role (a member already keeps the role they have). */
export async function acceptInvitation(db: Db, actor: Actor, invitationId: string, request?: RequestMeta | null) {
  const { invitation, entry } = await answerable(db, actor, invitationId, "invitation.accept", request);
  return db.$transaction(async (tx) => {
    const { count } = await tx.orgInvitation.updateMany({ where: { id: invitation.id, status: "pending" }, data: { status: "accepted", respondedAt: new Date(), inviteeId: actor.id } });
    if (!count) throw new ConflictError("This invitation was answered meanwhile.");
    const existing = await tx.membership.findUnique({ where: { orgId_userId: { orgId: invitation.orgId, userId: actor.id } }, select: { role: true } });
    if (!existing) await tx.membership.create({ data: { orgId: invitation.orgId, userId: actor.id, role: invitation.role } });
    await recordAudit(tx, { ...entry, to: existing?.role ?? invitation.role });
    const org = await tx.organization.findUniqueOrThrow({ where: { id: invitation.orgId }, select: { id: true, slug: true, name: true } });
    return { org, role: existing?.role ?? invitation.role };
  });
}

export async function declineInvitation(db: Db, actor: Actor, invitationId: string, request?: RequestMeta | null) {
  const { invitation, entry } = await answerable(db, actor, invitationId, "invitation.decline", request);
  return db.$transaction(async (tx) => {
    const { count } = await tx.orgInvitation.updateMany({ where: { id: invitation.id, status: "pending" }, data: { status: "declined", respondedAt: new Date() } });
    if (!count) throw new ConflictError("This invitation was answered meanwhile.");
    await recordAudit(tx, entry);
    return { id: invitation.id, status: "declined" as const };
  });
}

/** Those who may invite may take a pending invitation back. */
export async function revokeInvitation(db: Db, actor: Actor, invitationId: string, request?: RequestMeta | null) {
  const invitation = await db.orgInvitation.findUnique({ where: { id: invitationId } });
  if (!invitation) throw new NotFoundError("Invitation");
  await assertOrgAction(db, actor, invitation.orgId, "member.invite", { request, target: { type: "invitation", id: invitation.id } });
  const entry = { actor, action: "invitation.revoke" as const, orgId: invitation.orgId, target: { type: "invitation", id: invitation.id }, request };
  return auditRefusals(db, entry, () =>
    db.$transaction(async (tx) => {
      const { count } = await tx.orgInvitation.updateMany({ where: { id: invitation.id, status: "pending" }, data: { status: "revoked", respondedAt: new Date() } });
      if (!count) throw new ConflictError(`This invitation was already ${invitation.status === "pending" ? "answered" : invitation.status}.`);
      await recordAudit(tx, entry);
      return { id: invitation.id, status: "revoked" as const };
    }),
  );
}
