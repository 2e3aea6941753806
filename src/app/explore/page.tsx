import type { Metadata } from "next";
import Link from "next/link";
import { PromptCard } from "@/components/prompts/prompt-card";
import { PromptGrid } from "@/components/prompts/prompt-grid";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { formatInteger } from "@/components/ui/format-number";
import { SearchIcon, StarIcon } from "@/components/ui/icons";
import { Pager } from "@/components/ui/pager";
import { plural } from "@/components/ui/plural";
import { categoryLabel } from "@/shared/prompts/categories";
import { serverApi } from "@/trpc/server";
import { firstPageOnStaleCursor } from "@/trpc/first-page-on-stale-cursor";
import { textParam } from "@/app/_components/search-params";
import { TrendingWindowPicker } from "@/components/home/trending-window-picker";
import { DEFAULT_TRENDING_WINDOW, TRENDING_WINDOW_LABELS, trendingWindowOf } from "@/shared/prompts/trending-windows";
import { atPage, exploreHref, isExploreCategory, isExploreMode, isExploreSort, withFilters, type ExploreState } from "./_components/explore-href";
import { ExploreFilters } from "./_components/explore-filters";
import { EXPLORE_SORT_LABELS, TOP_RATED_RULE } from "./_components/explore-sorts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Explore prompts" };

const PAGE_SIZE = 24;

type Search = Record<"q" | "category" | "tag" | "author" | "sort" | "mode" | "window" | "cursor", string | string[] | undefined>;
type Filters = Omit<ExploreState, "cursor">;

/** "in Writing tagged #email by @ana" (or nothing). */
const scopeWords = ({ category, tag, author }: Filters) => `${category ? ` in ${categoryLabel(category)}` : ""}${tag ? ` tagged #${tag}` : ""}${author ? ` by @${author}` : ""}`;

/** What the results are, in words, with their number: "23 prompts in Writing tagged #email, top rated first." */
function Summary({ filters, total, capped, searched }: { filters: Filters; total: number; capped: boolean; searched?: string }) {
  const { q, category, tag, author, sort, mode, window: trendWindow } = filters;
  const count = <strong className="font-semibold text-slate-900">{capped ? `${formatInteger(total)}+ prompts` : plural(total, "prompt")}</strong>;
  const best = mode === "semantic" ? ", closest in meaning first" : mode === "hybrid" ? ", best matches by words and meaning first" : ", best matches first";
  const order =
    sort === "trending"
      ? `, trending ${TRENDING_WINDOW_LABELS[trendWindow ?? DEFAULT_TRENDING_WINDOW].toLowerCase()} first`
      : sort
        ? `, ${EXPLORE_SORT_LABELS[sort].toLowerCase()} first`
        : q
          ? best
          : ", newest first";
  if (!q && !category && !tag && !author) return <>{count} in total{order}.</>;
  return (
    <>
      {count}
      {searched ? (
        <>
          {" "}matching <strong className="font-semibold text-slate-900">“{searched}”</strong>
        </>
      ) : null}
      {category ? (
        <>
          {" "}in <strong className="font-semibold text-slate-900">{categoryLabel(category)}</strong>
        </>
      ) : null}
      {tag ? (
        <>
          {" "}tagged <strong className="font-semibold text-slate-900">#{tag}</strong>
        </>
      ) : null}
      {author ? (
        <>
          {" "}by{" "}
          <Link href={`/u/${author}`} className="font-semibold text-indigo-600 hover:text-indigo-800">
            @{author}
          </Link>
        </>
      ) : null}
      {order}.
    </>
  );
}

export default async function ExplorePage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const rawCategory = textParam(sp.category);
  const rawSort = textParam(sp.sort);
  const rawMode = textParam(sp.mode);
  const q = textParam(sp.q);
  const filters: Filters = {
    q,
    category: isExploreCategory(rawCategory) ? rawCategory : undefined,
    tag: textParam(sp.tag)?.replace(/^#/, "").toLowerCase().slice(0, 32),
    author: textParam(sp.author)?.replace(/^@/, "").toLowerCase().slice(0, 40),
    // Without a query "newest" is the default, so it needs no parameter.
    sort: isExploreSort(rawSort) && !(rawSort === "newest" && !q) ? rawSort : undefined,
    // By meaning, or by words and meaning: only with a query (exploreHref drops it otherwise).
    mode: q && isExploreMode(rawMode) ? rawMode : undefined,
  };
  // The trending sort's window (7 days unless the URL says otherwise).
  if (filters.sort === "trending") filters.window = trendingWindowOf(textParam(sp.window));
  const cursor = textParam(sp.cursor);

  const api = await serverApi();
  const result = await firstPageOnStaleCursor(cursor, (c) => api.prompt.search({ ...filters, limit: PAGE_SIZE, cursor: c }));
  const { items, nextCursor, prevCursor, staleCursor, didYouMean } = result;
  const filtered = Boolean(filters.q || filters.category || filters.tag || filters.author);
  const pastFirst = Boolean(cursor && !staleCursor);

  return (
    <main className="mx-auto max-w-6xl px-4 py-10">
      <header>
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">Explore prompts</h1>
        <p className="mt-1 text-slate-600" aria-live="polite" data-testid="explore-summary">
          <Summary filters={filters} total={result.total} capped={result.totalCapped} searched={didYouMean ?? q} />
        </p>
      </header>

      {/* Remounted per URL, so the form always shows the search on screen. */}
      <ExploreFilters key={exploreHref(filters)} state={filters} />

      {filters.sort === "trending" ? (
        <div className="mt-4 flex flex-wrap items-center gap-3" data-testid="trending-window">
          <span className="text-sm font-medium text-slate-800" id="trending-window-label">
            Trending
          </span>
          <TrendingWindowPicker current={filters.window ?? DEFAULT_TRENDING_WINDOW} hrefFor={(w) => withFilters(filters, { window: w })} label="Trending over" />
          <span className="text-sm text-slate-600">Scores count distinct people, so one account cannot push a prompt up.</span>
        </div>
      ) : null}

      {filters.sort === "top_rated" ? (
        <p className="mt-4 flex gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200" data-testid="top-rated-rule">
          <StarIcon filled width={16} height={16} className="mt-0.5 shrink-0 text-amber-500" />
          <span>{TOP_RATED_RULE} Each card shows its score.</span>
        </p>
      ) : null}

      {didYouMean && q ? (
        <p role="status" className="mt-4 rounded-md bg-indigo-50 px-3 py-2 text-sm text-indigo-900 ring-1 ring-inset ring-indigo-200">
          Nothing matched “{q}” as typed. Did you mean{" "}
          <Link href={withFilters(filters, { q: didYouMean })} className="font-semibold underline underline-offset-2">
            {didYouMean}
          </Link>
          ? {items.length ? "Its results are shown below." : null}
        </p>
      ) : null}
      {rawCategory && !filters.category ? (
        <p role="status" className="mt-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 ring-1 ring-inset ring-amber-200">
          There is no category “{rawCategory}”, so all categories are shown.
        </p>
      ) : null}
      {staleCursor ? (
        <p role="status" className="mt-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 ring-1 ring-inset ring-amber-200">
          That page link has expired, so you are back on the first page.
        </p>
      ) : null}

      <section aria-labelledby="results-heading" className="mt-8">
        <h2 id="results-heading" className="sr-only">
          Results
        </h2>
        {filters.sort === "top_rated" && items.length ? (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Top rated prompts">
            {items.map((p) => (
              <li key={p.id} className="flex flex-col">
                <div className="flex-1">
                  <PromptCard prompt={p} />
                </div>
                <p className="mt-1.5 px-1 text-xs text-slate-600 tabular-nums">
                  Score <strong className="font-semibold text-slate-900">{p.ratingScore.toFixed(2)}</strong>
                  {" · "}
                  {p.ratingCount && p.ratingAverage !== null ? `${p.ratingAverage.toFixed(1)} ★ (${p.ratingCount})` : "no ratings yet"}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <PromptGrid
            prompts={items}
            label={q ? "Search results" : "Prompts"}
            empty={
              <EmptyState
                icon={<SearchIcon />}
                title={pastFirst ? "No more prompts" : q ? `No prompts match “${q}”` : filtered ? "No prompts match these filters" : "No prompts yet"}
                action={
                  pastFirst ? (
                    <ButtonLink href={exploreHref(filters)} variant="secondary">
                      Back to the first page
                    </ButtonLink>
                  ) : filtered ? (
                    <>
                      {didYouMean ? (
                        <ButtonLink href={withFilters(filters, { q: didYouMean })} variant="secondary">
                          Did you mean {didYouMean}?
                        </ButtonLink>
                      ) : null}
                      {q && (filters.category || filters.tag || filters.author) ? (
                        <ButtonLink href={exploreHref({ q: didYouMean ?? q })} variant="secondary">
                          Search everywhere for “{q.length > 30 ? `${q.slice(0, 30)}…` : q}”
                        </ButtonLink>
                      ) : q ? (
                        <ButtonLink href={withFilters(filters, { q: undefined })} variant="secondary">
                          Clear the search
                        </ButtonLink>
                      ) : null}
                      <ButtonLink href="/explore" variant="ghost">
                        See all prompts
                      </ButtonLink>
                    </>
                  ) : (
                    <ButtonLink href="/new">Create a prompt</ButtonLink>
                  )
                }
              >
                {pastFirst
                  ? "You have reached the end of the list."
                  : q
                    ? `Nothing${scopeWords(filters)} matches your search. Check the spelling, try fewer or more general words, or clear a filter.`
                    : filtered
                      ? `Nothing${scopeWords(filters)} yet. Try another filter or clear them.`
                      : "When people publish prompts, they show up here."}
              </EmptyState>
            }
          />
        )}
        {items.length ? (
          <Pager
            firstHref={pastFirst && prevCursor ? exploreHref(filters) : undefined}
            prevHref={prevCursor ? atPage(filters, prevCursor) : undefined}
            nextHref={nextCursor ? atPage(filters, nextCursor) : undefined}
            end="That is everything."
          />
        ) : null}
      </section>
    </main>
  );
}
