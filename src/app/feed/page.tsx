import type { Metadata } from "next";
import Link from "next/link";
import { TimeAgo } from "@/components/ui/date-time";
import { ArrowRightIcon, ForkIcon, LayersIcon, PlusIcon } from "@/components/ui/icons";
import type { FeedItem } from "@/components/prompts/types";
import { FollowButton } from "@/components/social/follow-button";
import { Avatar } from "@/components/ui/avatar";
import { ButtonLink } from "@/components/ui/button";
import { Pager } from "@/components/ui/pager";
import { requireSignedIn } from "@/server/auth/require-signed-in";
import { serverApi } from "@/trpc/server";
import { firstPageOnStaleCursor } from "@/trpc/first-page-on-stale-cursor";
import { hrefWithQuery, textParam } from "@/app/_components/search-params";
import { CollectionUpdates } from "./_components/collection-updates";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your feed" };

const PAGE_SIZE = 20;

const kindStyle = {
  prompt: { icon: PlusIcon, tone: "bg-emerald-50 text-emerald-700" },
  version: { icon: LayersIcon, tone: "bg-indigo-50 text-indigo-700" },
  fork: { icon: ForkIcon, tone: "bg-amber-50 text-amber-800" },
} as const;

function FeedEntry({ item, now }: { item: FeedItem; now: Date }) {
  const { icon: Icon, tone } = kindStyle[item.kind];
  const href = item.kind === "version" ? `/p/${item.prompt.slug}?v=${item.version.number}` : `/p/${item.prompt.slug}`;
  const title = (
    <Link href={href} className="font-semibold text-slate-900 hover:text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600">
      {item.prompt.title}
    </Link>
  );
  const who = (
    <Link href={`/u/${item.author.handle}`} className="font-semibold text-slate-900 hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-600">
      @{item.author.handle}
    </Link>
  );
  return (
    <article className="flex gap-3 px-4 py-4 sm:px-5">
      <div className="relative shrink-0 self-start">
        <Avatar name={item.author.name} handle={item.author.handle} image={item.author.image} size={36} />
        <span aria-hidden className={`absolute -bottom-1 -right-1 flex h-5 w-5 items-center justify-center rounded-full ring-2 ring-white ${tone}`}>
          <Icon width={11} height={11} />
        </span>
      </div>
      <div className="min-w-0 flex-1">
        <p className="text-sm leading-relaxed text-slate-700 [overflow-wrap:anywhere]">
          {who}{" "}
          {item.kind === "prompt" ? (
            <>published {title}</>
          ) : item.kind === "fork" ? (
            <>forked {title}</>
          ) : (
            <>
              released <span className="font-mono font-semibold text-slate-900">v{item.version.number}</span> of {title}
              {item.version.changelog ? <>: <span className="text-slate-600">{item.version.changelog}</span></> : null}
            </>
          )}
        </p>
        {item.kind !== "version" && item.prompt.description ? <p className="mt-1 line-clamp-2 text-sm text-slate-500">{item.prompt.description}</p> : null}
        <p className="mt-1.5 text-xs text-slate-500">
          <TimeAgo value={item.createdAt} now={now} />
        </p>
      </div>
    </article>
  );
}

/** People to follow when the feed is empty: the authors of what is trending, minus the viewer. */
async function suggestedPeople(viewerId: string) {
  const api = await serverApi();
  const { items } = await api.prompt.search({ sort: "trending", limit: 30 });
  const seen = new Map<string, { handle: string; name: string | null; image: string | null; example: string }>();
  for (const p of items) if (p.owner.id !== viewerId && !seen.has(p.owner.id)) seen.set(p.owner.id, { ...p.owner, example: p.title });
  return [...seen.values()].slice(0, 5);
}

export default async function FeedPage({ searchParams }: { searchParams: Promise<{ cursor?: string | string[] }> }) {
  const user = await requireSignedIn("/feed");
  const sp = await searchParams;
  const cursor = textParam(sp.cursor);
  const api = await serverApi();
  const feed = await firstPageOnStaleCursor(cursor, (c) => api.feed.mine({ limit: PAGE_SIZE, cursor: c }));
  const empty = !feed.items.length && !cursor;
  const suggestions = empty ? await suggestedPeople(user.id) : [];
  const now = new Date();

  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-3xl font-bold tracking-tight text-slate-900">Your feed</h1>
          <p className="mt-1 text-slate-600">New prompts, versions and forks from the people you follow.</p>
        </div>
        <Link href={`/u/${user.handle}?tab=following`} className="rounded text-sm font-semibold text-indigo-600 hover:text-indigo-800 focus-visible:outline-2 focus-visible:outline-indigo-600">
          People you follow <span aria-hidden>→</span>
        </Link>
      </header>

      {empty ? (
        <div className="mt-8 rounded-xl border border-dashed border-slate-300 bg-white/60 px-5 py-8 sm:px-8">
          <div className="text-center">
            <p className="text-base font-semibold text-slate-900">No one you follow has published anything yet</p>
            <p className="mx-auto mt-1 max-w-md text-sm text-slate-600">Follow people whose prompts you like, and their new prompts, versions and forks will show up here.</p>
          </div>
          {suggestions.length ? (
            <>
              <h2 className="mt-8 text-sm font-semibold text-slate-900">
                People to follow
              </h2>
              <ul className="mt-3 divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-xs">
                {suggestions.map((p) => (
                  <li key={p.handle} className="flex items-center gap-3 px-4 py-3">
                    <Avatar name={p.name} handle={p.handle} image={p.image} size={36} />
                    <div className="min-w-0 flex-1">
                      <Link href={`/u/${p.handle}`} className="block truncate text-sm font-semibold text-slate-900 hover:text-indigo-700">
                        {p.name ?? `@${p.handle}`}
                        {p.name ? <span className="ml-1.5 font-normal text-slate-500">@{p.handle}</span> : null}
                      </Link>
                      <p className="truncate text-xs text-slate-500">Trending: {p.example}</p>
                    </div>
                    <FollowButton handle={p.handle} initialFollowing={false} signedIn returnTo="/feed" refresh />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <div className="mt-6 flex justify-center">
            <ButtonLink href="/explore" variant="secondary">
              Find people on Explore
              <ArrowRightIcon />
            </ButtonLink>
          </div>
        </div>
      ) : (
        <section aria-labelledby="activity-heading" className="mt-8">
          <h2 id="activity-heading" className="sr-only">
            Activity
          </h2>
          {feed.items.length ? (
            <ol className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-xs" aria-label="Feed">
              {feed.items.map((item) => (
                <li key={item.id}>
                  <FeedEntry item={item} now={now} />
                </li>
              ))}
            </ol>
          ) : (
            <p className="rounded-xl border border-dashed border-slate-300 bg-white/60 px-6 py-10 text-center text-sm text-slate-600">You have reached the end of your feed.</p>
          )}
          <Pager
            firstHref={cursor ? "/feed" : undefined}
            firstLabel="Newest"
            nextHref={feed.nextCursor ? hrefWithQuery("/feed", { cursor: feed.nextCursor }) : undefined}
            nextLabel="Older activity"
            className="mt-6"
          />
        </section>
      )}
      {cursor ? null : <CollectionUpdates />}
    </main>
  );
}
