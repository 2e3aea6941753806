// The home page of a signed-in person (src/app/page.tsx): their recent prompts, listings in draft,
// latest notifications and what people they follow published, with first steps for a new account.
import Link from "next/link";
import { cookies } from "next/headers";
import { FirstSteps } from "@/components/home/first-steps";
import { FIRST_STEPS_COOKIE, FIRST_STEPS_DISMISSED } from "@/components/home/first-steps-cookie";
import { NotificationItem } from "@/components/notifications/notification-item";
import { PromptGrid } from "@/components/prompts/prompt-grid";
import { ButtonLink } from "@/components/ui/button";
import { TimeAgo } from "@/components/ui/date-time";
import { EmptyState } from "@/components/ui/empty-state";
import { priceLabel } from "@/shared/money/format-money";
import { serverApi } from "@/trpc/server";

const seeAll = "shrink-0 rounded text-sm font-semibold text-indigo-600 hover:text-indigo-800 focus-visible:outline-2 focus-visible:outline-indigo-600";

function SectionHead({ id, title, href, link }: { id: string; title: string; href?: string; link?: string }) {
  return (
    <div className="flex items-end justify-between gap-4">
      <h2 id={id} className="text-lg font-semibold text-slate-900">{title}</h2>
      {href ? <Link href={href} className={seeAll}>{link} <span aria-hidden>→</span></Link> : null}
    </div>
  );
}

export async function SignedInHome({ user }: { user: { handle: string; name?: string | null } }) {
  const api = await serverApi();
  const [summary, mine, notifications, feed, jar] = await Promise.all([
    api.user.home(),
    api.prompt.list({ author: user.handle, limit: 6 }),
    api.notification.list({ limit: 5 }),
    api.feed.mine({ limit: 6 }),
    cookies(),
  ]);
  const steps = summary.firstSteps;
  const showFirstSteps = !(steps.createdPrompt && steps.followedSomeone && steps.connectedProxy) && jar.get(FIRST_STEPS_COOKIE)?.value !== FIRST_STEPS_DISMISSED;

  return (
    <main className="mx-auto w-full max-w-6xl space-y-10 px-4 py-8 sm:py-10">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{steps.createdPrompt || steps.followedSomeone ? "Welcome back" : "Welcome"}, {user.name || `@${user.handle}`}</h1>
          <p className="mt-1.5 text-sm text-slate-600">Your prompts, what happened to them, and what the people you follow are up to.</p>
        </div>
        <div className="flex gap-2">
          <ButtonLink href="/new">New prompt</ButtonLink>
          <ButtonLink href="/explore" variant="secondary">Explore</ButtonLink>
        </div>
      </div>

      {showFirstSteps ? <FirstSteps steps={steps} /> : null}

      <div className="grid gap-10 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="min-w-0 space-y-10">
          <section aria-labelledby="home-mine-heading">
            <SectionHead id="home-mine-heading" title="Your recent prompts" href={`/u/${user.handle}`} link="All your prompts" />
            <div className="mt-4">
              <PromptGrid
                prompts={mine.items}
                label="Your recent prompts"
                empty={<EmptyState title="No prompts yet" action={<ButtonLink href="/new">Create a prompt</ButtonLink>}>Save a prompt and every edit becomes a version you can compare and roll back.</EmptyState>}
              />
            </div>
          </section>

          <section aria-labelledby="home-feed-heading">
            <SectionHead id="home-feed-heading" title="From people you follow" href="/feed" link="Your feed" />
            {feed.items.length ? (
              <ul className="mt-4 divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
                {feed.items.map((item) => (
                  <li key={item.id} className="px-4 py-3 text-sm text-slate-700 [overflow-wrap:anywhere]">
                    <Link href={`/u/${item.author.handle}`} className="font-semibold text-slate-900 hover:text-indigo-700">@{item.author.handle}</Link>{" "}
                    {item.kind === "prompt" ? "published" : item.kind === "fork" ? "forked" : `released v${item.version.number} of`}{" "}
                    <Link href={item.kind === "version" ? `/p/${item.prompt.slug}?v=${item.version.number}` : `/p/${item.prompt.slug}`} className="font-semibold text-slate-900 hover:text-indigo-700 hover:underline">
                      {item.prompt.title}
                    </Link>
                    <span className="text-slate-500"> · <TimeAgo value={item.createdAt} /></span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-4 rounded-xl border border-dashed border-slate-300 bg-white px-4 py-6 text-sm text-slate-600">
                Nothing yet. <Link href="/explore" className="font-semibold text-indigo-600 hover:text-indigo-800">Find creators to follow</Link> and their new prompts and versions appear here.
              </p>
            )}
          </section>
        </div>

        <div className="min-w-0 space-y-10">
          <section aria-labelledby="home-notifications-heading">
            <SectionHead id="home-notifications-heading" title="Notifications" href="/notifications" link="See all" />
            {notifications.items.length ? (
              <ul className="mt-4 divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white">
                {notifications.items.map((n) => <NotificationItem key={n.id} n={n} />)}
              </ul>
            ) : (
              <p className="mt-4 rounded-xl border border-dashed border-slate-300 bg-white px-4 py-6 text-sm text-slate-600">No notifications yet.</p>
            )}
          </section>

          {summary.draftListings.length ? (
            <section aria-labelledby="home-drafts-heading">
              <SectionHead id="home-drafts-heading" title="Drafts" href="/dashboard/sales" link="Sales" />
              <p className="mt-1 text-sm text-slate-600">Listings not on sale yet.</p>
              <ul className="mt-3 divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
                {summary.draftListings.map((l) => (
                  <li key={l.id} className="flex items-center justify-between gap-3 px-4 py-3 text-sm">
                    <Link href={`/p/${l.prompt.slug}`} className="min-w-0 truncate font-medium text-slate-900 hover:text-indigo-700">{l.prompt.title}</Link>
                    <span className="shrink-0 text-slate-500">{priceLabel(l.priceCents, l.currency)}</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      </div>
    </main>
  );
}
