import type { Metadata } from "next";
import Link from "next/link";
import { TRPCError } from "@trpc/server";
import { CategoryChips } from "@/components/prompts/category-chips";
import { ArrowRightIcon } from "@/components/prompts/icons";
import { PromptGrid } from "@/components/prompts/prompt-grid";
import { Button, ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, Input, Select } from "@/components/ui/field";
import { CATEGORIES, categoryLabel, type Category } from "@/server/domain/prompts/categories";
import { serverApi } from "@/trpc/server";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Explore prompts" };

const PAGE_SIZE = 24;

type Search = { category?: string | string[]; author?: string | string[]; cursor?: string | string[] };
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
const isCategory = (v: string | undefined): v is Category => v !== undefined && Object.hasOwn(CATEGORIES, v);

function exploreHref(params: { category?: string; author?: string; cursor?: string }) {
  const q = new URLSearchParams();
  if (params.category) q.set("category", params.category);
  if (params.author) q.set("author", params.author);
  if (params.cursor) q.set("cursor", params.cursor);
  const s = q.toString();
  return s ? `/explore?${s}` : "/explore";
}

export default async function ExplorePage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const rawCategory = first(sp.category);
  const category = isCategory(rawCategory) ? rawCategory : undefined;
  const author = first(sp.author)?.replace(/^@/, "").toLowerCase().slice(0, 40);
  const cursor = first(sp.cursor)?.slice(0, 200);

  const api = await serverApi();
  let result: { items: Awaited<ReturnType<typeof api.prompt.list>>["items"]; nextCursor: string | null };
  let staleCursor = false;
  try {
    result = await api.prompt.list({ limit: PAGE_SIZE, category, author, cursor });
  } catch (error) {
    // A cursor from an old link may no longer point at a prompt: start over from the first page.
    if (!(error instanceof TRPCError) || !cursor) throw error;
    staleCursor = true;
    result = await api.prompt.list({ limit: PAGE_SIZE, category, author });
  }
  const { items, nextCursor } = result;
  const filtered = Boolean(category || author);

  return (
    <main className="mx-auto max-w-6xl px-4 py-10">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight text-slate-900">Explore prompts</h1>
          <p className="mt-1 text-slate-600">
            {category || author ? (
              <>
                Showing {category ? <strong className="font-semibold text-slate-900">{categoryLabel(category)}</strong> : "all"} prompts
                {author ? (
                  <>
                    {" "}by{" "}
                    <Link href={`/u/${author}`} className="font-semibold text-indigo-600 hover:text-indigo-800">
                      @{author}
                    </Link>
                  </>
                ) : null}
                .
              </>
            ) : (
              "Every public prompt, newest first."
            )}
          </p>
        </div>
      </header>

      <div className="mt-6 space-y-4">
        {/* On narrow screens the Category select below does the same job in less space. */}
        <div className="hidden sm:block">
          <CategoryChips activeCategory={category} showAll label="Filter by category" hrefFor={(c) => exploreHref({ category: c ?? undefined, author })} />
        </div>

        <form action="/explore" method="get" className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-xs" aria-label="Filter prompts">
          <div className="w-full sm:w-56">
            <Field label="Category" htmlFor="filter-category">
              <Select id="filter-category" name="category" defaultValue={category ?? ""}>
                <option value="">All categories</option>
                {Object.entries(CATEGORIES).map(([slug, label]) => (
                  <option key={slug} value={slug}>
                    {label}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <div className="w-full sm:w-56">
            <Field label="Author" htmlFor="filter-author">
              <div className="relative">
                <span aria-hidden className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-sm text-slate-400">@</span>
                <Input id="filter-author" name="author" defaultValue={author ?? ""} placeholder="handle" maxLength={40} autoComplete="off" className="pl-7" />
              </div>
            </Field>
          </div>
          <div className="flex gap-2">
            <Button type="submit">Apply filters</Button>
            {filtered ? (
              <ButtonLink href="/explore" variant="ghost">
                Clear filters
              </ButtonLink>
            ) : null}
          </div>
        </form>
      </div>

      {rawCategory && !category ? (
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
          label="Prompts"
          empty={
            <EmptyState
              title={cursor && !staleCursor ? "No more prompts" : filtered ? "No prompts match these filters" : "No prompts yet"}
              action={
                filtered || cursor ? (
                  <ButtonLink href="/explore" variant="secondary">
                    See all prompts
                  </ButtonLink>
                ) : (
                  <ButtonLink href="/new">Create a prompt</ButtonLink>
                )
              }
            >
              {cursor && !staleCursor
                ? "You have reached the end of the list."
                : filtered
                  ? `Nothing${category ? ` in ${categoryLabel(category)}` : ""}${author ? ` by @${author}` : ""} yet. Try another category or clear the filters.`
                  : "When people publish prompts, they show up here."}
            </EmptyState>
          }
        />
        {items.length && (cursor || nextCursor) ? (
          <nav aria-label="Pagination" className="mt-8 flex items-center justify-between gap-4">
            {cursor ? (
              <ButtonLink href={exploreHref({ category, author })} variant="ghost">
                <span aria-hidden>←</span> First page
              </ButtonLink>
            ) : (
              <span />
            )}
            {nextCursor ? (
              <ButtonLink href={exploreHref({ category, author, cursor: nextCursor })} variant="secondary" rel="next">
                Next page
                <ArrowRightIcon />
              </ButtonLink>
            ) : (
              <span className="text-sm text-slate-500">That is everything.</span>
            )}
          </nav>
        ) : null}
      </section>
    </main>
  );
}
