import type { Metadata } from "next";
import { ArrowRightIcon } from "@/components/ui/icons";
import { MarketList } from "@/components/marketplace/market-list";
import { MarketSortForm } from "@/components/marketplace/market-sort";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { auth } from "@/server/auth/config";
import { serverApi } from "@/trpc/server";
import { firstParam } from "@/app/_components/search-params";
import { LISTING_SORTS, isListingSort } from "@/shared/marketplace/listing-sorts";
import { SALES_COUNT_RULE } from "@/shared/marketplace/sale-definition";

export const metadata: Metadata = { title: "Market" };
export const dynamic = "force-dynamic";

const PAGE_SIZE = 24;

export default async function MarketPage({ searchParams }: { searchParams: Promise<{ sort?: string | string[] }> }) {
  const sp = await searchParams;
  const raw = firstParam(sp.sort);
  const sort = isListingSort(raw) ? raw : "newest";
  const [session, page] = await Promise.all([auth(), (await serverApi()).listing.list({ sort, limit: PAGE_SIZE })]);
  const user = session?.user;

  return (
    <main className="mx-auto max-w-6xl px-4 py-8 sm:py-10">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Market</h1>
          <p className="mt-1.5 text-sm text-slate-600">Prompts for sale or free to claim, each under a clear license. {LISTING_SORTS[sort].phrase} {SALES_COUNT_RULE}</p>
        </div>
        {page.items.length ? <MarketSortForm sort={sort} /> : null}
      </header>

      <div className="mt-8">
        {page.items.length ? (
          <MarketList key={sort} initial={page} sort={sort} pageSize={PAGE_SIZE} />
        ) : (
          <EmptyState
            title="Nothing for sale yet"
            action={
              user ? (
                <ButtonLink href={`/u/${user.handle}`}>
                  Open your prompts
                  <ArrowRightIcon />
                </ButtonLink>
              ) : (
                <ButtonLink href="/explore" variant="secondary">
                  Explore free prompts
                </ButtonLink>
              )
            }
          >
            To sell a prompt, open one of your public prompts and choose <strong className="font-semibold text-slate-800">Sell this prompt</strong>: set a price (or 0 for
            free), a license type and its terms.
          </EmptyState>
        )}
      </div>
    </main>
  );
}
