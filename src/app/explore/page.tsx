import type { Metadata } from "next";
import Link from "next/link";
import { CategoryChips } from "@/components/prompts/category-chips";
import { SearchIcon } from "@/components/ui/icons";
import { PromptGrid } from "@/components/prompts/prompt-grid";
import { Button, ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, Input, Select } from "@/components/ui/field";
import { Pager } from "@/components/ui/pager";
import { CATEGORIES, categoryLabel, type Category } from "@/shared/prompts/categories";
import { serverApi } from "@/trpc/server";
import { firstPageOnStaleCursor } from "@/trpc/first-page-on-stale-cursor";
import { hrefWithQuery, textParam } from "@/app/_components/search-params";
import { CategoryOptions } from "@/components/prompts/category-options";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Explore prompts" };

const PAGE_SIZE = 24;

/** The sorts a user can pick. "" is the default: relevance with a query, newest without. */
const SORTS = { newest: "Newest", top_rated: "Top rated", most_liked: "Most liked", trending: "Trending" } as const;
type Sort = keyof typeof SORTS;
const isSort = (v: string | undefined): v is Sort => v !== undefined && Object.hasOwn(SORTS, v);

type Search = Record<"q" | "category" | "tag" | "author" | "sort" | "cursor", string | string[] | undefined>;
type Filters = { q?: string; category?: Category; tag?: string; author?: string; sort?: Sort };
const isCategory = (v: string | undefined): v is Category => v !== undefined && Object.hasOwn(CATEGORIES, v);

const exploreHref = ({ q, category, tag, author, sort, cursor }: Filters & { cursor?: string }) => hrefWithQuery("/explore", { q, category, tag, author, sort, cursor });

/** What the results are, in words: "Top rated Writing prompts tagged #email by @ana matching “…”". */
function Summary({ filters }: { filters: Filters }) {
  const { q, category, tag, author, sort } = filters;
  if (!q && !category && !tag && !author) {
    return <>{sort ? `Every public prompt, ${SORTS[sort].toLowerCase()} first.` : "Every public prompt, newest first."}</>;
  }
  return (
    <>
      {q ? (
        <>
          Results for <strong className="font-semibold text-slate-900">“{q}”</strong>
        </>
      ) : (
        "Showing"
      )}
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
      {sort ? `, ${SORTS[sort].toLowerCase()} first` : q ? ", best matches first" : ""}.
    </>
  );
}

export default async function ExplorePage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const rawCategory = textParam(sp.category);
  const rawSort = textParam(sp.sort);
  const q = textParam(sp.q);
  const filters: Filters = {
    q,
    category: isCategory(rawCategory) ? rawCategory : undefined,
    tag: textParam(sp.tag)?.replace(/^#/, "").toLowerCase().slice(0, 32),
    author: textParam(sp.author)?.replace(/^@/, "").toLowerCase().slice(0, 40),
    // Without a query "newest" is the default, so it needs no parameter.
    sort: isSort(rawSort) && !(rawSort === "newest" && !q) ? rawSort : undefined,
  };
  const cursor = textParam(sp.cursor);

  const api = await serverApi();
  const { items, nextCursor, staleCursor } = await firstPageOnStaleCursor(cursor, (c) => api.prompt.search({ ...filters, limit: PAGE_SIZE, cursor: c }));
  const filtered = Boolean(filters.q || filters.category || filters.tag || filters.author);
  const withoutQuery = exploreHref({ ...filters, q: undefined, sort: filters.sort === "newest" ? undefined : filters.sort });

  return (
    <main className="mx-auto max-w-6xl px-4 py-10">
      <header>
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">Explore prompts</h1>
        <p className="mt-1 text-slate-600" aria-live="polite">
          <Summary filters={filters} />
        </p>
      </header>

      <form action="/explore" method="get" role="search" aria-label="Search and filter prompts" className="mt-6 space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-xs sm:p-5">
        <div>
          <label htmlFor="search-q" className="block text-sm font-medium text-slate-800">
            Search prompts
          </label>
          <div className="mt-1.5 flex gap-2">
            <div className="relative min-w-0 flex-1">
              <SearchIcon className="pointer-events-none absolute left-3 top-1/2 -translate-y-1/2 text-slate-400" />
              <Input id="search-q" name="q" type="search" defaultValue={q ?? ""} placeholder="Try “sql agent”, “release notes”, “tutor”…" maxLength={200} autoComplete="off" className="py-2.5 pl-9" />
            </div>
            <Button type="submit" size="lg" className="shrink-0 py-2">
              Search
            </Button>
          </div>
        </div>

        <div className="grid grid-cols-2 gap-3 lg:grid-cols-[repeat(4,minmax(0,1fr))_auto] lg:items-end">
          <Field label="Category" htmlFor="filter-category">
            <Select id="filter-category" name="category" defaultValue={filters.category ?? ""} className="h-9 py-0">
              <option value="">All categories</option>
              <CategoryOptions />
            </Select>
          </Field>
          <Field label="Tag" htmlFor="filter-tag">
            <div className="relative">
              <span aria-hidden className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-sm text-slate-400">
                #
              </span>
              <Input id="filter-tag" name="tag" defaultValue={filters.tag ?? ""} placeholder="tag" maxLength={32} autoComplete="off" className="h-9 pl-7" />
            </div>
          </Field>
          <Field label="Author" htmlFor="filter-author">
            <div className="relative">
              <span aria-hidden className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-sm text-slate-400">
                @
              </span>
              <Input id="filter-author" name="author" defaultValue={filters.author ?? ""} placeholder="handle" maxLength={40} autoComplete="off" className="h-9 pl-7" />
            </div>
          </Field>
          <Field label="Sort" htmlFor="filter-sort">
            <Select id="filter-sort" name="sort" defaultValue={filters.sort ?? ""} className="h-9 py-0">
              <option value="">{q ? "Relevance" : "Newest"}</option>
              {(Object.entries(SORTS) as [Sort, string][])
                .filter(([value]) => q || value !== "newest")
                .map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
            </Select>
          </Field>
          <div className="col-span-2 flex gap-2 lg:col-span-1">
            <Button type="submit" variant="secondary" className="h-9 whitespace-nowrap">
              Apply filters
            </Button>
            {filtered || filters.sort ? (
              <ButtonLink href="/explore" variant="ghost" className="h-9 whitespace-nowrap">
                Clear all
              </ButtonLink>
            ) : null}
          </div>
        </div>
      </form>

      {/* On narrow screens the Category select does the same job in less space. */}
      <div className="mt-4 hidden sm:block">
        <CategoryChips activeCategory={filters.category} showAll label="Filter by category" hrefFor={(c) => exploreHref({ ...filters, category: (c ?? undefined) as Category | undefined })} />
      </div>

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
        <PromptGrid
          prompts={items}
          label={q ? "Search results" : "Prompts"}
          empty={
            <EmptyState
              icon={<SearchIcon />}
              title={cursor && !staleCursor ? "No more prompts" : q ? `No prompts match “${q}”` : filtered ? "No prompts match these filters" : "No prompts yet"}
              action={
                cursor && !staleCursor ? (
                  <ButtonLink href={exploreHref(filters)} variant="secondary">
                    Back to the first page
                  </ButtonLink>
                ) : filtered ? (
                  <>
                    {q && (filters.category || filters.tag || filters.author) ? (
                      <ButtonLink href={exploreHref({ q })} variant="secondary">
                        Search everywhere for “{q.length > 30 ? `${q.slice(0, 30)}…` : q}”
                      </ButtonLink>
                    ) : q ? (
                      <ButtonLink href={withoutQuery} variant="secondary">
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
              {cursor && !staleCursor
                ? "You have reached the end of the list."
                : q
                  ? `Nothing${filters.category ? ` in ${categoryLabel(filters.category)}` : ""}${filters.tag ? ` tagged #${filters.tag}` : ""}${filters.author ? ` by @${filters.author}` : ""} matches your search. Check the spelling, try fewer or more general words, or clear a filter.`
                  : filtered
                    ? `Nothing${filters.category ? ` in ${categoryLabel(filters.category)}` : ""}${filters.tag ? ` tagged #${filters.tag}` : ""}${filters.author ? ` by @${filters.author}` : ""} yet. Try another filter or clear them.`
                    : "When people publish prompts, they show up here."}
            </EmptyState>
          }
        />
        {items.length ? (
          <Pager
            firstHref={cursor ? exploreHref(filters) : undefined}
            nextHref={nextCursor ? exploreHref({ ...filters, cursor: nextCursor }) : undefined}
            end="That is everything."
          />
        ) : null}
      </section>
    </main>
  );
}
