// Role changes, removals and leaving. Two rules hold for every one of them: nobody grants a role above
// their own or acts on a member above them, and an organisation always keeps an admin (the only role
// that can appoint admins and change its settings), checked with the members' rows locked so two
// admins demoting each other at once cannot both succeed.
import "server-only";
import type { Db, Tx } from "@/server/db/prisma";
import { ORG_ROLE_LABELS, roleAtLeast, type OrgRole } from "@/shared/governance/org-roles";
import type { Actor } from "../actor";
import { recordAudit, type RequestMeta } from "../audit/record-audit";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { assertOrgAction, orgRoleOf } from "../governance/org-authorization";
import { auditRefusals } from "./audited-refusal";
import type { SetRoleInput } from "./schemas";

export const LAST_ADMIN = "An organisation needs at least one admin: make another member admin first.";

async function userByHandle(db: Db, handle: string) {
  const user = await db.user.findFirst({ where: { handle, deletedAt: null }, select: { id: true, handle: true, role: true } });
  if (!user) throw new ValidationError("handle: no account has this handle", { handle: ["no account has this handle"] });
  return user;
}

/** Locks the organisation's memberships and refuses when the change would leave no admin. */
async function assertKeepsAnAdmin(tx: Tx, orgId: string, userId: string, from: OrgRole, to: OrgRole | null) {
  await tx.$queryRaw`SELECT "userId" FROM "Membership" WHERE "orgId" = ${orgId} FOR UPDATE`;
  if (from !== "admin" || to === "admin") return;
  const others = await tx.membership.count({ where: { orgId, role: "admin", userId: { not: userId } } });
  if (others === 0) throw new ConflictError(LAST_ADMIN);
}

const aboveYou = (myRole: OrgRole) => new ForbiddenError(`${ORG_ROLE_LABELS[myRole]}s may not change or remove a member whose role is above their own.`);

/** Sets a member's role, or adds an existing account directly with that role (provisioning). */
export async function setMemberRole(db: Db, actor: Actor, input: SetRoleInput, request?: RequestMeta | null) {
  const myRole = await assertOrgAction(db, actor, input.orgId, "member.setRole", { request, target: { type: "user" } });
  const user = await userByHandle(db, input.handle);
  const current = await orgRoleOf(db, input.orgId, user);
  const entry = { actor, action: current ? ("member.setRole" as const) : ("member.add" as const), orgId: input.orgId, target: { type: "user", id: user.id }, from: current, to: input.role, details: { handle: user.handle }, request };
  return auditRefusals(db, entry, async () => {
    if (!roleAtLeast(myRole, input.role)) throw new ForbiddenError(`role: ${ORG_ROLE_LABELS[myRole]}s may not grant a role above their own (${input.role}).`);
    return db.$transaction(async (tx) => {
      const member = await tx.membership.findUnique({ where: { orgId_userId: { orgId: input.orgId, userId: user.id } }, select: { role: true } });
      if (!member) {
        await tx.membership.create({ data: { orgId: input.orgId, userId: user.id, role: input.role } });
        await recordAudit(tx, { ...entry, action: "member.add", from: null });
        return { handle: user.handle, role: input.role, added: true };
      }
      if (!roleAtLeast(myRole, member.role)) throw aboveYou(myRole);
      if (member.role === input.role) return { handle: user.handle, role: input.role, added: false };
      await assertKeepsAnAdmin(tx, input.orgId, user.id, member.role, input.role);
      await tx.membership.update({ where: { orgId_userId: { orgId: input.orgId, userId: user.id } }, data: { role: input.role } });
      await recordAudit(tx, { ...entry, action: "member.setRole", from: member.role });
      return { handle: user.handle, role: input.role, added: false };
    });
  });
}

export async function removeMember(db: Db, actor: Actor, input: { orgId: string; handle: string }, request?: RequestMeta | null) {
  const myRole = await assertOrgAction(db, actor, input.orgId, "member.remove", { request, target: { type: "user" } });
  const user = await userByHandle(db, input.handle);
  const role = await orgRoleOf(db, input.orgId, user);
  if (!role) throw new NotFoundError("Member");
  const entry = { actor, action: "member.remove" as const, orgId: input.orgId, target: { type: "user", id: user.id }, from: role, details: { handle: user.handle }, request };
  return auditRefusals(db, entry, async () => {
    if (!roleAtLeast(myRole, role)) throw aboveYou(myRole);
    return db.$transaction(async (tx) => {
      await assertKeepsAnAdmin(tx, input.orgId, user.id, role, null);
      await tx.membership.delete({ where: { orgId_userId: { orgId: input.orgId, userId: user.id } } });
      await recordAudit(tx, entry);
      return { handle: user.handle, removed: true as const };
    });
  });
}

/** Any member may leave, except the last admin. */
export async function leaveOrg(db: Db, actor: Actor, orgId: string, request?: RequestMeta | null) {
  const role = await orgRoleOf(db, orgId, actor);
  if (!role) throw new NotFoundError("Organisation");
  const entry = { actor, action: "member.leave" as const, orgId, target: { type: "user", id: actor.id }, from: role, request };
  return auditRefusals(db, entry, () =>
    db.$transaction(async (tx) => {
      await assertKeepsAnAdmin(tx, orgId, actor.id, role, null);
      await tx.membership.delete({ where: { orgId_userId: { orgId, userId: actor.id } } });
      await recordAudit(tx, entry);
      return { left: true as const };
    }),
  );
}
