import Link from "next/link";
import { CategoryChips } from "@/components/prompts/category-chips";
import { ArrowRightIcon, ForkIcon, LayersIcon, RocketIcon, TrendingIcon } from "@/components/ui/icons";
import { PromptGrid } from "@/components/prompts/prompt-grid";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { TrendingWindowPicker } from "@/components/home/trending-window-picker";
import { DEFAULT_TRENDING_WINDOW, TRENDING_WINDOW_LABELS, trendingWindowOf } from "@/shared/prompts/trending-windows";
import { auth } from "@/server/auth/config";
import { serverApi } from "@/trpc/server";
import { SignedInHome } from "./_components/signed-in-home";

export const dynamic = "force-dynamic";

const features = [
  { icon: LayersIcon, title: "Keep", text: "Every edit is an immutable, numbered version. Compare any two, pin one to production." },
  { icon: RocketIcon, title: "Test", text: "Fill the {{variables}} and render a prompt right on its page before you ship it." },
  { icon: ForkIcon, title: "Trade & discover", text: "Fork what others share and see the whole family tree of a prompt." },
];

export default async function Home({ searchParams }: { searchParams: Promise<{ trending?: string | string[] }> }) {
  const session = await auth();
  // Signed in, home is one's own dashboard; the marketing page is for visitors.
  if (session?.user) return <SignedInHome user={session.user} />;
  const trendWindow = trendingWindowOf((await searchParams).trending);
  const api = await serverApi();
  const [{ items }, trending] = await Promise.all([api.prompt.list({ limit: 12 }), api.prompt.search({ sort: "trending", window: trendWindow, limit: 6 })]);
  return (
    <main>
      <section className="border-b border-slate-200 bg-gradient-to-b from-white to-slate-50">
        <div className="mx-auto max-w-6xl px-4 pb-12 pt-14 sm:pt-20">
          <p className="text-sm font-semibold text-indigo-600">Promptuary</p>
          <h1 className="mt-2 max-w-3xl text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl">Keep, test, trade and discover LLM prompts</h1>
          <p className="mt-4 max-w-2xl text-lg leading-relaxed text-slate-600">
            A home for prompts that evolve: versioned like code, tried with real inputs, and forked in the open.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <ButtonLink href="/explore" size="lg">
              Explore prompts
              <ArrowRightIcon />
            </ButtonLink>
            <ButtonLink href="/signup" variant="secondary" size="lg">Sign up</ButtonLink>
          </div>
          <ul className="mt-12 grid gap-4 sm:grid-cols-3">
            {features.map(({ icon: Icon, title, text }) => (
              <li key={title} className="flex gap-3">
                <span className="mt-0.5 flex h-8 w-8 shrink-0 items-center justify-center rounded-lg bg-indigo-50 text-indigo-600 ring-1 ring-inset ring-indigo-100">
                  <Icon />
                </span>
                <div>
                  <p className="text-sm font-semibold text-slate-900">{title}</p>
                  <p className="mt-0.5 text-sm leading-relaxed text-slate-600">{text}</p>
                </div>
              </li>
            ))}
          </ul>
        </div>
      </section>

      <div className="mx-auto max-w-6xl space-y-12 px-4 py-12">
        <section aria-labelledby="categories-heading">
          <h2 id="categories-heading" className="text-lg font-semibold text-slate-900">Browse by category</h2>
          <div className="mt-4">
            <CategoryChips hrefFor={(c) => (c ? `/explore?category=${c}` : "/explore")} label="Browse by category" />
          </div>
        </section>

        {trending.items.length ? (
          <section aria-labelledby="trending-heading">
            <div className="flex flex-wrap items-end justify-between gap-4">
              <div>
                <h2 id="trending-heading" className="flex items-center gap-2 text-lg font-semibold text-slate-900">
                  <TrendingIcon className="text-indigo-600" />
                  Trending <span className="sr-only">{TRENDING_WINDOW_LABELS[trendWindow].toLowerCase()}</span>
                </h2>
                <p className="mt-1 text-sm text-slate-600">What people are viewing, using, liking and forking, by distinct people, recent activity first.</p>
              </div>
              <div className="flex flex-wrap items-center gap-4">
                <TrendingWindowPicker current={trendWindow} hrefFor={(w) => (w === DEFAULT_TRENDING_WINDOW ? "/#trending-heading" : `/?trending=${w}#trending-heading`)} />
                <Link
                  href={trendWindow === DEFAULT_TRENDING_WINDOW ? "/explore?sort=trending" : `/explore?sort=trending&window=${trendWindow}`}
                  className="shrink-0 rounded text-sm font-semibold text-indigo-600 hover:text-indigo-800 focus-visible:outline-2 focus-visible:outline-indigo-600"
                >
                  See all trending <span aria-hidden>→</span>
                </Link>
              </div>
            </div>
            <div className="mt-5">
              <PromptGrid prompts={trending.items} label="Trending prompts" empty={null} />
            </div>
          </section>
        ) : null}

        <section aria-labelledby="newest-heading">
          <div className="flex items-end justify-between gap-4">
            <div>
              <h2 id="newest-heading" className="text-lg font-semibold text-slate-900">Newest prompts</h2>
              <p className="mt-1 text-sm text-slate-600">Freshly published by the community.</p>
            </div>
            <Link href="/explore" className="shrink-0 rounded text-sm font-semibold text-indigo-600 hover:text-indigo-800 focus-visible:outline-2 focus-visible:outline-indigo-600">
              See all prompts <span aria-hidden>→</span>
            </Link>
          </div>
          <div className="mt-5">
            <PromptGrid
              prompts={items}
              label="Newest prompts"
              empty={
                <EmptyState
                  title="No prompts yet"
                  action={<ButtonLink href="/signup">Sign up to publish the first one</ButtonLink>}
                >
                  Be the first to publish a prompt to the catalogue.
                </EmptyState>
              }
            />
          </div>
        </section>
      </div>
    </main>
  );
}
