// Explore and search: PostgreSQL full-text search (weighted title/tags/description/body) plus
// trigram similarity on titles for typos and partial words, with filters, five sort orders and
// keyset pagination. Every branch is served by an index (see the social_and_search migration).
// Paid bodies never leak: for a prompt whose latest body the viewer may not read, its words (the
// document's weight-D part) neither match nor rank, and snippets only ever quote the description.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { DbOrTx } from "@/server/db/prisma";
import type { Viewer } from "../actor";
import { ValidationError } from "../errors";
import { latestBodyHiddenSql } from "../access/paid-access";
import { forkSourceFor } from "../access/prompt-access";

import { averageOf } from "./prompt-queries";
import type { SEARCH_SORTS } from "./schemas";

export type SearchSort = (typeof SEARCH_SORTS)[number];

export type SearchInput = {
  q?: string;
  category?: string;
  tag?: string;
  author?: string;
  sort?: SearchSort;
  cursor?: string | null;
  limit: number;
};

type Cursor = { v: number | string; id: string };

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString("base64url");
function decodeCursor(raw: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Cursor;
    if (typeof c.id !== "string" || (typeof c.v !== "number" && typeof c.v !== "string")) throw new Error();
    return c;
  } catch {
    throw new ValidationError("cursor: is not a cursor this search returned", { cursor: ["is invalid"] });
  }
}

/**
 * Ranking every match of a common word is what makes relevance slow on large catalogues, so rank
 * a bounded candidate set: the most trending full-text matches, and title matches (substring or
 * trigram, for partial words and typos) only when full text finds too few. The ranking is exact
 * within the candidates, and the same candidates serve every page of one search.
 */
export const RELEVANCE_CANDIDATES = 1000;
const TITLE_CANDIDATES = 200;

async function relevanceCandidates(db: DbOrTx, where: Prisma.Sql[], ftsMatch: Prisma.Sql, like: string, q: string, wanted: number): Promise<string[]> {
  const filters = Prisma.join(where, " AND ");
  const fts = await db.$queryRaw<{ id: string }[]>`
    SELECT p.id FROM "Prompt" p WHERE ${filters} AND ${ftsMatch}
    ORDER BY p."trendingScore" DESC, p.id DESC LIMIT ${RELEVANCE_CANDIDATES}`;
  if (fts.length >= wanted) return fts.map((r) => r.id);
  const titles = await db.$queryRaw<{ id: string }[]>`
    SELECT p.id FROM "Prompt" p WHERE ${filters} AND (p.title ILIKE ${like} OR ${q} <% p.title OR p.title % ${q})
    ORDER BY GREATEST(word_similarity(${q}, p.title), similarity(p.title, ${q})) DESC, p.id DESC LIMIT ${TITLE_CANDIDATES}`;
  return [...new Set([...fts, ...titles].map((r) => r.id))];
}

type Row = {
  id: string;
  slug: string;
  title: string;
  description: string;
  category: string;
  tags: string[];
  visibility: "public" | "unlisted" | "private";
  createdAt: Date;
  updatedAt: Date;
  forkedFromVersionId: string | null;
  /** The source version's number and its prompt's owner and visibility (forkSourceFor decides what the viewer sees). */
  sourceNumber: number | null;
  sourceOwnerId: string | null;
  sourceVisibility: "public" | "unlisted" | "private" | null;
  likeCount: number;
  ratingCount: number;
  ratingSum: number;
  commentCount: number;
  forkCount: number;
  viewCount: number;
  ownerId: string;
  ownerHandle: string;
  ownerName: string | null;
  ownerImage: string | null;
  versionCount: number;
  sortValue: number | Date;
  snippet: string | null;
  bodyLocked: boolean;
};

/** The search document without the body's words (title A, tags B, description C; the body is D). */
const WITHOUT_BODY = Prisma.sql`ts_filter(p."searchVector", '{a,b,c}')`;

export async function searchPrompts(db: DbOrTx, viewer: Viewer, input: SearchInput) {
  const q = input.q?.trim() || undefined;
  const sort: SearchSort = input.sort ?? (q ? "relevance" : "newest");
  if (sort === "relevance" && !q) throw new ValidationError("sort: relevance needs a search query (q)", { sort: ["relevance needs q"] });

  const tsquery = q ? Prisma.sql`websearch_to_tsquery('english', ${q})` : null;
  const like = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;

  const where: Prisma.Sql[] = [viewer ? Prisma.sql`(p.visibility = 'public' OR p."ownerId" = ${viewer.id})` : Prisma.sql`p.visibility = 'public'`];
  const bodyHidden = latestBodyHiddenSql(viewer, "p");
  // Full text on the weighted document; where the body is withheld, on the rest of it only (the
  // indexed match still narrows the rows first).
  const ftsMatch = tsquery ? Prisma.sql`(p."searchVector" @@ ${tsquery} AND (NOT ${bodyHidden} OR ${WITHOUT_BODY} @@ ${tsquery}))` : null;
  const searchDocument = Prisma.sql`(CASE WHEN ${bodyHidden} THEN ${WITHOUT_BODY} ELSE p."searchVector" END)`;
  // Text matches: full-text, or the title containing the words or resembling them word by word
  // (typos). Relevance ranks a bounded candidate set (below).
  const textMatch = q ? Prisma.sql`(${ftsMatch} OR p.title ILIKE ${like} OR ${q} <% p.title OR p.title % ${q})` : null;
  if (textMatch && sort !== "relevance") where.push(textMatch);
  if (input.category) where.push(Prisma.sql`p.category = ${input.category}`);
  if (input.tag) where.push(Prisma.sql`p.tags @> ARRAY[${input.tag.trim().toLowerCase()}]::text[]`);
  if (input.author) where.push(Prisma.sql`p."ownerId" = (SELECT id FROM "User" WHERE handle = ${input.author.trim().toLowerCase().replace(/^@/, "")})`);

  const sortExpr = {
    relevance: Prisma.sql`(ts_rank_cd(${searchDocument}, ${tsquery ?? Prisma.sql`''::tsquery`}, 32) + GREATEST(word_similarity(${q ?? ""}, p.title), similarity(p.title, ${q ?? ""})))::float8`,
    newest: Prisma.sql`p."createdAt"`,
    top_rated: Prisma.sql`p."ratingScore"`,
    most_liked: Prisma.sql`p."likeCount"`,
    trending: Prisma.sql`p."trendingScore"`,
  }[sort];

  if (sort === "relevance") {
    // Enough candidates to fill this page and know whether another follows.
    const ids = await relevanceCandidates(db, [...where], ftsMatch!, like!, q!, input.limit + 1);
    if (!ids.length) return { items: [], nextCursor: null };
    where.push(Prisma.sql`p.id = ANY(${ids}::text[])`);
  }

  if (input.cursor) {
    const c = decodeCursor(input.cursor);
    // Typed like the sort column so the comparison can use its index.
    const v =
      sort === "newest"
        ? Prisma.sql`(${String(c.v)}::timestamptz AT TIME ZONE 'UTC')`
        : sort === "most_liked"
          ? Prisma.sql`${Math.trunc(Number(c.v))}::int`
          : Prisma.sql`${Number(c.v)}::float8`;
    where.push(Prisma.sql`(${sortExpr} < ${v} OR (${sortExpr} = ${v} AND p.id < ${c.id}))`);
  }

  const rows = await db.$queryRaw<Row[]>`
    SELECT page.*, u.handle AS "ownerHandle", u.name AS "ownerName", u.image AS "ownerImage",
      sv.number AS "sourceNumber", sp."ownerId" AS "sourceOwnerId", sp.visibility::text AS "sourceVisibility",
      (SELECT count(*)::int FROM "PromptVersion" v WHERE v."promptId" = page.id) AS "versionCount",
      ${q ? Prisma.sql`ts_headline('english', page.description, ${tsquery}, 'MaxFragments=1, MaxWords=24, MinWords=8, StartSel=<mark>, StopSel=</mark>')` : Prisma.sql`NULL`} AS snippet
    FROM (
      SELECT p.id, p.slug, p.title, p.description, p.category, p.tags, p.visibility::text AS visibility, p."createdAt", p."updatedAt",
        p."forkedFromVersionId", p."likeCount", p."ratingCount", p."ratingSum", p."commentCount", p."forkCount", p."viewCount", p."ownerId",
        ${bodyHidden} AS "bodyLocked", ${sortExpr} AS "sortValue"
      FROM "Prompt" p
      WHERE ${Prisma.join(where, " AND ")}
      ORDER BY "sortValue" DESC, p.id DESC
      LIMIT ${input.limit + 1}
    ) page
    JOIN "User" u ON u.id = page."ownerId"
    LEFT JOIN "PromptVersion" sv ON sv.id = page."forkedFromVersionId"
    LEFT JOIN "Prompt" sp ON sp.id = sv."promptId"
    ORDER BY page."sortValue" DESC, page.id DESC`;

  const items = rows.slice(0, input.limit);
  const last = items[items.length - 1];
  return {
    items: items.map((r) => ({
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
      ratingCount: r.ratingCount,
      ratingAverage: averageOf(r),
      commentCount: r.commentCount,
      forkCount: r.forkCount,
      viewCount: r.viewCount,
      // Quoted from the description only, never from the body.
      snippet: r.snippet,
      bodyLocked: r.bodyLocked,
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor({ v: last.sortValue instanceof Date ? last.sortValue.toISOString() : Number(last.sortValue), id: last.id }) : null,
  };
}
