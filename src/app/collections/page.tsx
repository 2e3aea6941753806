import type { Metadata } from "next";
import { CollectionGrid } from "@/components/collections/collection-card";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PlusIcon } from "@/components/ui/icons";
import { Pager } from "@/components/ui/pager";
import { requireSignedIn } from "@/server/auth/require-signed-in";
import { serverApi } from "@/trpc/server";
import { firstPageOnStaleCursor } from "@/trpc/first-page-on-stale-cursor";
import { hrefWithQuery, textParam } from "@/app/_components/search-params";

export const metadata: Metadata = { title: "Collections" };
export const dynamic = "force-dynamic";

const PAGE_SIZE = 24;

/** The viewer's collections (their own and their organisations'), then the public ones they follow. */
export default async function CollectionsPage({ searchParams }: { searchParams: Promise<{ cursor?: string | string[] }> }) {
  await requireSignedIn("/collections");
  const cursor = textParam((await searchParams).cursor);
  const api = await serverApi();
  const [mine, followed] = await Promise.all([
    firstPageOnStaleCursor(cursor, (c) => api.collection.list({ limit: PAGE_SIZE, cursor: c })),
    cursor ? null : api.collection.list({ followed: true, limit: PAGE_SIZE }),
  ]);
  return (
    <main className="mx-auto max-w-6xl px-4 py-8 sm:py-10">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Collections</h1>
          <p className="mt-1.5 max-w-2xl text-sm text-slate-600">Prompts in the order you use them, pinned to a version or following production. Turn one on for your tools and your editor lists its prompts.</p>
        </div>
        <ButtonLink href="/collections/new">
          <PlusIcon width={14} height={14} />
          New collection
        </ButtonLink>
      </header>

      <section aria-labelledby="mine-heading" className="mt-8">
        <h2 id="mine-heading" className="text-lg font-semibold text-slate-900">
          Yours and your organisations’
        </h2>
        <div className="mt-3">
          {mine.items.length ? (
            <CollectionGrid collections={mine.items} label="Your collections" />
          ) : (
            <EmptyState title={cursor ? "No more collections" : "No collections yet"} action={cursor ? null : <ButtonLink href="/collections/new">Make your first collection</ButtonLink>}>
              {cursor ? null : "Group prompts for a task, a team or a tool: add them from any prompt page."}
            </EmptyState>
          )}
        </div>
        <Pager firstHref={cursor ? "/collections" : undefined} nextHref={mine.nextCursor ? hrefWithQuery("/collections", { cursor: mine.nextCursor }) : undefined} className="mt-6" />
      </section>

      {followed ? (
        <section aria-labelledby="followed-heading" className="mt-10">
          <h2 id="followed-heading" className="text-lg font-semibold text-slate-900">
            Following
          </h2>
          <p className="mt-1 text-sm text-slate-600">Public collections you follow: what is added to them shows in your feed.</p>
          <div className="mt-3">
            {followed.items.length ? (
              <CollectionGrid collections={followed.items} label="Collections you follow" />
            ) : (
              <p className="rounded-xl border border-dashed border-slate-300 bg-white/60 px-6 py-8 text-center text-sm text-slate-600">You don’t follow any collection yet. Follow one from its page.</p>
            )}
          </div>
        </section>
      ) : null}
    </main>
  );
}
