// Paid content: the body of a prompt with an ACTIVE PAID listing (status active, price > 0) is shown
// only to its owner, admins, and holders of an active license covering that version number. Everyone
// else still sees the title, description, variables, changelogs, ratings and comments. Free, draft and
// paused listings, and prompts without a listing, are not gated. Every read path asks here.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { DbOrTx } from "@/server/db/prisma";
import { isAdmin, type Viewer } from "../actor";
import { ForbiddenError } from "../errors";
import { PAID_FORK_PRIVATE_REASON } from "@/shared/prompts/fork-title";
import type { Visibility } from "@/shared/prompts/visibility";
import { FULL_REACH, type ViewerReach } from "./viewer-reach";

/** What APIs say when a body is withheld. */
export const LOCKED_BODY_REASON = "This prompt is for sale: buy a license to use its body.";

/** What APIs say when a copy of paid content would become public or unlisted (worded once, with the fork dialog). */
export { PAID_FORK_PRIVATE_REASON };

/** Listings that lock bodies. */
export const activePaidListingWhere = { status: "active", priceCents: { gt: 0 } } satisfies Prisma.ListingWhereInput;

/** A prompt as far as paid access needs it. */
export type PaidAccessPrompt = { id: string; ownerId: string };

export type BodyAccess = {
  /** The prompt has an active paid listing. */
  forSale: boolean;
  /** For sale, and this viewer is neither its owner nor an admin: licenses decide (see `canRead`). */
  gated: boolean;
  /** This viewer holds an active license for the prompt (whatever versions it covers). */
  licensed: boolean;
  /** Whether this viewer may read the body of the version with this number. */
  canRead: (versionNumber: number) => boolean;
};

const OPEN: BodyAccess = { forSale: false, gated: false, licensed: false, canRead: () => true };

type CoveredRange = { fromVersion: number; toVersion: number | null };
const covers = (ranges: CoveredRange[], n: number) => ranges.some((r) => r.fromVersion <= n && (r.toVersion === null || n <= r.toVersion));

/**
 * Body access for many prompts at once (a page of cards, a feed): one query for listings and, only
 * when something is gated for a signed-in viewer, one for that viewer's licenses.
 */
export async function bodyAccessFor(db: DbOrTx, viewer: Viewer, prompts: readonly PaidAccessPrompt[]): Promise<Map<string, BodyAccess>> {
  const access = new Map<string, BodyAccess>(prompts.map((p) => [p.id, OPEN]));
  if (!prompts.length) return access;
  const ids = [...new Set(prompts.map((p) => p.id))];
  const listed = await db.listing.findMany({ where: { promptId: { in: ids }, ...activePaidListingWhere }, select: { promptId: true } });
  if (!listed.length) return access;
  const forSale = new Set(listed.map((l) => l.promptId));

  const exempt = (p: PaidAccessPrompt) => isAdmin(viewer) || p.ownerId === viewer?.id;
  const gatedIds = prompts.filter((p) => forSale.has(p.id) && !exempt(p)).map((p) => p.id);
  const licenses =
    viewer && gatedIds.length
      ? await db.license.findMany({
          where: { holderId: viewer.id, status: "active", promptId: { in: [...new Set(gatedIds)] } },
          select: { promptId: true, fromVersion: true, toVersion: true },
        })
      : [];
  const rangesOf = new Map<string, CoveredRange[]>();
  for (const l of licenses) rangesOf.set(l.promptId, [...(rangesOf.get(l.promptId) ?? []), l]);

  for (const p of prompts) {
    if (!forSale.has(p.id)) continue;
    if (exempt(p)) {
      access.set(p.id, { ...OPEN, forSale: true });
      continue;
    }
    const ranges = rangesOf.get(p.id) ?? [];
    access.set(p.id, { forSale: true, gated: true, licensed: ranges.length > 0, canRead: (n) => covers(ranges, n) });
  }
  return access;
}

/** Body access for one prompt. */
export async function bodyAccessOf(db: DbOrTx, viewer: Viewer, prompt: PaidAccessPrompt): Promise<BodyAccess> {
  return (await bodyAccessFor(db, viewer, [prompt])).get(prompt.id) ?? OPEN;
}

/** Whether the viewer may read the body of one version of a prompt. */
export async function canReadBody(db: DbOrTx, viewer: Viewer, prompt: PaidAccessPrompt, versionNumber: number): Promise<boolean> {
  return (await bodyAccessOf(db, viewer, prompt)).canRead(versionNumber);
}

/** Throws FORBIDDEN (with `message`) unless the viewer may read that version's body. */
export async function assertCanReadBody(db: DbOrTx, viewer: Viewer, prompt: PaidAccessPrompt, versionNumber: number, message = LOCKED_BODY_REASON) {
  if (!(await canReadBody(db, viewer, prompt, versionNumber))) throw new ForbiddenError(message);
}

/**
 * A version as this viewer may see it: the same fields, with `body: null` and `bodyLocked: true`
 * when the body is withheld (variables, changelog and the rest stay).
 */
export function withBodyAccess<T extends { number: number; body: string }>(version: T, access: BodyAccess): Omit<T, "body"> & { body: string | null; bodyLocked: boolean } {
  const locked = !access.canRead(version.number);
  return { ...version, body: locked ? null : version.body, bodyLocked: locked };
}

/**
 * SQL that is true when the LATEST body of the prompt row `alias` is withheld from the viewer: what
 * the search document indexes, so search can leave the body's words out for those who cannot read it.
 * `reach` (viewer-reach.ts) leaves out the licenses' part for a viewer who holds none.
 */
export function latestBodyHiddenSql(viewer: Viewer, alias = "p", reach: Pick<ViewerReach, "licenses"> = FULL_REACH): Prisma.Sql {
  if (isAdmin(viewer)) return Prisma.sql`FALSE`;
  const p = Prisma.raw(`"${alias.replace(/"/g, "")}"`);
  const listed = Prisma.sql`EXISTS (SELECT 1 FROM "Listing" l WHERE l."promptId" = ${p}.id AND l.status = 'active' AND l."priceCents" > 0)`;
  if (!viewer) return listed;
  if (!reach.licenses) return Prisma.sql`(${listed} AND ${p}."ownerId" <> ${viewer.id})`;
  const latest = Prisma.sql`(SELECT max(v.number) FROM "PromptVersion" v WHERE v."promptId" = ${p}.id)`;
  return Prisma.sql`(${listed} AND ${p}."ownerId" <> ${viewer.id} AND NOT EXISTS (
    SELECT 1 FROM "License" li WHERE li."promptId" = ${p}.id AND li."holderId" = ${viewer.id} AND li.status = 'active'
      AND li."fromVersion" <= ${latest} AND (li."toVersion" IS NULL OR li."toVersion" >= ${latest})))`;
}

const MAX_LINEAGE_DEPTH = 50;

/** The prompt a version belongs to and every prompt up its fork lineage, nearest first (one query). */
async function forkChain(db: DbOrTx, versionId: string): Promise<PaidAccessPrompt[]> {
  return db.$queryRaw<PaidAccessPrompt[]>`
    WITH RECURSIVE chain(id, "ownerId", "forkedFromVersionId", depth) AS (
      SELECT p.id, p."ownerId", p."forkedFromVersionId", 1
      FROM "PromptVersion" v JOIN "Prompt" p ON p.id = v."promptId" WHERE v.id = ${versionId}
      UNION ALL
      SELECT p.id, p."ownerId", p."forkedFromVersionId", c.depth + 1
      FROM chain c JOIN "PromptVersion" v ON v.id = c."forkedFromVersionId" JOIN "Prompt" p ON p.id = v."promptId"
      WHERE c.depth < ${MAX_LINEAGE_DEPTH}
    )
    SELECT id, "ownerId" FROM chain ORDER BY depth`;
}

/**
 * Whether a version's content is, or was copied from, paid content gated for this viewer: its own
 * prompt or any prompt up its fork lineage is for sale and the viewer is not its owner or an admin.
 */
export async function derivesFromGatedContent(db: DbOrTx, viewer: Viewer, versionId: string | null): Promise<boolean> {
  if (!versionId || isAdmin(viewer)) return false;
  const chain = await forkChain(db, versionId);
  const access = await bodyAccessFor(db, viewer, chain);
  return chain.some((p) => access.get(p.id)?.gated);
}

/**
 * Copies of paid content stay private: a fork whose lineage reaches a prompt that is for sale may
 * only become public or unlisted for someone that prompt is not gated for (its owner, an admin).
 */
export async function assertMayPublishFork(db: DbOrTx, viewer: Viewer, forkedFromVersionId: string | null, visibility: Visibility) {
  if (visibility === "private") return;
  if (await derivesFromGatedContent(db, viewer, forkedFromVersionId)) throw new ForbiddenError(PAID_FORK_PRIVATE_REASON);
}
