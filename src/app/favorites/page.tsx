import type { Metadata } from "next";
import { FavoriteIcon } from "@/components/collections/favorite-icon";
import { PromptGrid } from "@/components/prompts/prompt-grid";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pager } from "@/components/ui/pager";
import { requireSignedIn } from "@/server/auth/require-signed-in";
import { serverApi } from "@/trpc/server";
import { firstPageOnStaleCursor } from "@/trpc/first-page-on-stale-cursor";
import { hrefWithQuery, textParam } from "@/app/_components/search-params";

export const metadata: Metadata = { title: "Favourites" };
export const dynamic = "force-dynamic";

const PAGE_SIZE = 24;

/** The prompts the viewer starred, most recent first. */
export default async function FavoritesPage({ searchParams }: { searchParams: Promise<{ cursor?: string | string[] }> }) {
  await requireSignedIn("/favorites");
  const cursor = textParam((await searchParams).cursor);
  const api = await serverApi();
  const favorites = await firstPageOnStaleCursor(cursor, (c) => api.favorite.list({ limit: PAGE_SIZE, cursor: c }));
  return (
    <main className="mx-auto max-w-6xl px-4 py-8 sm:py-10">
      <header>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Favourites</h1>
        <p className="mt-1.5 max-w-2xl text-sm text-slate-600">Prompts you starred, newest first. Your connected tools (MCP) offer them too.</p>
      </header>
      <div className="mt-8">
        <PromptGrid
          prompts={favorites.items}
          label="Your favourite prompts"
          empty={
            <EmptyState
              icon={<FavoriteIcon />}
              title={cursor ? "No more favourites" : "No favourites yet"}
              action={
                <ButtonLink href={cursor ? "/favorites" : "/explore"} variant="secondary">
                  {cursor ? "Back to the first page" : "Explore prompts"}
                </ButtonLink>
              }
            >
              {cursor ? null : "Press Favourite on any prompt to keep it here, and in your editor."}
            </EmptyState>
          }
        />
      </div>
      <Pager firstHref={cursor ? "/favorites" : undefined} nextHref={favorites.nextCursor ? hrefWithQuery("/favorites", { cursor: favorites.nextCursor }) : undefined} className="mt-6" />
    </main>
  );
}
