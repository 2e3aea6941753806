// Who may see and change a prompt. Private prompts are invisible to others: NOT_FOUND, never FORBIDDEN,
// so their existence does not leak. Who may read a paid prompt's body is decided in
// paid-access.ts (findReadableVersionWithBody below applies it).
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { DbOrTx } from "@/server/db/prisma";
import { isAdmin, type Viewer } from "../actor";
import { ForbiddenError, NotFoundError } from "../errors";
import { assertCanReadBody, LOCKED_BODY_REASON } from "./paid-access";
import type { Visibility } from "@/shared/prompts/visibility";

type PromptAccessFields = { ownerId: string; visibility: Visibility };

export function canReadPrompt(prompt: PromptAccessFields, viewer: Viewer) {
  return prompt.visibility === "public" || prompt.visibility === "unlisted" || prompt.ownerId === viewer?.id || isAdmin(viewer);
}

/** What a prompt row selects about the version it was forked from, for forkSourceFor below. */
export const forkSourceSelect = { select: { id: true, number: true, prompt: { select: { ownerId: true, visibility: true } } } } as const;

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

/** Prompts a viewer may find in lists: public ones, plus their own (unlisted prompts only by link); never archived ones. */
export function listablePromptsWhere(viewer: Viewer): Prisma.PromptWhereInput {
  return { AND: [notArchivedWhere, viewer ? { OR: [{ visibility: "public" }, { ownerId: viewer.id }] } : { visibility: "public" }] };
}

/** listablePromptsWhere as SQL on the prompt row `alias`, for raw queries (search). */
export function listablePromptsSql(viewer: Viewer, alias = "p"): Prisma.Sql {
  const p = Prisma.raw(`"${alias.replace(/"/g, "")}"`);
  const visible = viewer ? Prisma.sql`(${p}.visibility = 'public' OR ${p}."ownerId" = ${viewer.id})` : Prisma.sql`${p}.visibility = 'public'`;
  return Prisma.sql`(${visible} AND ${notArchivedSql(alias)})`;
}

/**
 * Prompts a viewer may read by id or slug. An archived prompt keeps its URL only for its owner,
 * admins and holders of an active license; for everyone else it is NOT_FOUND.
 */
export function readablePromptsWhere(viewer: Viewer): Prisma.PromptWhereInput {
  if (isAdmin(viewer)) return {};
  const shared = { visibility: { in: ["public", "unlisted"] } } satisfies Prisma.PromptWhereInput;
  if (!viewer) return { ...shared, ...notArchivedWhere };
  const licensed = { licenses: { some: { holderId: viewer.id, status: "active" } } } satisfies Prisma.PromptWhereInput;
  return { OR: [{ ownerId: viewer.id }, { AND: [shared, { OR: [notArchivedWhere, licensed] }] }] };
}

export async function findReadablePrompt(db: DbOrTx, viewer: Viewer, promptId: string) {
  const prompt = await db.prompt.findFirst({ where: { AND: [{ id: promptId }, readablePromptsWhere(viewer)] } });
  if (!prompt) throw new NotFoundError("Prompt");
  return prompt;
}

export async function findReadableVersion(db: DbOrTx, viewer: Viewer, versionId: string) {
  const version = await db.promptVersion.findFirst({
    where: { id: versionId, prompt: readablePromptsWhere(viewer) },
    include: { prompt: true },
  });
  if (!version) throw new NotFoundError("Version");
  return version;
}

/** Only the owner writes. Someone who cannot even read it gets NOT_FOUND. */
export function assertCanWritePrompt(prompt: PromptAccessFields, viewer: Viewer) {
  if (!canReadPrompt(prompt, viewer)) throw new NotFoundError("Prompt");
  if (!viewer || prompt.ownerId !== viewer.id) throw new ForbiddenError("Only the prompt's owner can change it.");
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
