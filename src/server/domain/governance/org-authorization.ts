// The one place that decides what a member may do in an organisation: the member's role, looked up
// in the database, checked against the role matrix (src/shared/governance/role-matrix.ts). Routers,
// pages, the proxy's capture attribution, the harness and the API all come through here.
import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import { AUDIT_ACTIONS, type AuditAction } from "@/shared/governance/audit-actions";
import { ORG_ROLE_LABELS, type OrgRole } from "@/shared/governance/org-roles";
import { roleAllows, type OrgAction } from "@/shared/governance/role-matrix";
import type { Viewer } from "../actor";
import { recordAudit, type RequestMeta } from "../audit/record-audit";
import { ForbiddenError, NotFoundError, UnauthorizedError } from "../errors";

/** The viewer's role in the organisation, or null when they are not a member (or anonymous). */
export async function orgRoleOf(db: DbOrTx, orgId: string, viewer: Viewer): Promise<OrgRole | null> {
  if (!viewer) return null;
  const membership = await db.membership.findUnique({ where: { orgId_userId: { orgId, userId: viewer.id } }, select: { role: true } });
  return membership?.role ?? null;
}

export type OrgActionOptions = {
  /** A refused attempt at a sensitive action is written to the audit log (with this request's meta). */
  request?: RequestMeta | null;
  /** The target of the refused attempt, for its audit entry. */
  target?: { type: string; id?: string | null };
  /** When the action is checked on behalf of another (revoking an invitation needs member.invite): what the refusal names and audits. */
  as?: { words: string; auditAction: AuditAction };
};

/**
 * Throws unless the viewer's role allows the action: NOT_FOUND for non-members (an organisation's
 * private workings do not leak), FORBIDDEN naming the role for members whose role does not allow it.
 * Returns the role. Refused attempts at actions the audit log knows are recorded as "refused".
 */
export async function assertOrgAction(db: DbOrTx, viewer: Viewer, orgId: string, action: OrgAction, options: OrgActionOptions = {}): Promise<OrgRole> {
  if (!viewer) throw new UnauthorizedError();
  const role = await orgRoleOf(db, orgId, viewer);
  if (roleAllows(role, action)) return role as OrgRole;
  const auditAction = options.as?.auditAction ?? (action in AUDIT_ACTIONS ? (action as AuditAction) : null);
  if (auditAction) {
    await recordAudit(db, {
      actor: viewer,
      action: auditAction,
      outcome: "refused",
      orgId,
      target: options.target ?? { type: "organization", id: orgId },
      comment: role ? `role ${role} may not ${action}` : "not a member",
      request: options.request,
    });
  }
  if (!role) throw new NotFoundError("Organisation");
  throw new ForbiddenError(`${ORG_ROLE_LABELS[role]}s may not ${options.as?.words ?? describeAction(action)} in this organisation.`);
}

const ACTION_WORDS: Partial<Record<OrgAction, string>> = {
  "prompt.create": "create or transfer prompts",
  "prompt.update": "change prompts",
  "prompt.delete": "delete prompts",
  "version.propose": "propose versions",
  "version.publish": "publish versions without review",
  "version.approve": "approve versions",
  "version.reject": "reject versions",
  "version.deprecate": "deprecate versions",
  "version.readUnapproved": "see versions that are not approved",
  "label.move": "move labels",
  "review.queue": "see the review queue",
  "member.invite": "invite members",
  "member.setRole": "change roles",
  "member.remove": "remove members",
  "org.update": "change the organisation's settings",
  "audit.read": "read the audit log",
  "webhook.manage": "manage webhooks",
  "collection.manage": "manage collections",
  "analytics.read": "see analytics",
};
export const describeAction = (action: OrgAction) => ACTION_WORDS[action] ?? action.replace(".", " ");
