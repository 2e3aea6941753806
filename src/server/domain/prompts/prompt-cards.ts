// The card a search result is (prompt.search, prompt.similar and search by meaning): one row shape
// and one mapping, so every list of results looks the same to the viewer. A card never carries a
// body: its words appear only as the description's snippet.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { DbOrTx } from "@/server/db/prisma";
import type { Viewer } from "../actor";
import { latestBodyHiddenSql } from "../access/paid-access";
import { forkSourceFor, listablePromptsSql, notArchivedSql } from "../access/prompt-access";
import { averageOf } from "./prompt-queries";
import type { Visibility } from "@/shared/prompts/visibility";

export type PromptCardRow = {
  id: string;
  slug: string;
  title: string;
  description: string;
  category: string;
  tags: string[];
  visibility: Visibility;
  createdAt: Date;
  updatedAt: Date;
  forkedFromVersionId: string | null;
  /** The source version's number and its prompt's owner and visibility (forkSourceFor decides what the viewer sees). */
  sourceNumber: number | null;
  sourceOwnerId: string | null;
  sourceVisibility: Visibility | null;
  likeCount: number;
  favoriteCount: number;
  ratingCount: number;
  ratingSum: number;
  ratingScore: number;
  commentCount: number;
  forkCount: number;
  viewCount: number;
  ownerId: string;
  ownerHandle: string;
  ownerName: string | null;
  ownerImage: string | null;
  versionCount: number;
  snippet: string | null;
  bodyLocked: boolean;
};

export function toPromptCard(r: PromptCardRow, viewer: Viewer) {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    description: r.description,
    category: r.category,
    tags: r.tags,
    visibility: r.visibility,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    ...forkSourceFor(
      r.forkedFromVersionId && r.sourceOwnerId && r.sourceVisibility
        ? { id: r.forkedFromVersionId, number: r.sourceNumber ?? 0, prompt: { ownerId: r.sourceOwnerId, visibility: r.sourceVisibility } }
        : null,
      viewer,
    ),
    owner: { id: r.ownerId, handle: r.ownerHandle, name: r.ownerName, image: r.ownerImage },
    versionCount: r.versionCount,
    likeCount: r.likeCount,
    favoriteCount: r.favoriteCount,
    ratingCount: r.ratingCount,
    ratingAverage: averageOf(r),
    /** The Bayesian average "Top rated" sorts by (shared/social/rating-score.ts). */
    ratingScore: r.ratingScore,
    commentCount: r.commentCount,
    forkCount: r.forkCount,
    viewCount: r.viewCount,
    // Quoted from the description only, never from the body.
    snippet: r.snippet,
    bodyLocked: r.bodyLocked,
  };
}

export type PromptCard = ReturnType<typeof toPromptCard>;

/**
 * Cards for these prompts, in the order given, leaving out any the viewer may not list (public or
 * their own, never archived). `q` highlights matching words of the description as the snippet.
 * With `byLink`, unlisted prompts (not archived) count too: lists a person made from links they
 * opened (favourites, collections) keep them.
 */
export async function promptCardsByIds(db: DbOrTx, viewer: Viewer, ids: string[], q?: string, options: { byLink?: boolean } = {}): Promise<PromptCard[]> {
  if (!ids.length) return [];
  const snippet = q ? Prisma.sql`ts_headline('english', p.description, websearch_to_tsquery('english', ${q}), 'MaxFragments=1, MaxWords=24, MinWords=8, StartSel=<mark>, StopSel=</mark>')` : Prisma.sql`NULL`;
  const rows = await db.$queryRaw<PromptCardRow[]>`
    SELECT p.id, p.slug, p.title, p.description, p.category, p.tags, p.visibility::text AS visibility, p."createdAt", p."updatedAt",
      p."forkedFromVersionId", p."likeCount", p."favoriteCount", p."ratingCount", p."ratingSum", p."ratingScore", p."commentCount", p."forkCount", p."viewCount", p."ownerId",
      ${latestBodyHiddenSql(viewer, "p")} AS "bodyLocked",
      u.handle AS "ownerHandle", u.name AS "ownerName", u.image AS "ownerImage",
      sv.number AS "sourceNumber", sp."ownerId" AS "sourceOwnerId", sp.visibility::text AS "sourceVisibility",
      (SELECT count(*)::int FROM "PromptVersion" v WHERE v."promptId" = p.id AND v.status = 'approved') AS "versionCount",
      ${snippet} AS snippet
    FROM "Prompt" p
    JOIN "User" u ON u.id = p."ownerId"
    LEFT JOIN "PromptVersion" sv ON sv.id = p."forkedFromVersionId"
    LEFT JOIN "Prompt" sp ON sp.id = sv."promptId"
    WHERE p.id = ANY(${ids}::text[]) AND (${listablePromptsSql(viewer, "p")}${options.byLink ? Prisma.sql` OR (p.visibility = 'unlisted' AND ${notArchivedSql("p")})` : Prisma.empty})`;
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toPromptCard(row, viewer)] : [];
  });
}
