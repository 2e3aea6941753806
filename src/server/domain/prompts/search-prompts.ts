// Explore and search: PostgreSQL full-text search (weighted title/tags/description/body) plus
// trigram similarity on titles for typos and partial words, with filters, five sort orders and
// keyset pagination both ways. A query nothing matches as typed is corrected to the closest known
// words (search-suggestions.ts) and the correction is returned as didYouMean. Every branch is served by an index (see the social_and_search migration).
// A search is one statement (the page, its cards and its count), two when its words are rare with
// another sort or need titles or a correction; what it costs grows with the matches it must look
// at, bounded by the candidates (relevance) or the count's cap.
// Paid bodies never leak: for a prompt whose latest body the viewer may not read, its words (the
// document's weight-D part) neither match nor rank, and snippets only ever quote the description.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { DbOrTx } from "@/server/db/prisma";
import type { Viewer } from "../actor";
import { ValidationError } from "../errors";
import { latestBodyHiddenSql } from "../access/paid-access";
import { listablePromptsSql } from "../access/prompt-access";
import { readAsAnonymousWhenSame } from "../access/public-reads";
import type { ViewerReach } from "../access/viewer-reach";
import { toPromptCard, type PromptCardRow } from "./prompt-cards";
import { categoriesNamedBy, suggestQuery } from "./search-suggestions";
import { normalizeTag } from "@/shared/prompts/tags";
import { DEFAULT_TRENDING_WINDOW, type TrendingWindow } from "@/shared/prompts/trending-windows";
import type { SEARCH_SORTS } from "./schemas";

export type SearchSort = (typeof SEARCH_SORTS)[number];

export type SearchInput = {
  q?: string;
  category?: string;
  tag?: string;
  author?: string;
  sort?: SearchSort;
  /** The trending sort's window (default 7d). */
  window?: TrendingWindow;
  cursor?: string | null;
  limit: number;
};

/** The column each trending window sorts by (written by the trending job, each with its index). */
export const TRENDING_COLUMNS: Record<TrendingWindow, string> = { "24h": "trending24h", "7d": "trending7d", "30d": "trending30d" };
export const trendingColumn = (window: TrendingWindow | undefined) => TRENDING_COLUMNS[window ?? DEFAULT_TRENDING_WINDOW];

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
 * a bounded candidate set: the most trending full-text matches (this week's), and title matches (substring or
 * trigram, for partial words and typos) only when full text finds too few. The ranking is exact
 * within the candidates, and the same candidates serve every page of one search.
 */
export const RELEVANCE_CANDIDATES = 1000;
const TITLE_CANDIDATES = 200;
/** Candidates whose title similarity is computed up front (the seeds of `ranked` in searchPrompts), per row of the page asked. */
const SEEDS_PER_ROW = 4;
/**
 * Relevance is text rank plus title similarity, and similarity is at most 1: a candidate's text
 * rank plus this (1, and a margin for the float4 sum's rounding) bounds its relevance from above.
 */
const SIMILARITY_BOUND = 1.000001;

type Row = PromptCardRow & { sortValue: number | Date };

/** The search document without the body's words (title A, tags B, description C; the body is D). */
const WITHOUT_BODY = Prisma.sql`ts_filter(p."searchVector", '{a,b,c}')`;

/** Counting stops here when browsing: past it the page says "10,000+". */
export const SEARCH_TOTAL_CAP = 10_000;
/** Counting matches of words stops here, whatever the sort: past it the page says "1,000+" (relevance ranks as many). */
export const TEXT_TOTAL_CAP = RELEVANCE_CANDIDATES;

export async function searchPrompts(db: DbOrTx, viewer: Viewer, input: SearchInput) {
  const asked = input.q?.trim() || undefined;
  const sort: SearchSort = input.sort ?? (asked ? "relevance" : "newest");
  if (sort === "relevance" && !asked) throw new ValidationError("sort: relevance needs a search query (q)", { sort: ["relevance needs q"] });
  // Whoever sees only what anonymous visitors see gets the anonymous answer, shared (public-reads.ts).
  return readAsAnonymousWhenSame(db, viewer, `search:${JSON.stringify(input)}`, (as, reach) => searchAs(db, as, reach, input, asked, sort));
}

async function searchAs(db: DbOrTx, viewer: Viewer, reach: ViewerReach, input: SearchInput, asked: string | undefined, sort: SearchSort) {
  // Public prompts and the viewer's own, never archived ones (the same rule as every other list),
  // without the parts for memberships and licenses when the viewer has none (viewer-reach.ts).
  const where: Prisma.Sql[] = [listablePromptsSql(viewer, "p", reach)];
  const bodyHidden = latestBodyHiddenSql(viewer, "p", reach);
  // Full text on the weighted document; where the body is withheld, on the rest of it only (the
  // indexed match still narrows the rows first).
  const ftsMatchFor = (tsquery: Prisma.Sql) => Prisma.sql`(p."searchVector" @@ ${tsquery} AND (NOT ${bodyHidden} OR ${WITHOUT_BODY} @@ ${tsquery}))`;
  // What the viewer may see at all (keep any rule added to `where` above this line, such as
  // hiding archived prompts): the scope of typo suggestions.
  const visible = Prisma.join(where, " AND ");

  const filters = searchFilterSql(input);
  // Someone who may see prompts that are not public (their own, their organisations'): their title words and tags are words too.
  const beyondPublic = viewer !== null && (reach.prompts || reach.orgs);

  // Typo tolerance: when nothing matches the query as typed (full text, or the title containing it),
  // search for the closest known words instead and say so (didYouMean). Relevance learns that from
  // its own statement, so a search that matches pays no extra query.
  let q = asked;
  let didYouMean: string | null = null;
  const correction = async () => (!asked || (await hasExactMatch(db, visible, ftsMatchFor, asked)) ? null : suggestQuery(db, { visible, matches: ftsMatchFor, beyondPublic }, asked));

  const text = (query: string) => {
    const tsquery = Prisma.sql`websearch_to_tsquery('english', ${query})`;
    // A query that names a category ("research") also finds that category's prompts.
    const named = categoriesNamedBy(query);
    const ftsMatch = named.length ? Prisma.sql`(${ftsMatchFor(tsquery)} OR p.category = ANY(${named}::text[]))` : ftsMatchFor(tsquery);
    return { tsquery, ftsMatch, like: likePattern(query) };
  };
  const searchDocument = Prisma.sql`(CASE WHEN ${bodyHidden} THEN ${WITHOUT_BODY} ELSE p."searchVector" END)`;
  const snippetFor = (tsquery: Prisma.Sql | null) =>
    tsquery ? Prisma.sql`ts_headline('english', page.description, ${tsquery}, 'MaxFragments=1, MaxWords=24, MinWords=8, StartSel=<mark>, StopSel=</mark>')` : Prisma.sql`NULL`;

  // Keyset pages both ways: a forward cursor continues after its row, a backward one ("previous
  // page") reads the rows before it in reverse and flips them back.
  const c = input.cursor ? decodeCursor(input.cursor) : null;
  const backward = c?.d === "b";
  /** `expr, id` after (or, backward, before) the cursor; the value typed like the sort column so the comparison can use its index. */
  const afterCursor = (expr: Prisma.Sql, id: Prisma.Sql) => {
    if (!c) return Prisma.sql`TRUE`;
    const v =
      sort === "newest"
        ? Prisma.sql`(${String(c.v)}::timestamptz AT TIME ZONE 'UTC')`
        : sort === "most_liked"
          ? Prisma.sql`${Math.trunc(Number(c.v))}::int`
          : Prisma.sql`${Number(c.v)}::float8`;
    return backward ? Prisma.sql`(${expr} > ${v} OR (${expr} = ${v} AND ${id} > ${c.id}))` : Prisma.sql`(${expr} < ${v} OR (${expr} = ${v} AND ${id} < ${c.id}))`;
  };
  const order = (value: string, id: string) => Prisma.raw(backward ? `${value} ASC, ${id} ASC` : `${value} DESC, ${id} DESC`);

  const pageOf = (rows: Row[], counted: { n: number; capped: boolean }) => {
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
      total: Math.min(counted.n, SEARCH_TOTAL_CAP),
      totalCapped: counted.capped,
      /** Set when nothing matched the query as typed and these closest known words were searched instead. */
      didYouMean,
    };
  };

  if (sort === "relevance") {
    // One statement: candidates, ranking and the page's cards (with how many candidates there are).
    // Title candidates (trigram operators, whose estimates make a plan several times dearer) are
    // only planned when full text finds too few.
    const ranked = async (query: string, withTitles: boolean) => {
      const { tsquery, ftsMatch, like } = text(query);
      // Text rank, once per candidate (in the candidates' own query it would sway its plan away from the trending index).
      const rank = Prisma.sql`ts_rank_cd(${searchDocument}, ${tsquery}, 32)`;
      const similarity = Prisma.sql`GREATEST(word_similarity(${query}, r.title), similarity(r.title, ${query}))`;
      const seeds = SEEDS_PER_ROW * (input.limit + 1);
      // The page cannot hold a candidate whose relevance is at most below this: going forward, the
      // (limit+1)-th best seed after the cursor (the page's last row is at least that good); going
      // back, the cursor's own value.
      const floor = backward
        ? Prisma.sql`${Number(c!.v)}::float8`
        : Prisma.sql`COALESCE((SELECT s FROM seeds r WHERE ${afterCursor(Prisma.sql`r.s`, Prisma.sql`r.id`)} ORDER BY s DESC, id DESC OFFSET ${input.limit} LIMIT 1), '-Infinity'::float8)`;
      const rows = await db.$queryRaw<(Row & { candidateCount: number; ftsHits: number })[]>`
        WITH fts AS MATERIALIZED (
          SELECT p.id FROM "Prompt" p WHERE ${Prisma.join([...where, ...filters], " AND ")} AND ${ftsMatch}
          ORDER BY p."trending7d" DESC, p.id DESC LIMIT ${RELEVANCE_CANDIDATES}
        ), candidates AS MATERIALIZED (
          SELECT p.id, p.title, ${rank} AS rank FROM "Prompt" p
          -- An array, not IN (subquery): the candidates are read by id (one index probe each), where a
          -- semi-join would read the whole table to find them.
          WHERE p.id = ANY(ARRAY(${
            withTitles
              ? Prisma.sql`SELECT id FROM fts UNION SELECT id FROM (
                  SELECT p.id FROM "Prompt" p
                  WHERE ${Prisma.join([...where, ...filters], " AND ")} AND (p.title ILIKE ${like} OR ${query} <% p.title OR p.title % ${query})
                  ORDER BY GREATEST(word_similarity(${query}, p.title), similarity(p.title, ${query})) DESC, p.id DESC LIMIT ${TITLE_CANDIDATES}
                ) titles`
              : // Too few to fill the page: nothing to rank here, the statement with titles follows.
                Prisma.sql`SELECT id FROM fts WHERE (SELECT count(*) FROM fts) >= ${input.limit + 1}`
          }))
        ), seeds AS MATERIALIZED (
          -- Similarity only once the seeds are chosen (in the same SELECT, it would be computed for every candidate).
          SELECT r.id, (r.rank + ${similarity})::float8 AS s FROM (SELECT * FROM candidates ORDER BY rank DESC, id DESC LIMIT ${seeds}) r
        ), scored AS MATERIALIZED (
          SELECT id, s FROM seeds
          UNION ALL
          SELECT r.id, (r.rank + ${similarity})::float8 FROM candidates r
          WHERE r.id NOT IN (SELECT id FROM seeds) AND r.rank::float8 + ${SIMILARITY_BOUND} >= ${floor}
        ), page AS (
          SELECT ${PROMPT_COLUMNS}, ${bodyHidden} AS "bodyLocked", sc.s AS "sortValue"
          FROM (SELECT id, s FROM scored sc WHERE ${afterCursor(Prisma.sql`sc.s`, Prisma.sql`sc.id`)} ORDER BY ${order("sc.s", "sc.id")} LIMIT ${input.limit + 1}) sc
          JOIN "Prompt" p ON p.id = sc.id
        )
        SELECT counts."candidateCount", counts."ftsHits", card.*
        FROM (SELECT (SELECT count(*) FROM candidates)::int AS "candidateCount", (SELECT count(*) FROM fts)::int AS "ftsHits") counts
        LEFT JOIN (${cardsOf(snippetFor(tsquery))}) card ON TRUE
        ORDER BY card."sortValue" DESC, card.id DESC`;
      return { rows: rows.filter((r) => r.id !== null), candidates: rows[0]?.candidateCount ?? 0, ftsHits: rows[0]?.ftsHits ?? 0 };
    };
    // Enough full-text matches fill this page and tell whether another follows; with fewer, titles join in.
    const enough = (r: { ftsHits: number }) => r.ftsHits >= input.limit + 1;
    let result = await ranked(asked!, false);
    if (!result.ftsHits) didYouMean = await correction();
    if (didYouMean) result = await ranked(didYouMean, false);
    if (!enough(result)) result = await ranked(didYouMean ?? asked!, true);
    if (!result.candidates) return { items: [], nextCursor: null, prevCursor: null, total: 0, totalCapped: false, didYouMean };
    // A relevance search's candidates are its every page: their number is its total.
    return pageOf(result.rows, { n: result.candidates, capped: result.ftsHits >= RELEVANCE_CANDIDATES });
  }

  // With words: whether anything matches them as typed (else a correction, as hasExactMatch
  // decides), and how many full-text matches this search has, up to the cap: one statement.
  let ftsCount: number | null = null;
  if (asked) {
    const exact = categoriesNamedBy(asked).length
      ? Prisma.sql`TRUE`
      : Prisma.sql`(EXISTS (SELECT 1 FROM "Prompt" p WHERE ${visible} AND ${ftsMatchFor(Prisma.sql`websearch_to_tsquery('english', ${asked})`)})
          OR EXISTS (SELECT 1 FROM "Prompt" p WHERE ${visible} AND p.title ILIKE ${likePattern(asked)}))`;
    const [probe] = await db.$queryRaw<{ hit: boolean; n: number }[]>`
      SELECT ${exact} AS hit,
        (SELECT count(*) FROM (SELECT 1 FROM "Prompt" p WHERE ${Prisma.join([...where, ...filters], " AND ")} AND ${text(asked).ftsMatch} LIMIT ${TEXT_TOTAL_CAP + 1}) f)::int AS n`;
    if (!probe?.hit) didYouMean = await suggestQuery(db, { visible, matches: ftsMatchFor, beyondPublic }, asked);
    if (!didYouMean) ftsCount = probe?.n ?? 0;
  }
  if (didYouMean) q = didYouMean;
  where.push(...filters);
  const sortExpr = {
    newest: Prisma.sql`p."createdAt"`,
    top_rated: Prisma.sql`p."ratingScore"`,
    most_liked: Prisma.sql`p."likeCount"`,
    trending: Prisma.raw(`p."${trendingColumn(input.window)}"`),
  }[sort];
  const snippet = snippetFor(q ? text(q).tsquery : null);

  if (!q) {
    // Browsing: the sort's index, filtered. The count covers every page, so it is taken before the cursor narrows it.
    const totalQuery = db.$queryRaw<{ n: number; capped: boolean }[]>`
      SELECT count(*)::int AS n, count(*) > ${SEARCH_TOTAL_CAP} AS capped FROM (SELECT 1 FROM "Prompt" p WHERE ${Prisma.join(where, " AND ")} LIMIT ${SEARCH_TOTAL_CAP + 1}) counted`;
    const rowsQuery = db.$queryRaw<Row[]>`
      WITH page AS (
        SELECT ${PROMPT_COLUMNS}, ${bodyHidden} AS "bodyLocked", ${sortExpr} AS "sortValue"
        FROM "Prompt" p
        WHERE ${Prisma.join([...where, afterCursor(sortExpr, Prisma.sql`p.id`)], " AND ")}
        ORDER BY ${order(`"sortValue"`, "p.id")}
        LIMIT ${input.limit + 1}
      )
      ${cardsOf(snippet)}
      ORDER BY page."sortValue" DESC, page.id DESC`;
    const [rows, [counted]] = await Promise.all([rowsQuery, totalQuery]);
    return pageOf(rows, { n: counted?.n ?? 0, capped: Boolean(counted?.capped) });
  }

  // Words with another sort: full-text matches, or titles containing the words or resembling them
  // word by word (typos), in the sort's order. Counting stops at TEXT_TOTAL_CAP (as relevance does:
  // "1,000+"). Past it (a common word), one statement: the page walks the sort's index and the
  // first rows it meets match. Otherwise a second statement collects the matches once through the
  // full-text and title trigram indexes, then counts and sorts them.
  const { ftsMatch, like } = text(q);
  const visibleFiltered = Prisma.join(where, " AND ");
  const cards = (picked: Prisma.Sql) => Prisma.sql`
    picked AS (${picked}),
    page AS (SELECT ${PROMPT_COLUMNS}, ${bodyHidden} AS "bodyLocked", picked."sortValue" FROM picked JOIN "Prompt" p ON p.id = picked.id)`;
  const pick = (match: Prisma.Sql) => Prisma.sql`
    SELECT p.id, ${sortExpr} AS "sortValue" FROM "Prompt" p
    WHERE ${match} AND ${afterCursor(sortExpr, Prisma.sql`p.id`)}
    ORDER BY ${order(`"sortValue"`, "p.id")}
    LIMIT ${input.limit + 1}`;
  // The trigram operators' functions: the same test, without the planner estimating it on the column's statistics (dear in WASM).
  const titleResembles = Prisma.sql`(p.title ILIKE ${like} OR word_similarity_op(${q}, p.title) OR similarity_op(p.title, ${q}))`;
  if (ftsCount === null || ftsCount > TEXT_TOTAL_CAP) {
    const walked = await db.$queryRaw<(Row & { ftsCount: number })[]>`
    WITH fts AS MATERIALIZED (
      SELECT p.id FROM "Prompt" p WHERE ${visibleFiltered} AND ${ftsMatch} LIMIT ${TEXT_TOTAL_CAP + 1}
    ), ${cards(pick(Prisma.sql`(SELECT count(*) FROM fts) > ${TEXT_TOTAL_CAP} AND ${visibleFiltered} AND (${ftsMatch} OR ${titleResembles})`))}
    SELECT counts."ftsCount", card.*
    FROM (SELECT (SELECT count(*) FROM fts)::int AS "ftsCount") counts
    LEFT JOIN (${cardsOf(snippet)}) card ON TRUE
    ORDER BY card."sortValue" DESC, card.id DESC`;
    if ((walked[0]?.ftsCount ?? 0) > TEXT_TOTAL_CAP) return pageOf(walked.filter((r) => r.id !== null), { n: TEXT_TOTAL_CAP, capped: true });
  }

  const collected = await db.$queryRaw<(Row & { matchCount: number })[]>`
    WITH matches AS MATERIALIZED (
      SELECT p.id FROM "Prompt" p WHERE ${visibleFiltered} AND ${ftsMatch}
      UNION
      SELECT p.id FROM "Prompt" p WHERE ${visibleFiltered} AND (p.title ILIKE ${like} OR ${q} <% p.title OR p.title % ${q})
    ), ${cards(pick(Prisma.sql`p.id IN (SELECT id FROM matches)`))}
    SELECT counts."matchCount", card.*
    FROM (SELECT (SELECT count(*) FROM matches)::int AS "matchCount") counts
    LEFT JOIN (${cardsOf(snippet)}) card ON TRUE
    ORDER BY card."sortValue" DESC, card.id DESC`;
  const n = collected[0]?.matchCount ?? 0;
  return pageOf(
    collected.filter((r) => r.id !== null),
    { n: Math.min(n, TEXT_TOTAL_CAP), capped: n > TEXT_TOTAL_CAP },
  );
}

/** The prompt row's columns a card shows. */
const PROMPT_COLUMNS = Prisma.sql`p.id, p.slug, p.title, p.description, p.category, p.tags, p.visibility::text AS visibility, p."createdAt", p."updatedAt",
  p."forkedFromVersionId", p."likeCount", p."favoriteCount", p."ratingCount", p."ratingSum", p."ratingScore", p."commentCount", p."forkCount", p."viewCount", p."ownerId"`;

/** Cards for the rows of the CTE `page` (prompt columns, "bodyLocked", "sortValue"): owner, fork source, version count, snippet. */
const cardsOf = (snippet: Prisma.Sql) => Prisma.sql`
  SELECT page.*, u.handle AS "ownerHandle", u.name AS "ownerName", u.image AS "ownerImage",
    sv.number AS "sourceNumber", sp."ownerId" AS "sourceOwnerId", sp.visibility::text AS "sourceVisibility",
    (SELECT count(*)::int FROM "PromptVersion" v WHERE v."promptId" = page.id AND v.status = 'approved') AS "versionCount",
    ${snippet} AS snippet
  FROM page
  JOIN "User" u ON u.id = page."ownerId"
  LEFT JOIN "PromptVersion" sv ON sv.id = page."forkedFromVersionId"
  LEFT JOIN "Prompt" sp ON sp.id = sv."promptId"`;

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
