// Reading the audit log. Site admins browse every entry; an organisation's admins and owners (the
// role matrix's audit.read, through assertOrgAction) browse their organisation's entries; nobody
// else reads it. Newest first, paged by entry id; the filters are the page's and the CSV's.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { DbOrTx } from "@/server/db/prisma";
import { AUDIT_ACTIONS, type AuditAction, type AuditOutcome } from "@/shared/governance/audit-actions";
import { roleAllows } from "@/shared/governance/role-matrix";
import { isAdmin, type Actor } from "../actor";
import { readablePromptsWhere } from "../access/prompt-access";
import { assertOrgAction } from "../governance/org-authorization";
import { ForbiddenError, NotFoundError } from "../errors";
import { page, pageResult } from "../pagination";
import type { RequestMeta } from "../audit/record-audit";
import type { AuditFilters, AuditListInput } from "./audit-schemas";

export const AUDIT_READ_REFUSED = "The audit log is open to site admins, and to an organisation's admins and owners for that organisation.";

type OrgRef = { id: string; slug: string; name: string };

/** The organisations whose audit log the viewer may read (every one for site admins, up to `limit`). */
export async function auditableOrgs(db: DbOrTx, actor: Actor, limit = 200): Promise<OrgRef[]> {
  const select = { id: true, slug: true, name: true } as const;
  if (isAdmin(actor)) return db.organization.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], take: limit, select });
  const memberships = await db.membership.findMany({ where: { userId: actor.id }, select: { role: true, org: { select } } });
  return memberships
    .filter((m) => roleAllows(m.role, "audit.read"))
    .map((m) => m.org)
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(0, limit);
}

/**
 * Which entries the viewer may read, with the organisation filter applied: throws NOT_FOUND for an
 * organisation they are not in (or that does not exist), FORBIDDEN for one whose log their role
 * does not open, or when they may read no organisation's log at all.
 */
async function readableScope(db: DbOrTx, actor: Actor, filters: AuditFilters, request?: RequestMeta | null): Promise<{ where: Prisma.AuditEntryWhereInput; org: OrgRef | null }> {
  let orgId = filters.orgId;
  let org: OrgRef | null = null;
  if (filters.orgSlug) {
    org = await db.organization.findUnique({ where: { slug: filters.orgSlug }, select: { id: true, slug: true, name: true } });
    if (!org) throw new NotFoundError("Organisation");
    orgId = org.id;
  }
  if (orgId) {
    if (!isAdmin(actor)) await assertOrgAction(db, actor, orgId, "audit.read", { request, target: { type: "organization", id: orgId } });
    org ??= await db.organization.findUnique({ where: { id: orgId }, select: { id: true, slug: true, name: true } });
    if (!org) throw new NotFoundError("Organisation");
    return { where: { orgId }, org };
  }
  if (isAdmin(actor)) return { where: {}, org: null };
  const orgs = await auditableOrgs(db, actor, 1_000);
  if (!orgs.length) throw new ForbiddenError(AUDIT_READ_REFUSED);
  return { where: { orgId: { in: orgs.map((o) => o.id) } }, org: null };
}

/** The entries matching the filters (organisation scope aside). */
async function filterWhere(db: DbOrTx, filters: AuditFilters): Promise<Prisma.AuditEntryWhereInput[]> {
  const where: Prisma.AuditEntryWhereInput[] = [];
  if (filters.actor) {
    const handle = filters.actor.replace(/^@/, "");
    // Today's holder of the handle, and whoever had it when the entry was written.
    const user = await db.user.findUnique({ where: { handle }, select: { id: true } });
    where.push(user ? { OR: [{ actorId: user.id }, { actorHandle: handle }] } : { actorHandle: handle });
  }
  if (filters.action) where.push({ action: filters.action });
  if (filters.outcome) where.push({ outcome: filters.outcome });
  if (filters.from || filters.to) where.push({ createdAt: { ...(filters.from ? { gte: filters.from } : {}), ...(filters.to ? { lte: filters.to } : {}) } });
  return where;
}

/** The where clause for the viewer and these filters, and the organisation asked for, if any. */
export async function auditWhere(db: DbOrTx, actor: Actor, filters: AuditFilters, request?: RequestMeta | null) {
  const [scope, rest] = await Promise.all([readableScope(db, actor, filters, request), filterWhere(db, filters)]);
  return { where: { AND: [scope.where, ...rest] } satisfies Prisma.AuditEntryWhereInput, org: scope.org };
}

export const AUDIT_ORDER = [{ createdAt: "desc" }, { id: "desc" }] satisfies Prisma.AuditEntryOrderByWithRelationInput[];

export const auditEntrySelect = {
  id: true,
  createdAt: true,
  actorId: true,
  actorHandle: true,
  orgId: true,
  action: true,
  outcome: true,
  targetType: true,
  targetId: true,
  fromValue: true,
  toValue: true,
  comment: true,
  ip: true,
  userAgent: true,
  details: true,
} satisfies Prisma.AuditEntrySelect;

export type AuditRow = Prisma.AuditEntryGetPayload<{ select: typeof auditEntrySelect }>;

export type AuditEntryView = {
  id: string;
  createdAt: Date;
  action: string;
  /** The words for the action (the raw name when the log holds one no longer in AUDIT_ACTIONS). */
  actionLabel: string;
  outcome: AuditOutcome;
  /** null for the system (Stripe's webhooks, jobs, sign-in locks). */
  actor: { id: string | null; handle: string | null } | null;
  org: OrgRef | null;
  target: { type: string; id: string | null; label: string | null; href: string | null };
  from: string | null;
  to: string | null;
  comment: string | null;
  ip: string | null;
  userAgent: string | null;
  details: Record<string, unknown>;
};

const labelOf = (action: string) => (action in AUDIT_ACTIONS ? AUDIT_ACTIONS[action as AuditAction] : action);

/**
 * Entries as the page and the CSV show them: each organisation named; people and organisations as
 * targets by handle and name (public on their pages anyway); prompt, version and listing targets
 * linked to their prompt when the viewer may read it (a title never leaks through the log).
 */
export async function presentAuditRows(db: DbOrTx, actor: Actor, rows: AuditRow[]): Promise<AuditEntryView[]> {
  const ids = (type: string) => [...new Set(rows.filter((r) => r.targetType === type && r.targetId).map((r) => r.targetId!))];
  const orgIds = [...new Set([...rows.flatMap((r) => (r.orgId ? [r.orgId] : [])), ...ids("organization")])];
  const readable = readablePromptsWhere(actor);
  const promptSelect = { select: { slug: true, title: true } } as const;
  const [orgs, users, prompts, versions, listings] = await Promise.all([
    orgIds.length ? db.organization.findMany({ where: { id: { in: orgIds } }, select: { id: true, slug: true, name: true } }) : [],
    ids("user").length ? db.user.findMany({ where: { id: { in: ids("user") } }, select: { id: true, handle: true, deletedAt: true } }) : [],
    ids("prompt").length ? db.prompt.findMany({ where: { AND: [{ id: { in: ids("prompt") } }, readable] }, select: { id: true, slug: true, title: true } }) : [],
    ids("version").length
      ? db.promptVersion.findMany({ where: { id: { in: ids("version") }, prompt: readable }, select: { id: true, number: true, prompt: promptSelect } })
      : [],
    ids("listing").length ? db.listing.findMany({ where: { id: { in: ids("listing") }, prompt: readable }, select: { id: true, prompt: promptSelect } }) : [],
  ]);
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const targets = new Map<string, { label: string; href: string | null }>();
  for (const o of orgs) targets.set(`organization:${o.id}`, { label: o.name, href: `/o/${o.slug}` });
  for (const u of users) targets.set(`user:${u.id}`, u.deletedAt ? { label: "a deleted account", href: null } : { label: `@${u.handle}`, href: `/u/${u.handle}` });
  for (const p of prompts) targets.set(`prompt:${p.id}`, { label: p.title, href: `/p/${p.slug}` });
  for (const v of versions) targets.set(`version:${v.id}`, { label: `${v.prompt.title} v${v.number}`, href: `/p/${v.prompt.slug}?v=${v.number}` });
  for (const l of listings) targets.set(`listing:${l.id}`, { label: `Listing of ${l.prompt.title}`, href: `/p/${l.prompt.slug}` });

  return rows.map((r) => {
    const target = r.targetId ? targets.get(`${r.targetType}:${r.targetId}`) : undefined;
    return {
      id: r.id,
      createdAt: r.createdAt,
      action: r.action,
      actionLabel: labelOf(r.action),
      outcome: r.outcome === "refused" ? "refused" : "allowed",
      actor: r.actorId || r.actorHandle ? { id: r.actorId, handle: r.actorHandle } : null,
      org: r.orgId ? (orgById.get(r.orgId) ?? { id: r.orgId, slug: "", name: "(deleted organisation)" }) : null,
      target: { type: r.targetType, id: r.targetId, label: target?.label ?? null, href: target?.href ?? null },
      from: r.fromValue,
      to: r.toValue,
      comment: r.comment,
      ip: r.ip,
      userAgent: r.userAgent,
      details: r.details && typeof r.details === "object" && !Array.isArray(r.details) ? (r.details as Record<string, unknown>) : {},
    };
  });
}

/** One page of the log, newest first; `org` is the organisation filtered on, if any. */
export async function listAuditEntries(db: DbOrTx, actor: Actor, input: AuditListInput, request?: RequestMeta | null) {
  const { where, org } = await auditWhere(db, actor, input, request);
  const rows = await db.auditEntry.findMany({ where, orderBy: AUDIT_ORDER, ...page(input), select: auditEntrySelect });
  const { items, nextCursor } = pageResult(rows, input);
  return { items: await presentAuditRows(db, actor, items), nextCursor, org };
}

/** What the audit page offers the viewer: whether they see everything, and the organisations they may pick. */
export async function auditScope(db: DbOrTx, actor: Actor) {
  const orgs = await auditableOrgs(db, actor);
  const siteAdmin = isAdmin(actor);
  return { siteAdmin, orgs, mayRead: siteAdmin || orgs.length > 0 };
}
