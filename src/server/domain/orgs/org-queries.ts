// What the organisation pages and the API read: an organisation by slug with what the viewer may do
// there, the viewer's organisations, members with roles, pending invitations sent, the prompts.
import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import { roleAllows, type OrgAction } from "@/shared/governance/role-matrix";
import type { OrgRole } from "@/shared/governance/org-roles";
import { isAdmin, type Actor, type Viewer } from "../actor";
import { NotFoundError } from "../errors";
import { assertOrgAction, orgRoleOf } from "../governance/org-authorization";
import { listablePromptsWhere, notArchivedWhere } from "../access/prompt-access";

/** What the page offers the viewer, straight from the role matrix. */
const OFFERED: OrgAction[] = ["member.list", "member.invite", "member.setRole", "member.remove", "org.update", "prompt.create", "audit.read", "webhook.manage", "review.queue", "analytics.read"];

/** Anyone may see that an organisation exists and its public prompts; members see more (the viewer's role and permissions say what). */
export async function orgBySlug(db: DbOrTx, viewer: Viewer, slug: string) {
  const org = await db.organization.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, description: true, createdAt: true, _count: { select: { members: true } } },
  });
  if (!org) throw new NotFoundError("Organisation");
  const role = await orgRoleOf(db, org.id, viewer);
  const { _count, ...rest } = org;
  return {
    ...rest,
    memberCount: _count.members,
    viewerRole: role,
    can: Object.fromEntries(OFFERED.map((action) => [action, roleAllows(role, action) || (action === "member.list" && isAdmin(viewer))])) as Record<(typeof OFFERED)[number], boolean>,
  };
}

/** The organisations the actor belongs to, with their role. */
export async function myOrgs(db: DbOrTx, actor: Actor) {
  const rows = await db.membership.findMany({
    where: { userId: actor.id },
    orderBy: { org: { name: "asc" } },
    select: { role: true, createdAt: true, org: { select: { id: true, slug: true, name: true, description: true, _count: { select: { members: true, prompts: true } } } } },
  });
  return rows.map(({ role, createdAt, org: { _count, ...org } }) => ({ ...org, role, joinedAt: createdAt, memberCount: _count.members, promptCount: _count.prompts }));
}

/** Members with their roles, admins first. Members (and site admins, who read everything) only; others: NOT_FOUND. */
export async function orgMembers(db: DbOrTx, viewer: Viewer, orgId: string) {
  if (isAdmin(viewer)) {
    if (!(await db.organization.count({ where: { id: orgId } }))) throw new NotFoundError("Organisation");
  } else {
    await assertOrgAction(db, viewer, orgId, "member.list");
  }
  const rows = await db.membership.findMany({
    where: { orgId },
    select: { role: true, createdAt: true, user: { select: { id: true, handle: true, name: true, image: true } } },
  });
  const rank: Record<OrgRole, number> = { admin: 0, owner: 1, contributor: 2, consumer: 3 };
  return rows
    .map((m) => ({ userId: m.user.id, handle: m.user.handle, name: m.user.name, image: m.user.image, role: m.role, joinedAt: m.createdAt }))
    .sort((a, b) => rank[a.role] - rank[b.role] || a.handle.localeCompare(b.handle));
}

/** Pending invitations the organisation sent, for those who may invite. */
export async function sentInvitations(db: DbOrTx, viewer: Viewer, orgId: string) {
  await assertOrgAction(db, viewer, orgId, "member.invite");
  const rows = await db.orgInvitation.findMany({
    where: { orgId, status: "pending", expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, role: true, email: true, createdAt: true, expiresAt: true, invitee: { select: { handle: true } }, invitedBy: { select: { handle: true } } },
  });
  return rows.map((r) => ({ id: r.id, role: r.role, email: r.email, inviteeHandle: r.invitee?.handle ?? null, invitedBy: r.invitedBy.handle, createdAt: r.createdAt, expiresAt: r.expiresAt }));
}

/** The organisation's prompts the viewer may find (public ones for everyone; members-only and private ones by role; all of them for site admins). */
export async function orgPrompts(db: DbOrTx, viewer: Viewer, orgId: string) {
  const rows = await db.prompt.findMany({
    where: { AND: [{ orgId }, isAdmin(viewer) ? notArchivedWhere : listablePromptsWhere(viewer)] },
    orderBy: { updatedAt: "desc" },
    take: 200,
    select: { id: true, slug: true, title: true, description: true, visibility: true, global: true, updatedAt: true, owner: { select: { handle: true } } },
  });
  return rows.map(({ owner, ...p }) => ({ ...p, createdBy: owner.handle }));
}
