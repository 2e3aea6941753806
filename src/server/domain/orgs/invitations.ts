// Invitations into an organisation, by email address or handle. No mail is sent. An invitation by
// handle, or by the email address of an existing account, waits on that account's /orgs page. An
// invitation by an email address no account has yet comes with a link (a secret shown once to the
// inviter, who sends it): email addresses are not verified here, so an account that merely claims
// the address cannot take the invitation; holding the link is what proves it was meant for you.
// Those who may invite can revoke an invitation.
import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Db, DbOrTx } from "@/server/db/prisma";
import { INVITATION_DAYS } from "@/shared/governance/org-fields";
import { ORG_ROLE_LABELS, roleAtLeast } from "@/shared/governance/org-roles";
import type { Actor } from "../actor";
import { recordAudit, type RequestMeta } from "../audit/record-audit";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { assertOrgAction, orgRoleOf } from "../governance/org-authorization";
import { auditRefusals } from "./audited-refusal";
import type { InviteInput } from "./schemas";
import { notify } from "../notifications/notify";

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
      // Nobody to bind it to yet: the link's secret will say who it is for.
      const token = user ? null : randomBytes(24).toString("base64url");
      const invitation = await tx.orgInvitation.create({
        data: { orgId: input.orgId, role: input.role, email, inviteeId: user?.id ?? null, tokenHash: token ? hashToken(token) : null, invitedById: actor.id, expiresAt: new Date(Date.now() + INVITATION_DAYS * DAY_MS) },
        select: { id: true, role: true, email: true, expiresAt: true },
      });
      await recordAudit(tx, { ...entry, target: { type: "invitation", id: invitation.id } });
      // Someone with an account hears of it in the app; an email invitation travels as its link.
      if (user) {
        const org = await tx.organization.findUniqueOrThrow({ where: { id: input.orgId }, select: { name: true, slug: true } });
        await notify(tx, { userId: user.id, kind: "org_invitation", actorId: actor.id, data: { invitationId: invitation.id, orgName: org.name, orgSlug: org.slug, role: input.role } });
      }
      return { ...invitation, inviteeHandle: user?.handle ?? null, invitePath: token ? invitationPath(invitation.id, token) : null };
    });
  });
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
/** Where the invitee opens an email invitation (the inviter sends it; the secret is in the link only). */
const invitationPath = (id: string, token: string) => `/orgs?invitation=${encodeURIComponent(id)}&token=${encodeURIComponent(token)}`;

function tokenMatches(tokenHash: string | null, token: string | null | undefined) {
  if (!tokenHash || !token) return false;
  const a = Buffer.from(hashToken(token), "hex");
  const b = Buffer.from(tokenHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The actor's pending invitations: those addressed to their account (by handle, or by its email when the invitation was made). */
export async function myInvitations(db: DbOrTx, actor: Actor) {
  const rows = await db.orgInvitation.findMany({
    where: { status: "pending", expiresAt: { gt: new Date() }, inviteeId: actor.id },
    orderBy: { createdAt: "desc" },
    select: { id: true, role: true, createdAt: true, expiresAt: true, org: { select: { id: true, slug: true, name: true } }, invitedBy: { select: { handle: true } } },
  });
  return rows.map((r) => ({ id: r.id, role: r.role, createdAt: r.createdAt, expiresAt: r.expiresAt, org: r.org, invitedBy: r.invitedBy.handle }));
}

/**
 * The invitation an invitation link names, for its page: NOT_FOUND unless the link's secret matches
 * (so a guessed id tells nothing) and it is still open.
 */
export async function invitationByLink(db: DbOrTx, invitationId: string, token: string) {
  const r = await db.orgInvitation.findUnique({
    where: { id: invitationId },
    select: { id: true, role: true, email: true, status: true, tokenHash: true, createdAt: true, expiresAt: true, org: { select: { id: true, slug: true, name: true } }, invitedBy: { select: { handle: true } } },
  });
  if (!r || !tokenMatches(r.tokenHash, token) || r.status !== "pending" || r.expiresAt <= new Date()) throw new NotFoundError("Invitation");
  return { id: r.id, role: r.role, email: r.email, createdAt: r.createdAt, expiresAt: r.expiresAt, org: r.org, invitedBy: r.invitedBy.handle };
}

/** An invitation its invitee may answer: pending, not lapsed, and theirs (else refused and audited). */
async function answerable(db: Db, actor: Actor, invitationId: string, action: "invitation.accept" | "invitation.decline", request?: RequestMeta | null, token?: string | null) {
  const invitation = await db.orgInvitation.findUnique({ where: { id: invitationId } });
  if (!invitation) throw new NotFoundError("Invitation");
  const entry = { actor, action, orgId: invitation.orgId, target: { type: "invitation", id: invitation.id }, request };
  await auditRefusals(db, entry, async () => {
    // Bound to an account: that account's. Not yet: whoever holds the link's secret.
    const mine = invitation.inviteeId === actor.id || (!invitation.inviteeId && tokenMatches(invitation.tokenHash, token));
    if (!mine) throw new ForbiddenError(invitation.inviteeId ? "This invitation is for someone else." : "token: open the invitation link you were sent to answer this invitation.");
    if (invitation.status !== "pending") throw new ConflictError(`This invitation was already ${invitation.status}.`);
    if (invitation.expiresAt <= new Date()) throw new ConflictError("This invitation has lapsed: ask for a new one.");
  });
  return { invitation, entry };
}

/** Joins with the invitation's role (a member already keeps the role they have). */
export async function acceptInvitation(db: Db, actor: Actor, invitationId: string, request?: RequestMeta | null, token?: string | null) {
  const { invitation, entry } = await answerable(db, actor, invitationId, "invitation.accept", request, token);
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

export async function declineInvitation(db: Db, actor: Actor, invitationId: string, request?: RequestMeta | null, token?: string | null) {
  const { invitation, entry } = await answerable(db, actor, invitationId, "invitation.decline", request, token);
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
  // The invitee answers an invitation (decline), they do not revoke it.
  if (invitation.inviteeId === actor.id && !(await orgRoleOf(db, invitation.orgId, actor))) {
    throw new ForbiddenError("Only the organisation's owners and admins can revoke an invitation: decline it instead.");
  }
  await assertOrgAction(db, actor, invitation.orgId, "member.invite", { request, target: { type: "invitation", id: invitation.id }, as: { words: "revoke invitations", auditAction: "invitation.revoke" } });
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
