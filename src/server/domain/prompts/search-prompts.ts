// Explore and search: PostgreSQL full-text search (weighted title/tags/description/body) plus
// trigram similarity on titles for typos and partial words, with filters, five sort orders and
// keyset pagination both ways. A query nothing matches as typed is corrected to the closest known
// words (search-suggestions.ts) and the correction is returned as didYouMean. Every branch is served by an index (see the social_and_search migration).
// Paid bodies never leak: for a prompt whose latest body the viewer may not read, its words (the
// document's weight-D part) neither match nor rank, and snippets only ever quote the description.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { DbOrTx } from "@/server/db/prisma";
import type { Viewer } from "../actor";
import { ValidationError } from "../errors";
import { latestBodyHiddenSql } from "../access/paid-access";
import { listablePromptsSql } from "../access/prompt-access";
import { toPromptCard, type PromptCardRow } from "./prompt-cards";
import { categoriesNamedBy, suggestQuery } from "./search-suggestions";
import { normalizeTag } from "@/shared/prompts/tags";
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

/** A row's sort value and id; `d: "b"` reads the page before it. */
export type Cursor = { v: number | string; id: string; d?: "b" };

export const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString("base64url");
export function decodeCursor(raw: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Cursor;
    if (typeof c.id !== "string" || (typeof c.v !== "number" && typeof c.v !== "string") || (c.d !== undefined && c.d !== "b")) throw new Error();
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

async function relevanceCandidates(db: DbOrTx, where: Prisma.Sql[], ftsMatch: Prisma.Sql, like: string, q: string, wanted: number) {
  const filters = Prisma.join(where, " AND ");
  const fts = await db.$queryRaw<{ id: string }[]>`
    SELECT p.id FROM "Prompt" p WHERE ${filters} AND ${ftsMatch}
    ORDER BY p."trendingScore" DESC, p.id DESC LIMIT ${RELEVANCE_CANDIDATES}`;
  const capped = fts.length >= RELEVANCE_CANDIDATES;
  if (fts.length >= wanted) return { ids: fts.map((r) => r.id), ftsHits: fts.length, capped };
  const titles = await db.$queryRaw<{ id: string }[]>`
    SELECT p.id FROM "Prompt" p WHERE ${filters} AND (p.title ILIKE ${like} OR ${q} <% p.title OR p.title % ${q})
    ORDER BY GREATEST(word_similarity(${q}, p.title), similarity(p.title, ${q})) DESC, p.id DESC LIMIT ${TITLE_CANDIDATES}`;
  return { ids: [...new Set([...fts, ...titles].map((r) => r.id))], ftsHits: fts.length, capped };
}

type Row = PromptCardRow & { sortValue: number | Date };

/** The search document without the body's words (title A, tags B, description C; the body is D). */
const WITHOUT_BODY = Prisma.sql`ts_filter(p."searchVector", '{a,b,c}')`;

/** Counting stops here: past it the page says "10,000+" (relevance stops at its candidates, "1,000+"). */
export const SEARCH_TOTAL_CAP = 10_000;

export async function searchPrompts(db: DbOrTx, viewer: Viewer, input: SearchInput) {
  const asked = input.q?.trim() || undefined;
  const sort: SearchSort = input.sort ?? (asked ? "relevance" : "newest");
  if (sort === "relevance" && !asked) throw new ValidationError("sort: relevance needs a search query (q)", { sort: ["relevance needs q"] });

  // Public prompts and the viewer's own, never archived ones (the same rule as every other list).
  const where: Prisma.Sql[] = [listablePromptsSql(viewer, "p")];
  const bodyHidden = latestBodyHiddenSql(viewer, "p");
  // Full text on the weighted document; where the body is withheld, on the rest of it only (the
  // indexed match still narrows the rows first).
  const ftsMatchFor = (tsquery: Prisma.Sql) => Prisma.sql`(p."searchVector" @@ ${tsquery} AND (NOT ${bodyHidden} OR ${WITHOUT_BODY} @@ ${tsquery}))`;
  // What the viewer may see at all (keep any rule added to `where` above this line, such as
  // hiding archived prompts): the scope of typo suggestions.
  const visible = Prisma.join(where, " AND ");

  const filters = searchFilterSql(input);

  // Typo tolerance: when nothing matches the query as typed (full text, or the title containing it),
  // search for the closest known words instead and say so (didYouMean). Relevance learns that from
  // its candidate query, so a search that matches pays no extra query.
  let q = asked;
  let didYouMean: string | null = null;
  const correction = async () => (!asked || (await hasExactMatch(db, visible, ftsMatchFor, asked)) ? null : suggestQuery(db, { visible, matches: ftsMatchFor }, asked));
  if (asked && sort !== "relevance") didYouMean = await correction();

  const text = (query: string) => {
    const tsquery = Prisma.sql`websearch_to_tsquery('english', ${query})`;
    // A query that names a category ("research") also finds that category's prompts.
    const named = categoriesNamedBy(query);
    const ftsMatch = named.length ? Prisma.sql`(${ftsMatchFor(tsquery)} OR p.category = ANY(${named}::text[]))` : ftsMatchFor(tsquery);
    return { tsquery, ftsMatch, like: likePattern(query) };
  };

  let candidates: Awaited<ReturnType<typeof relevanceCandidates>> | null = null;
  if (sort === "relevance") {
    // Enough candidates to fill this page and know whether another follows.
    const candidatesFor = (query: string) => {
      const { ftsMatch, like } = text(query);
      return relevanceCandidates(db, [...where, ...filters], ftsMatch, like, query, input.limit + 1);
    };
    candidates = await candidatesFor(asked!);
    if (!candidates.ftsHits) didYouMean = await correction();
    if (didYouMean) candidates = await candidatesFor(didYouMean);
    if (!candidates.ids.length) return { items: [], nextCursor: null, prevCursor: null, total: 0, totalCapped: false, didYouMean };
  }

  if (didYouMean) q = didYouMean;
  const { tsquery = null, ftsMatch = null, like = null } = q ? text(q) : {};
  const searchDocument = Prisma.sql`(CASE WHEN ${bodyHidden} THEN ${WITHOUT_BODY} ELSE p."searchVector" END)`;
  // Text matches: full-text, or the title containing the words or resembling them word by word
  // (typos). Relevance ranks a bounded candidate set instead.
  if (q && sort !== "relevance") where.push(Prisma.sql`(${ftsMatch} OR p.title ILIKE ${like} OR ${q} <% p.title OR p.title % ${q})`);
  where.push(...filters);
  if (candidates) where.push(Prisma.sql`p.id = ANY(${candidates.ids}::text[])`);

  const sortExpr = {
    relevance: Prisma.sql`(ts_rank_cd(${searchDocument}, ${tsquery ?? Prisma.sql`''::tsquery`}, 32) + GREATEST(word_similarity(${q ?? ""}, p.title), similarity(p.title, ${q ?? ""})))::float8`,
    newest: Prisma.sql`p."createdAt"`,
    top_rated: Prisma.sql`p."ratingScore"`,
    most_liked: Prisma.sql`p."likeCount"`,
    trending: Prisma.sql`p."trendingScore"`,
  }[sort];

  // The count covers every page of this search, so it is taken before the cursor narrows it; a
  // relevance search's candidates are its every page.
  const totalQuery = candidates
    ? Promise.resolve([{ n: candidates.ids.length, capped: candidates.capped }])
    : db.$queryRaw<{ n: number; capped: boolean }[]>`
        SELECT count(*)::int AS n, count(*) > ${SEARCH_TOTAL_CAP} AS capped FROM (SELECT 1 FROM "Prompt" p WHERE ${Prisma.join(where, " AND ")} LIMIT ${SEARCH_TOTAL_CAP + 1}) counted`;

  // Keyset pages both ways: a forward cursor continues after its row, a backward one ("previous
  // page") reads the rows before it in reverse and flips them back.
  const c = input.cursor ? decodeCursor(input.cursor) : null;
  const backward = c?.d === "b";
  if (c) {
    // Typed like the sort column so the comparison can use its index.
    const v =
      sort === "newest"
        ? Prisma.sql`(${String(c.v)}::timestamptz AT TIME ZONE 'UTC')`
        : sort === "most_liked"
          ? Prisma.sql`${Math.trunc(Number(c.v))}::int`
          : Prisma.sql`${Number(c.v)}::float8`;
    where.push(
      backward
        ? Prisma.sql`(${sortExpr} > ${v} OR (${sortExpr} = ${v} AND p.id > ${c.id}))`
        : Prisma.sql`(${sortExpr} < ${v} OR (${sortExpr} = ${v} AND p.id < ${c.id}))`,
    );
  }
  const order = backward ? Prisma.raw(`"sortValue" ASC, p.id ASC`) : Prisma.raw(`"sortValue" DESC, p.id DESC`);

  const rowsQuery = db.$queryRaw<Row[]>`
    SELECT page.*, u.handle AS "ownerHandle", u.name AS "ownerName", u.image AS "ownerImage",
      sv.number AS "sourceNumber", sp."ownerId" AS "sourceOwnerId", sp.visibility::text AS "sourceVisibility",
      (SELECT count(*)::int FROM "PromptVersion" v WHERE v."promptId" = page.id) AS "versionCount",
      ${q ? Prisma.sql`ts_headline('english', page.description, ${tsquery}, 'MaxFragments=1, MaxWords=24, MinWords=8, StartSel=<mark>, StopSel=</mark>')` : Prisma.sql`NULL`} AS snippet
    FROM (
      SELECT p.id, p.slug, p.title, p.description, p.category, p.tags, p.visibility::text AS visibility, p."createdAt", p."updatedAt",
        p."forkedFromVersionId", p."likeCount", p."ratingCount", p."ratingSum", p."ratingScore", p."commentCount", p."forkCount", p."viewCount", p."ownerId",
        ${bodyHidden} AS "bodyLocked", ${sortExpr} AS "sortValue"
      FROM "Prompt" p
      WHERE ${Prisma.join(where, " AND ")}
      ORDER BY ${order}
      LIMIT ${input.limit + 1}
    ) page
    JOIN "User" u ON u.id = page."ownerId"
    LEFT JOIN "PromptVersion" sv ON sv.id = page."forkedFromVersionId"
    LEFT JOIN "Prompt" sp ON sp.id = sv."promptId"
    ORDER BY page."sortValue" DESC, page.id DESC`;
  const [rows, [counted]] = await Promise.all([rowsQuery, totalQuery]);

  // Backward, the extra row is the first (it lies furthest back); forward, the last.
  const more = rows.length > input.limit;
  const items = backward ? rows.slice(more ? 1 : 0) : rows.slice(0, input.limit);
  const first = items[0];
  const last = items[items.length - 1];
  const cursorAt = (r: Row, d?: "b") => encodeCursor({ v: r.sortValue instanceof Date ? r.sortValue.toISOString() : Number(r.sortValue), id: r.id, ...(d ? { d } : {}) });
  return {
    items: items.map((r) => toPromptCard(r, viewer)),
    nextCursor: last && (backward || more) ? cursorAt(last) : null,
    prevCursor: first && (backward ? more : Boolean(c)) ? cursorAt(first, "b") : null,
    /** How many prompts match, up to SEARCH_TOTAL_CAP (totalCapped: there are more). */
    total: Math.min(counted?.n ?? 0, SEARCH_TOTAL_CAP),
    totalCapped: Boolean(counted?.capped),
    /** Set when nothing matched the query as typed and these closest known words were searched instead. */
    didYouMean,
  };
}

/** The category, tag and author filters as SQL on the prompt row `p` (search by meaning applies the same). */
export function searchFilterSql(input: Pick<SearchInput, "category" | "tag" | "author">): Prisma.Sql[] {
  const filters: Prisma.Sql[] = [];
  if (input.category) filters.push(Prisma.sql`p.category = ${input.category}`);
  if (input.tag) filters.push(Prisma.sql`p.tags @> ARRAY[${normalizeTag(input.tag)}]::text[]`);
  if (input.author) filters.push(Prisma.sql`p."ownerId" = (SELECT id FROM "User" WHERE handle = ${input.author.trim().toLowerCase().replace(/^@/, "")})`);
  return filters;
}

/** `%q%` for ILIKE, with its wildcards escaped. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** Whether anything visible matches the query as typed: full text, or a title containing it. Both use an index. */
async function hasExactMatch(db: DbOrTx, visible: Prisma.Sql, ftsMatchFor: (tsquery: Prisma.Sql) => Prisma.Sql, q: string) {
  const named = categoriesNamedBy(q);
  if (named.length) return true;
  const [row] = await db.$queryRaw<{ hit: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM "Prompt" p WHERE ${visible} AND ${ftsMatchFor(Prisma.sql`websearch_to_tsquery('english', ${q})`)})
      OR EXISTS (SELECT 1 FROM "Prompt" p WHERE ${visible} AND p.title ILIKE ${likePattern(q)}) AS hit`;
  return Boolean(row?.hit);
}
