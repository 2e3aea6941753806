import type { Metadata } from "next";
import Link from "next/link";
import { cache, type ReactNode } from "react";
import { DateTime } from "@/components/ui/date-time";
import { formatMonth } from "@/components/ui/format-date";
import { compactNumber } from "@/components/ui/format-number";
import { StarIcon } from "@/components/ui/icons";
import { PromptGrid } from "@/components/prompts/prompt-grid";
import type { FollowPerson } from "@/components/prompts/types";
import { FollowButton } from "@/components/social/follow-button";
import { Avatar } from "@/components/ui/avatar";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pager } from "@/components/ui/pager";
import { auth } from "@/server/auth/config";
import { serverApi } from "@/trpc/server";
import { firstPageOnStaleCursor } from "@/trpc/first-page-on-stale-cursor";
import { notFoundOnMissing } from "@/trpc/not-found-on-missing";
import { firstParam, hrefWithQuery, textParam } from "@/app/_components/search-params";
import { ArchivedPrompts } from "./_components/archived-prompts";
import { ProfileCollections } from "./_components/profile-collections";

export const dynamic = "force-dynamic";

const PAGE_SIZE = 24;
const TABS = ["prompts", "followers", "following"] as const;
type Tab = (typeof TABS)[number];
type Params = { params: Promise<{ handle: string }>; searchParams: Promise<{ cursor?: string | string[]; tab?: string | string[] }> };

const loadUser = cache(async (handle: string) => (await serverApi()).user.byHandle({ handle: handle.replace(/^(@|%40)/, "") }).catch(notFoundOnMissing));

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const user = await loadUser((await params).handle);
  return { title: user.name ? `${user.name} (@${user.handle})` : `@${user.handle}`, description: user.bio || undefined };
}

const tabHref = (handle: string, tab: Tab, cursor?: string | null) => hrefWithQuery(`/u/${handle}`, { tab: tab === "prompts" ? undefined : tab, cursor });

function Pagination({ handle, tab, cursor, nextCursor }: { handle: string; tab: Tab; cursor?: string; nextCursor: string | null }) {
  return <Pager firstHref={cursor ? tabHref(handle, tab) : undefined} nextHref={nextCursor ? tabHref(handle, tab, nextCursor) : undefined} />;
}

function PeopleList({ people, label, viewerId, signedIn, returnTo }: { people: FollowPerson[]; label: string; viewerId: string | null; signedIn: boolean; returnTo: string }) {
  return (
    <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-xs" aria-label={label}>
      {people.map((p) => (
        <li key={p.id} className="flex items-center gap-3 px-4 py-3 sm:px-5">
          <Avatar name={p.name} handle={p.handle} image={p.image} size={40} />
          <div className="min-w-0 flex-1">
            <Link href={`/u/${p.handle}`} className="block truncate rounded text-sm font-semibold text-slate-900 hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-600">
              {p.name ? (
                <>
                  {p.name} <span className="font-normal text-slate-500">@{p.handle}</span>
                </>
              ) : (
                `@${p.handle}`
              )}
            </Link>
            {p.bio ? <p className="mt-0.5 line-clamp-1 text-sm text-slate-600">{p.bio}</p> : null}
          </div>
          {p.id === viewerId ? (
            <span className="shrink-0 text-xs font-medium text-slate-500">You</span>
          ) : signedIn ? (
            <FollowButton handle={p.handle} initialFollowing={p.viewerFollows} signedIn returnTo={returnTo} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export default async function ProfilePage({ params, searchParams }: Params) {
  const [{ handle }, sp] = await Promise.all([params, searchParams]);
  const user = await loadUser(handle);
  const rawTab = firstParam(sp.tab);
  const tab: Tab = TABS.find((t) => t === rawTab) ?? "prompts";
  const cursor = textParam(sp.cursor);
  const api = await serverApi();
  const session = await auth();
  const viewerId = session?.user?.id ?? null;
  const isSelf = user.isViewer;
  const here = tabHref(user.handle, tab);

  const [prompts, people] = await Promise.all([
    tab === "prompts" ? firstPageOnStaleCursor(cursor, (c) => api.prompt.list({ author: user.handle, limit: PAGE_SIZE, cursor: c })) : null,
    tab === "followers"
      ? firstPageOnStaleCursor(cursor, (c) => api.follow.followers({ handle: user.handle, limit: PAGE_SIZE, cursor: c }))
      : tab === "following"
        ? firstPageOnStaleCursor(cursor, (c) => api.follow.following({ handle: user.handle, limit: PAGE_SIZE, cursor: c }))
        : null,
  ]);

  const totals: { term: string; value: ReactNode }[] = [
    { term: "Prompts", value: compactNumber(user.promptCount) },
    { term: "Likes received", value: compactNumber(user.likesReceived) },
    {
      term: "Avg rating",
      value:
        user.averageRating !== null ? (
          <span className="inline-flex items-center gap-1">
            <StarIcon filled width={16} height={16} className="text-amber-400" />
            {user.averageRating.toFixed(1)}
            <span className="text-sm font-normal text-slate-500">({compactNumber(user.ratingsReceived)})</span>
          </span>
        ) : (
          <span className="text-slate-400">–</span>
        ),
    },
    { term: "Forks of their work", value: compactNumber(user.forksOfTheirWork) },
    { term: "Followers", value: compactNumber(user.followerCount) },
    { term: "Following", value: compactNumber(user.followingCount) },
  ];
  const tabs: { id: Tab; label: string; count: number }[] = [
    { id: "prompts", label: isSelf ? "Your prompts" : "Prompts", count: user.promptCount },
    { id: "followers", label: "Followers", count: user.followerCount },
    { id: "following", label: "Following", count: user.followingCount },
  ];

  return (
    <main className="mx-auto max-w-6xl px-4 py-10">
      <header className="flex flex-col gap-6 rounded-2xl border border-slate-200 bg-white p-6 shadow-xs sm:flex-row sm:items-start sm:p-8">
        <Avatar name={user.name} handle={user.handle} image={user.image} size={88} />
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div className="min-w-0">
              <h1 className="text-2xl font-bold tracking-tight text-slate-900 [overflow-wrap:anywhere]">{user.name || `@${user.handle}`}</h1>
              <p className="text-slate-500">
                {user.name ? <>@{user.handle} · </> : null}
                Member since <DateTime value={user.createdAt} format={formatMonth} />
              </p>
            </div>
            {isSelf ? (
              <div className="flex gap-2">
                <ButtonLink href="/settings" variant="secondary" size="sm">
                  Edit profile
                </ButtonLink>
                <ButtonLink href="/new" size="sm">
                  New prompt
                </ButtonLink>
              </div>
            ) : (
              <FollowButton handle={user.handle} initialFollowing={user.viewerFollows} signedIn={Boolean(viewerId)} returnTo={here} refresh size="md" />
            )}
          </div>
          {user.bio ? (
            <p className="mt-3 max-w-2xl whitespace-pre-line leading-relaxed text-slate-700">{user.bio}</p>
          ) : (
            <p className="mt-3 text-sm italic text-slate-400">{isSelf ? "You have not written a bio yet." : "No bio yet."}</p>
          )}
          <dl className="mt-6 grid grid-cols-2 gap-px overflow-hidden rounded-xl border border-slate-200 bg-slate-200 sm:grid-cols-3 lg:grid-cols-6">
            {totals.map(({ term, value }) => (
              <div key={term} className="flex flex-col-reverse justify-end bg-white px-4 py-3">
                <dt className="text-xs font-medium text-slate-500">{term}</dt>
                <dd className="text-xl font-semibold text-slate-900 tabular-nums">{value}</dd>
              </div>
            ))}
          </dl>
        </div>
      </header>

      <nav aria-label="Profile sections" className="mt-8 border-b border-slate-200">
        <ul className="-mb-px flex gap-3 overflow-x-auto sm:gap-6">
          {tabs.map((t) => (
            <li key={t.id}>
              <Link
                href={tabHref(user.handle, t.id)}
                aria-current={tab === t.id ? "page" : undefined}
                className={`inline-flex items-center gap-1.5 whitespace-nowrap border-b-2 px-1 pb-3 sm:gap-2 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-indigo-600 ${tab === t.id ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"}`}
              >
                {t.label}
                <span className={`rounded-full px-2 py-0.5 text-xs tabular-nums ${tab === t.id ? "bg-indigo-50 text-indigo-700" : "bg-slate-100 text-slate-600"}`}>{compactNumber(t.count)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="profile-tab-heading" className="mt-6">
        <h2 id="profile-tab-heading" className="sr-only">
          {tab === "prompts" ? (isSelf ? "Your prompts" : `Prompts by @${user.handle}`) : tab === "followers" ? `People following @${user.handle}` : `People @${user.handle} follows`}
        </h2>
        {prompts ? (
          <>
            <PromptGrid
              prompts={prompts.items}
              label={`Prompts by @${user.handle}`}
              empty={
                <EmptyState
                  title={cursor ? "No more prompts" : isSelf ? "You have not published a prompt yet" : `@${user.handle} has not published any prompts yet`}
                  action={isSelf && !cursor ? <ButtonLink href="/new">Create a prompt</ButtonLink> : cursor ? <ButtonLink href={tabHref(user.handle, "prompts")} variant="secondary">Back to the first page</ButtonLink> : null}
                >
                  {isSelf && !cursor ? "Write one, version it, and share it with others." : null}
                </EmptyState>
              }
            />
            <Pagination handle={user.handle} tab="prompts" cursor={cursor} nextCursor={prompts.nextCursor} />
            {isSelf && !cursor ? <ArchivedPrompts /> : null}
            {cursor ? null : <ProfileCollections handle={user.handle} isSelf={isSelf} />}
          </>
        ) : people ? (
          <>
            {people.items.length ? (
              <PeopleList
                people={people.items}
                label={tab === "followers" ? "Followers" : "Following"}
                viewerId={viewerId}
                signedIn={Boolean(viewerId)}
                returnTo={here}
              />
            ) : (
              <EmptyState
                title={
                  cursor
                    ? "No more people"
                    : tab === "followers"
                      ? isSelf
                        ? "Nobody follows you yet"
                        : `Nobody follows @${user.handle} yet`
                      : isSelf
                        ? "You don't follow anyone yet"
                        : `@${user.handle} doesn't follow anyone yet`
                }
                action={
                  isSelf && tab === "following" && !cursor ? (
                    <ButtonLink href="/explore" variant="secondary">
                      Find people on Explore
                    </ButtonLink>
                  ) : null
                }
              >
                {cursor
                  ? null
                  : tab === "followers"
                    ? isSelf
                      ? "Share your prompts: people who like them can follow you to see what you publish next."
                      : "Follow them to see their new prompts and versions in your feed."
                    : isSelf
                      ? "Follow creators to get their new prompts, versions and forks in your feed."
                      : null}
              </EmptyState>
            )}
            <Pagination handle={user.handle} tab={tab} cursor={cursor} nextCursor={people.nextCursor} />
          </>
        ) : null}
      </section>
    </main>
  );
}
