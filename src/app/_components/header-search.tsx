"use client";
// The search box in the site header: submits to Explore (/explore?q=…), checked with the API's
// own field schema first; an empty search opens Explore without a bare `?q=`.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { SearchIcon } from "@/components/ui/icons";
import { SEARCH_QUERY_MAX_LENGTH, searchQuerySchema } from "@/shared/prompts/search-fields";
import { exploreHref } from "@/app/explore/_components/explore-href";
import { startNavigationProgress } from "./navigation-progress";

export function HeaderSearch({ id, className = "", onSearch }: { id: string; className?: string; onSearch?: () => void }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const parsed = searchQuerySchema.safeParse(String(new FormData(e.currentTarget).get("q") ?? ""));
    if (!parsed.success) {
      setError(`Search ${parsed.error.issues[0]?.message ?? "is invalid"}`);
      return;
    }
    setError(null);
    startNavigationProgress();
    router.push(exploreHref({ q: parsed.data }));
    onSearch?.();
  }

  return (
    <form action="/explore" method="get" role="search" aria-label="Site search" onSubmit={submit} className={`relative ${className}`}>
      {/* Not "Search prompts": that names Explore's own, larger search box on the same page. */}
      <label htmlFor={id} className="sr-only">
        Search Promptuary
      </label>
      <SearchIcon className="pointer-events-none absolute left-2.5 top-1/2 -translate-y-1/2 text-slate-400" width={14} height={14} />
      <input
        id={id}
        name="q"
        type="search"
        placeholder="Search prompts"
        maxLength={SEARCH_QUERY_MAX_LENGTH}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="h-8 w-full rounded-md border-0 bg-slate-100 pl-8 pr-2 text-sm text-slate-900 ring-1 ring-inset ring-slate-200 placeholder:text-slate-500 focus:bg-white focus:outline-none focus:ring-2 focus:ring-indigo-600"
      />
      {error ? (
        <p id={`${id}-error`} role="alert" className="absolute left-0 top-full mt-1 rounded bg-white px-2 py-1 text-xs text-rose-600 shadow">
          {error}
        </p>
      ) : null}
    </form>
  );
}
