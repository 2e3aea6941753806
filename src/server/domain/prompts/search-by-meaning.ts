// prompt.search's modes: "text" (the default, full-text search in search-prompts.ts, untouched),
// "semantic" (the query is embedded and prompts are ranked by cosine similarity of their latest
// body) and "hybrid" (the semantic ranking and the full-text relevance ranking blended by
// reciprocal rank fusion). Same filters, access rules, cards and page contract as text search:
// a bounded candidate set (like relevance's), ordered by the chosen sort, paged by keyset cursors
// both ways. Paid bodies never leak: a prompt whose latest body the viewer may not read takes no
// part in the semantic ranking (its embedding is of that body); in hybrid it can still be found by
// the words of its title, tags and description, as in text search.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/prisma";
import type { SearchMode } from "@/shared/prompts/search-fields";
import type { Viewer } from "../actor";
import { latestBodyHiddenSql } from "../access/paid-access";
import { listablePromptsSql } from "../access/prompt-access";
import { currentEmbedder } from "../embeddings/current-embedder";
import { discoveryFloor } from "../embeddings/discovery-floor";
import type { Embedder } from "../embeddings/embedder";
import { embedOneCached } from "../embeddings/embedding-cache";
import { nearestPromptsWhere } from "../embeddings/prompt-embeddings";
import { ValidationError } from "../errors";
import { promptCardsByIds } from "./prompt-cards";
import { decodeCursor, encodeCursor, searchFilterSql, searchPrompts, SEARCH_TOTAL_CAP, trendingColumn, type SearchInput, type SearchSort } from "./search-prompts";

/** Nearest prompts considered by a semantic search (every page of one search reads the same ones). */
export const SEMANTIC_CANDIDATES = 200;
/** Full-text matches that hybrid blends in. */
export const HYBRID_TEXT_CANDIDATES = 100;
/** Reciprocal rank fusion's damping constant (the usual 60): rank 1 and rank 5 weigh about the same. */
const RRF_K = 60;
/** Full text's weight is 1; meaning's slightly less, so that on equal ranks the prompt with the words asked for comes first. */
const SEMANTIC_WEIGHT = 0.9;

export type ModeSearchInput = SearchInput & { mode?: SearchMode };
type Candidate = { id: string; score: number };

export async function searchPromptsInMode(db: Db, viewer: Viewer, input: ModeSearchInput, embedder?: Embedder) {
  const { mode = "text", ...rest } = input;
  const q = rest.q?.trim();
  // Without a query there is no meaning to search by: the same listing as text search.
  if (mode === "text" || !q) return searchPrompts(db, viewer, rest);
  const sort: SearchSort = rest.sort ?? "relevance";
  const c = rest.cursor ? decodeCursor(rest.cursor) : null;
  const e = embedder ?? currentEmbedder();

  const vector = await embedOneCached(e, q);
  const filter = Prisma.join([listablePromptsSql(viewer, "p"), ...searchFilterSql(rest), Prisma.sql`NOT ${latestBodyHiddenSql(viewer, "p")}`], " AND ");
  const nearest = await db.$transaction((tx) => nearestPromptsWhere(tx, e, vector, { filter, limit: SEMANTIC_CANDIDATES, minSimilarity: discoveryFloor(e, "query") }));
  let candidates: Candidate[] = nearest.map((n) => ({ id: n.promptId, score: n.similarity }));
  let capped = nearest.length >= SEMANTIC_CANDIDATES;
  let didYouMean: string | null = null;

  if (mode === "hybrid") {
    // The text ranking exactly as text search ranks it (typo correction included), first page of its candidates.
    const text = await searchPrompts(db, viewer, { ...rest, q, sort: "relevance", cursor: null, limit: HYBRID_TEXT_CANDIDATES });
    didYouMean = text.didYouMean;
    const fused = new Map<string, number>();
    const add = (ids: string[], weight: number) => ids.forEach((id, rank) => fused.set(id, (fused.get(id) ?? 0) + weight / (RRF_K + rank + 1)));
    add(candidates.map((x) => x.id), SEMANTIC_WEIGHT);
    add(text.items.map((x) => x.id), 1);
    candidates = [...fused].map(([id, score]) => ({ id, score }));
    capped ||= text.totalCapped || text.total > HYBRID_TEXT_CANDIDATES;
  }

  const ordered = await orderBy(db, candidates, sort, rest.window);
  const { page, more, backward } = pageOf(ordered, c, rest.limit);
  const first = page[0];
  const last = page[page.length - 1];
  const items = await promptCardsByIds(db, viewer, page.map((x) => x.id), didYouMean ?? q);
  return {
    items,
    nextCursor: last && (backward || more) ? encodeCursor({ v: last.v, id: last.id }) : null,
    prevCursor: first && (backward ? more : Boolean(c)) ? encodeCursor({ v: first.v, id: first.id, d: "b" }) : null,
    total: Math.min(ordered.length, SEARCH_TOTAL_CAP),
    totalCapped: capped,
    didYouMean,
  };
}

type Ordered = { id: string; v: number | string };

/** Candidates in the sort's order (value, then id, both descending, as text search orders them). */
async function orderBy(db: Db, candidates: Candidate[], sort: SearchSort, window: SearchInput["window"]): Promise<Ordered[]> {
  let rows: Ordered[];
  if (sort === "relevance") rows = candidates.map((x) => ({ id: x.id, v: x.score }));
  else {
    const column = { newest: "createdAt", top_rated: "ratingScore", most_liked: "likeCount", trending: trendingColumn(window) }[sort];
    const values = await db.$queryRaw<{ id: string; v: number | Date }[]>`
      SELECT p.id, p.${Prisma.raw(`"${column}"`)} AS v FROM "Prompt" p WHERE p.id = ANY(${candidates.map((x) => x.id)}::text[])`;
    rows = values.map((r) => ({ id: r.id, v: r.v instanceof Date ? r.v.toISOString() : Number(r.v) }));
  }
  return rows.sort((a, b) => compare(b, a));
}

function compare(a: Ordered, b: { v: number | string; id: string }): number {
  if (a.v !== b.v) {
    if (typeof a.v !== typeof b.v) throw new ValidationError("cursor: is not a cursor this search returned", { cursor: ["is invalid"] });
    return a.v < b.v ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** One page after (or, backward, before) the cursor; `more`: another page lies that way. */
function pageOf(ordered: Ordered[], c: { v: number | string; id: string; d?: "b" } | null, limit: number) {
  const backward = c?.d === "b";
  if (!c) return { page: ordered.slice(0, limit), more: ordered.length > limit, backward };
  if (backward) {
    const before = ordered.filter((x) => compare(x, c) > 0);
    return { page: before.slice(-limit), more: before.length > limit, backward };
  }
  const after = ordered.filter((x) => compare(x, c) < 0);
  return { page: after.slice(0, limit), more: after.length > limit, backward };
}
