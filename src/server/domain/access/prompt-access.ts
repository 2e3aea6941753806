// Who may see and change a prompt. Private prompts are invisible to others: NOT_FOUND, never FORBIDDEN,
// so their existence does not leak. Who may read a paid prompt's body is decided in
// paid-access.ts (findReadableVersionWithBody below applies it).
//
// A personal prompt (orgId null) belongs to its owner. An organisation's prompt belongs to the
// organisation: its members' roles decide (the role matrix, through assertOrgAction), and its
// creator (ownerId) has no rights of their own once they are no longer a member. Members-only
// prompts are readable by every member; a private organisation prompt only by the members who work
// on its versions (ORG_PRIVATE_READ_ROLES).
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { DbOrTx } from "@/server/db/prisma";
import { ORG_ACTIONS, roleAllows, type OrgAction } from "@/shared/governance/role-matrix";
import type { OrgRole } from "@/shared/governance/org-roles";
import { isAdmin, type Viewer } from "../actor";
import { ForbiddenError, NotFoundError } from "../errors";
import { assertOrgAction, describeAction, orgRoleOf, type OrgActionOptions } from "../governance/org-authorization";
import { assertCanReadBody, LOCKED_BODY_REASON } from "./paid-access";
import { assertVersionVisible } from "./version-visibility";
import { FULL_REACH, type ViewerReach } from "./viewer-reach";
import { oncePerRender } from "./render-scope";
import type { Visibility } from "@/shared/prompts/visibility";

type PromptAccessFields = { ownerId: string; visibility: Visibility; orgId?: string | null };

/** Roles that read an organisation's private prompts: those who propose versions and up. */
export const ORG_PRIVATE_READ_ROLES: readonly OrgRole[] = ORG_ACTIONS["version.propose"];
const ORG_ANY_ROLE: readonly OrgRole[] = ORG_ACTIONS["prompt.read"];

/**
 * Whether the viewer may read the prompt. For an organisation's members-only or private prompt the
 * caller passes the viewer's role there (orgRoleOf); without it such a prompt counts as unreadable,
 * so a caller that does not know the role never leaks one.
 */
export function canReadPrompt(prompt: PromptAccessFields, viewer: Viewer, orgRole?: OrgRole | null) {
  if (prompt.visibility === "public" || prompt.visibility === "unlisted" || isAdmin(viewer)) return true;
  if (!viewer) return false;
  if (prompt.visibility === "members") return orgRole != null && ORG_ANY_ROLE.includes(orgRole);
  if (prompt.orgId) return orgRole != null && ORG_PRIVATE_READ_ROLES.includes(orgRole);
  return prompt.ownerId === viewer.id;
}

/** What a prompt row selects about the version it was forked from, for forkSourceFor below. */
export const forkSourceSelect = { select: { id: true, number: true, prompt: { select: { ownerId: true, visibility: true, orgId: true } } } } as const;

/**
 * What a viewer may know of where a prompt was forked from: that it is a fork, always; the source
 * version's id and number only when they may read the source prompt (an id names it: version.byId,
 * render, fork).
 */
export function forkSourceFor(source: { id: string; number: number; prompt: PromptAccessFields } | null, viewer: Viewer) {
  const visible = source !== null && canReadPrompt(source.prompt, viewer);
  return { isFork: source !== null, forkedFromVersionId: visible ? source.id : null, forkedFromVersionNumber: visible ? source.number : null };
}

/**
 * Archived prompts leave every list, for everyone (search, profiles, feeds, trending, the Market):
 * the one fragment each listing query applies, as Prisma and as SQL.
 */
export const notArchivedWhere = { archivedAt: null } satisfies Prisma.PromptWhereInput;
export function notArchivedSql(alias = "p"): Prisma.Sql {
  return Prisma.sql`${Prisma.raw(`"${alias.replace(/"/g, "")}"`)}."archivedAt" IS NULL`;
}

/**
 * The prompts of organisations the viewer belongs to that their role lets them read (every
 * visibility for ORG_PRIVATE_READ_ROLES, all but private for the others), as Prisma.
 */
function memberPromptsWhere(userId: string): Prisma.PromptWhereInput[] {
  return [
    { org: { members: { some: { userId, role: { in: [...ORG_PRIVATE_READ_ROLES] } } } } },
    { visibility: { not: "private" }, org: { members: { some: { userId } } } },
  ];
}

/** Prompts a viewer may find in lists: public ones, plus their own and their organisations' (unlisted prompts only by link); never archived ones. */
export function listablePromptsWhere(viewer: Viewer): Prisma.PromptWhereInput {
  return {
    AND: [notArchivedWhere, viewer ? { OR: [{ visibility: "public" }, { orgId: null, ownerId: viewer.id }, ...memberPromptsWhere(viewer.id)] } : { visibility: "public" }],
  };
}

/**
 * The prompts a person's captured calls may count as uses of (capture identity): their own personal
 * prompts and the prompts of organisations where their role allows capture.attribute; never another
 * organisation's, whatever its visibility. As SQL on the prompt row `alias`.
 */
export function attributablePromptsSql(ownerId: string, alias = "p"): Prisma.Sql {
  const p = Prisma.raw(`"${alias.replace(/"/g, "")}"`);
  return Prisma.sql`((${p}."orgId" IS NULL AND ${p}."ownerId" = ${ownerId}) OR ${p}."orgId" IN (
    SELECT m."orgId" FROM "Membership" m WHERE m."userId" = ${ownerId} AND m.role::text = ANY(${[...ORG_ACTIONS["capture.attribute"]]}::text[])))`;
}

/**
 * listablePromptsWhere as SQL on the prompt row `alias`, for raw queries (search). `reach`
 * (viewer-reach.ts) leaves out the organisations' part for a viewer who belongs to none.
 */
export function listablePromptsSql(viewer: Viewer, alias = "p", reach: Pick<ViewerReach, "orgs"> = FULL_REACH): Prisma.Sql {
  const p = Prisma.raw(`"${alias.replace(/"/g, "")}"`);
  const own = viewer ? Prisma.sql`(${p}."orgId" IS NULL AND ${p}."ownerId" = ${viewer.id})` : null;
  const visible = !viewer
    ? Prisma.sql`${p}.visibility = 'public'`
    : reach.orgs
      ? Prisma.sql`(${p}.visibility = 'public' OR ${own} OR (${p}."orgId" IS NOT NULL AND EXISTS (
        SELECT 1 FROM "Membership" m WHERE m."orgId" = ${p}."orgId" AND m."userId" = ${viewer.id}
          AND (${p}.visibility <> 'private' OR m.role::text = ANY(${[...ORG_PRIVATE_READ_ROLES]}::text[])))))`
      : Prisma.sql`(${p}.visibility = 'public' OR ${own})`;
  return Prisma.sql`(${visible} AND ${notArchivedSql(alias)})`;
}

/**
 * Prompts a viewer may read by id or slug. An archived prompt keeps its URL only for its owner (for
 * an organisation's prompt: the members who may read it), admins and holders of an active license;
 * for everyone else it is NOT_FOUND.
 */
export function readablePromptsWhere(viewer: Viewer): Prisma.PromptWhereInput {
  if (isAdmin(viewer)) return {};
  const shared = { visibility: { in: ["public", "unlisted"] } } satisfies Prisma.PromptWhereInput;
  if (!viewer) return { ...shared, ...notArchivedWhere };
  const licensed = { licenses: { some: { holderId: viewer.id, status: "active" } } } satisfies Prisma.PromptWhereInput;
  return { OR: [{ orgId: null, ownerId: viewer.id }, ...memberPromptsWhere(viewer.id), { AND: [shared, { OR: [notArchivedWhere, licensed] }] }] };
}

const readablePromptRow = (db: DbOrTx, viewer: Viewer, promptId: string) => db.prompt.findFirst({ where: { AND: [{ id: promptId }, readablePromptsWhere(viewer)] } });

export async function findReadablePrompt(db: DbOrTx, viewer: Viewer, promptId: string) {
  // A page render asks this for every procedure about its prompt: once is enough (render-scope.ts).
  const prompt = await oncePerRender(viewer, `readable:${promptId}`, () => readablePromptRow(db, viewer, promptId));
  if (!prompt) throw new NotFoundError("Prompt");
  return prompt;
}

export async function findReadableVersion(db: DbOrTx, viewer: Viewer, versionId: string) {
  const version = await db.promptVersion.findFirst({
    where: { id: versionId, prompt: readablePromptsWhere(viewer) },
    include: { prompt: true },
  });
  if (!version) throw new NotFoundError("Version");
  // Unapproved versions only for those who may see them (version-visibility.ts): every path that
  // takes a version id (byId, render, fork, harness, copy, promote) comes through here.
  await assertVersionVisible(db, viewer, version);
  return version;
}

/**
 * Only the owner writes a personal prompt. Someone who cannot even read it gets NOT_FOUND. An
 * organisation's prompt is never written through this synchronous check (it cannot know roles):
 * call assertPromptAction.
 */
export function assertCanWritePrompt(prompt: PromptAccessFields, viewer: Viewer) {
  if (prompt.orgId) throw new ForbiddenError("This prompt belongs to an organisation: its roles decide who may change it.");
  if (!canReadPrompt(prompt, viewer)) throw new NotFoundError("Prompt");
  if (!viewer || prompt.ownerId !== viewer.id) throw new ForbiddenError("Only the prompt's owner can change it.");
}

type PromptActionFields = PromptAccessFields & { id: string };

/** Actions anyone who may read a personal prompt may take on it; the rest are its owner's. */
const READER_ACTIONS: readonly OrgAction[] = ["prompt.read", "prompt.use", "capture.attribute"];
/** Reads only the owner may make: refused with what they are, not as a change. */
const READ_ACTIONS_OF_OWNERS: readonly OrgAction[] = ["analytics.read", "version.readUnapproved"];

/** The viewer's role in the organisation owning the prompt (null for a personal prompt or a non-member). */
export async function promptRoleOf(db: DbOrTx, viewer: Viewer, prompt: { orgId?: string | null }): Promise<OrgRole | null> {
  return prompt.orgId ? orgRoleOf(db, prompt.orgId, viewer) : null;
}

/**
 * The one check before acting on a prompt, personal or an organisation's: NOT_FOUND when the viewer
 * may not read it; for an organisation's prompt, the role matrix through assertOrgAction (a refused
 * audited action is recorded), FORBIDDEN for a non-member of a prompt they can read (a public one);
 * for a personal prompt, reading actions for readers and everything else for its owner only.
 * Returns the viewer's role in the organisation (null for a personal prompt).
 */
export async function assertPromptAction(db: DbOrTx, viewer: Viewer, prompt: PromptActionFields, action: OrgAction, options: OrgActionOptions = {}): Promise<OrgRole | null> {
  const role = await promptRoleOf(db, viewer, prompt);
  if (!canReadPrompt(prompt, viewer, role)) throw new NotFoundError("Prompt");
  if (!prompt.orgId) {
    if (READER_ACTIONS.includes(action) || (viewer && prompt.ownerId === viewer.id)) return null;
    throw new ForbiddenError(READ_ACTIONS_OF_OWNERS.includes(action) ? `Only the prompt's owner may ${describeAction(action)} of it.` : "Only the prompt's owner can change it.");
  }
  if (!role && READER_ACTIONS.includes(action)) return null; // a public organisation prompt: anyone may read and use it (approved versions)
  try {
    return await assertOrgAction(db, viewer, prompt.orgId, action, { ...options, target: options.target ?? { type: "prompt", id: prompt.id } });
  } catch (error) {
    if (error instanceof NotFoundError) throw new ForbiddenError("Only members of the organisation that owns this prompt may change it.");
    throw error;
  }
}

/** assertPromptAction as a yes/no, for pages deciding which actions to offer (nothing is audited). */
export async function mayPromptAction(db: DbOrTx, viewer: Viewer, prompt: PromptActionFields, action: OrgAction): Promise<boolean> {
  const role = await promptRoleOf(db, viewer, prompt);
  if (!canReadPrompt(prompt, viewer, role)) return false;
  if (!prompt.orgId) return READER_ACTIONS.includes(action) || (viewer !== null && prompt.ownerId === viewer.id);
  return roleAllows(role, action) || (!role && READER_ACTIONS.includes(action));
}

/**
 * A version whose body the viewer may read: NOT_FOUND as above, and FORBIDDEN (saying why) when it
 * is paid content the viewer holds no license for (see paid-access.ts).
 */
export async function findReadableVersionWithBody(db: DbOrTx, viewer: Viewer, versionId: string, lockedMessage = LOCKED_BODY_REASON) {
  const version = await findReadableVersion(db, viewer, versionId);
  await assertCanReadBody(db, viewer, version.prompt, version.number, lockedMessage);
  return version;
}
