// Explore's URLs, built in one place so every link and form agrees: empty parameters are left out
// (one URL per search, no `?q=&category=`), and changing the sort or a filter starts again at the
// first page while keeping every other filter; paging keeps them all. The match mode (by meaning,
// or words and meaning) only means something with a query, so it is left out without one; the
// trending window only with the trending sort, and not when it is the default (7 days).
import { CATEGORIES, type Category } from "@/shared/prompts/categories";
import { SEARCH_MODES, SEARCH_SORTS, type SearchMode, type SearchSortName } from "@/shared/prompts/search-fields";
import { DEFAULT_TRENDING_WINDOW, type TrendingWindow } from "@/shared/prompts/trending-windows";

export type ExploreSort = Exclude<SearchSortName, "relevance">;
/** "text" (full text) is the default and needs no parameter. */
export type ExploreMode = Exclude<SearchMode, "text">;
export type ExploreState = { q?: string; category?: Category; tag?: string; author?: string; sort?: ExploreSort; mode?: ExploreMode; window?: TrendingWindow; cursor?: string };

export const isExploreCategory = (v: string | null | undefined): v is Category => typeof v === "string" && Object.hasOwn(CATEGORIES, v);
export const isExploreSort = (v: string | null | undefined): v is ExploreSort => typeof v === "string" && v !== "relevance" && (SEARCH_SORTS as readonly string[]).includes(v);
export const isExploreMode = (v: string | null | undefined): v is ExploreMode => typeof v === "string" && v !== "text" && (SEARCH_MODES as readonly string[]).includes(v);

/** The URL of a search: parameters in a fixed order, empty and default ones left out. */
export function exploreHref({ q, category, tag, author, sort, mode, window: trendWindow, cursor }: ExploreState): string {
  const params = new URLSearchParams();
  const set = (key: string, value: string | undefined) => {
    const v = value?.trim();
    if (v) params.set(key, v);
  };
  set("q", q);
  set("category", category);
  set("tag", tag?.replace(/^#/, ""));
  set("author", author?.replace(/^@/, ""));
  // Without a query "newest" is already the order, so it needs no parameter.
  if (sort && !(sort === "newest" && !q?.trim())) set("sort", sort);
  if (q?.trim()) set("mode", mode);
  if (sort === "trending" && trendWindow !== DEFAULT_TRENDING_WINDOW) set("window", trendWindow);
  set("cursor", cursor);
  const s = params.toString();
  return s ? `/explore?${s}` : "/explore";
}

/** The same search with some filters changed: back to the first page, every other filter kept. */
export const withFilters = (state: ExploreState, change: Partial<Omit<ExploreState, "cursor">>) => exploreHref({ ...state, ...change, cursor: undefined });

/** Another page of the same search: every filter and the sort kept. */
export const atPage = (state: ExploreState, cursor: string | null | undefined) => exploreHref({ ...state, cursor: cursor ?? undefined });
