"use client";
// Explore's search and filter form. The URL is the one state: the category chips, the Category
// select and the Sort select all navigate to exploreHref of the whole form, so they always agree,
// a sort or category change keeps the other filters, and empty fields never reach the URL. Fields
// are checked with the API's own zod schemas before navigating, so a too-long value is explained
// here instead of coming back as a 400. Without JavaScript it is still a plain GET form.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { SearchIcon } from "@/components/ui/icons";
import { CATEGORIES } from "@/shared/prompts/categories";
import { AUTHOR_FILTER_MAX_LENGTH, SEARCH_QUERY_MAX_LENGTH, TAG_FILTER_MAX_LENGTH, searchFiltersSchema } from "@/shared/prompts/search-fields";
import { exploreHref, isExploreCategory, isExploreMode, isExploreSort, withFilters, type ExploreSort, type ExploreState } from "./explore-href";
import { EXPLORE_MODE_LABELS, EXPLORE_SORT_LABELS } from "./explore-sorts";
import { startNavigationProgress } from "@/app/_components/navigation-progress";

type Draft = { q: string; category: string; tag: string; author: string; sort: string; mode: string };
type Errors = Partial<Record<keyof Draft, string>>;

const chip = "inline-flex items-center rounded-full px-3 py-1 text-sm font-medium ring-1 ring-inset transition focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600";
const idle = "bg-white text-slate-700 ring-slate-200 hover:bg-slate-50 hover:ring-slate-300";
const active = "bg-indigo-600 text-white ring-indigo-600";

export function ExploreFilters({ state }: { state: ExploreState }) {
  const router = useRouter();
  const [draft, setDraft] = useState<Draft>({ q: state.q ?? "", category: state.category ?? "", tag: state.tag ?? "", author: state.author ?? "", sort: state.sort ?? "", mode: state.mode ?? "" });
  const [errors, setErrors] = useState<Errors>({});
  const filtered = Boolean(state.q || state.category || state.tag || state.author || state.sort);

  /** Validates the whole form and navigates to its search (first page). */
  function apply(next: Draft) {
    const parsed = searchFiltersSchema.safeParse({
      q: next.q || undefined,
      category: next.category || undefined,
      tag: next.tag.replace(/^#/, "") || undefined,
      author: next.author.replace(/^@/, "") || undefined,
      sort: next.sort || undefined,
      mode: next.mode || undefined,
    });
    if (!parsed.success) {
      const found: Errors = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] as keyof Draft;
        found[key] ??= `${{ q: "Search", category: "Category", tag: "Tag", author: "Author", sort: "Sort", mode: "Match" }[key]} ${issue.message}`;
      }
      setErrors(found);
      return;
    }
    setErrors({});
    const { q, category, tag, author, sort, mode } = parsed.data;
    startNavigationProgress();
    router.push(
      exploreHref({
        q,
        category: isExploreCategory(category) ? category : undefined,
        tag: tag?.toLowerCase(),
        author: author?.toLowerCase(),
        sort: isExploreSort(sort) && !(sort === "newest" && !q) ? sort : undefined,
        mode: isExploreMode(mode) ? mode : undefined,
        // The trending window picked beside the results is kept while the sort stays trending.
        window: sort === "trending" ? state.window : undefined,
      }),
    );
  }

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    apply(draft);
  };
  const change = (key: keyof Draft, value: string, now = false) => {
    const next = { ...draft, [key]: value };
    setDraft(next);
    if (now) apply(next);
  };
  const invalid = (key: keyof Draft) => (errors[key] ? { "aria-invalid": true, "aria-describedby": `filter-${key}-error` } : {});

  return (
    <>
      <form action="/explore" method="get" role="search" aria-label="Search and filter prompts" onSubmit={onSubmit} noValidate className="mt-6 space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-xs sm:p-5">
        {state.window ? <input type="hidden" name="window" value={state.window} /> : null}
        <div>
          <label htmlFor="filter-q" className="block text-sm font-medium text-slate-800">
            Search prompts
          </label>
          <div className="mt-1.5 flex gap-2">
            <div className="relative min-w-0 flex-1">
              <SearchIcon className="pointer-events-none absolute left-3 top-1/2 -translate-y-1/2 text-slate-400" />
              <Input
                id="filter-q"
                name="q"
                type="search"
                value={draft.q}
                onChange={(e) => change("q", e.target.value)}
                placeholder="Try “sql agent”, “release notes”, “tutor”…"
                maxLength={SEARCH_QUERY_MAX_LENGTH}
                autoComplete="off"
                className="py-2.5 pl-9"
                {...invalid("q")}
              />
            </div>
            <Button type="submit" size="lg" className="shrink-0 py-2">
              Search
            </Button>
          </div>
          {errors.q ? (
            <p id="filter-q-error" role="alert" className="mt-1.5 text-sm text-rose-600">
              {errors.q}
            </p>
          ) : null}
          {/* How the query matches; applies at once when there is a query (a plain radio group in the GET form without JavaScript). */}
          <div role="radiogroup" aria-labelledby="filter-mode-label" className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-700">
            <span id="filter-mode-label" className="font-medium text-slate-800">
              Match
            </span>
            {([["", "Words"], ...Object.entries(EXPLORE_MODE_LABELS)] as [string, string][]).map(([value, label]) => (
              <label key={value || "text"} className="inline-flex cursor-pointer items-center gap-1.5">
                <input type="radio" name="mode" value={value} checked={draft.mode === value} onChange={() => change("mode", value, Boolean(draft.q.trim()))} className="size-4 accent-indigo-600" />
                {label}
              </label>
            ))}
          </div>
        </div>

        <div className="grid grid-cols-2 gap-3 lg:grid-cols-[repeat(4,minmax(0,1fr))_auto] lg:items-end">
          <Field label="Category" htmlFor="filter-category">
            <Select id="filter-category" name="category" value={draft.category} onChange={(e) => change("category", e.target.value, true)} className="h-9 py-0">
              <option value="">All categories</option>
              {Object.entries(CATEGORIES).map(([slug, label]) => (
                <option key={slug} value={slug}>
                  {label}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Tag" htmlFor="filter-tag" error={errors.tag}>
            <div className="relative">
              <span aria-hidden className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-sm text-slate-400">
                #
              </span>
              <Input id="filter-tag" name="tag" value={draft.tag} onChange={(e) => change("tag", e.target.value)} placeholder="tag" maxLength={TAG_FILTER_MAX_LENGTH} autoComplete="off" className="h-9 pl-7" {...invalid("tag")} />
            </div>
          </Field>
          <Field label="Author" htmlFor="filter-author" error={errors.author}>
            <div className="relative">
              <span aria-hidden className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-sm text-slate-400">
                @
              </span>
              <Input id="filter-author" name="author" value={draft.author} onChange={(e) => change("author", e.target.value)} placeholder="handle" maxLength={AUTHOR_FILTER_MAX_LENGTH} autoComplete="off" className="h-9 pl-7" {...invalid("author")} />
            </div>
          </Field>
          <Field label="Sort" htmlFor="filter-sort">
            <Select id="filter-sort" name="sort" value={draft.sort} onChange={(e) => change("sort", e.target.value, true)} className="h-9 py-0">
              <option value="">{draft.q ? "Relevance" : "Newest"}</option>
              {(Object.entries(EXPLORE_SORT_LABELS) as [ExploreSort, string][])
                .filter(([value]) => draft.q || value !== "newest")
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
            {filtered ? (
              <ButtonLink href="/explore" variant="ghost" className="h-9 whitespace-nowrap">
                Clear all
              </ButtonLink>
            ) : null}
          </div>
        </div>
      </form>

      {/* The same category state as the select above; on narrow screens the select does the job in less space. */}
      <nav aria-label="Filter by category" className="mt-4 hidden sm:block">
        <ul className="flex flex-wrap gap-2">
          {[["", "All"] as const, ...Object.entries(CATEGORIES)].map(([slug, label]) => {
            const current = (state.category ?? "") === slug;
            return (
              <li key={slug || "all"}>
                <Link href={withFilters(state, { category: slug ? (slug as ExploreState["category"]) : undefined })} className={`${chip} ${current ? active : idle}`} aria-current={current ? "page" : undefined}>
                  {label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
    </>
  );
}
