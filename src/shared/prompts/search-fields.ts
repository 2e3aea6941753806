// The search and filter fields of Explore as the API validates them and as the explore form checks
// them before navigating: one declaration for both.
import { z } from "zod";
import { categorySchema } from "./prompt-fields";
import { trendingWindowSchema } from "./trending-windows";

export const SEARCH_QUERY_MAX_LENGTH = 200;
export const TAG_FILTER_MAX_LENGTH = 32;
export const AUTHOR_FILTER_MAX_LENGTH = 40;

/** The orders a search can take; "relevance" needs a query. */
export const SEARCH_SORTS = ["relevance", "newest", "top_rated", "most_liked", "trending"] as const;
export type SearchSortName = (typeof SEARCH_SORTS)[number];

/** How a query is matched: full text (the default), by meaning (embeddings), or both blended. */
export const SEARCH_MODES = ["text", "semantic", "hybrid"] as const;
export type SearchMode = (typeof SEARCH_MODES)[number];

export const searchQuerySchema = z.string().max(SEARCH_QUERY_MAX_LENGTH, `is at most ${SEARCH_QUERY_MAX_LENGTH} characters`);
export const tagFilterSchema = z.string().trim().max(TAG_FILTER_MAX_LENGTH, `is at most ${TAG_FILTER_MAX_LENGTH} characters`);
export const authorFilterSchema = z.string().trim().max(AUTHOR_FILTER_MAX_LENGTH, `is at most ${AUTHOR_FILTER_MAX_LENGTH} characters`);
export const searchSortSchema = z.enum(SEARCH_SORTS, { error: `must be one of: ${SEARCH_SORTS.join(", ")}` });
export const searchModeSchema = z.enum(SEARCH_MODES, { error: `must be one of: ${SEARCH_MODES.join(", ")}` });

/** The filters of one search, without paging. */
export const searchFiltersSchema = z.object({
  q: searchQuerySchema.optional(),
  category: categorySchema.optional(),
  tag: tagFilterSchema.optional(),
  author: authorFilterSchema.optional(),
  sort: searchSortSchema.optional(),
  mode: searchModeSchema.optional(),
  /** The trending sort's window (default 7d); other sorts ignore it. */
  window: trendingWindowSchema.optional(),
});
