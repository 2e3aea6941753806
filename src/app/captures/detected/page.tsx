import type { Metadata } from "next";
import Link from "next/link";
import { CapturesNav } from "@/components/captures/captures-nav";
import { ArrowRightIcon } from "@/components/ui/icons";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pager } from "@/components/ui/pager";
import { requireSignedIn } from "@/server/auth/require-signed-in";
import type { DetectedStatus } from "@/shared/captures/detected-statuses";
import { serverApi } from "@/trpc/server";
import { firstPageOnStaleCursor } from "@/trpc/first-page-on-stale-cursor";
import { DetectedCard } from "./_components/detected-card";
import { detectedHref, parseDetectedSearchParams } from "./_components/detected-search-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Detected prompts" };

const PAGE_SIZE = 20;

const TABS: { status: DetectedStatus; label: string }[] = [
  { status: "detected", label: "Inbox" },
  { status: "promoted", label: "Promoted" },
  { status: "dismissed", label: "Dismissed" },
];

const EMPTY: Record<Exclude<DetectedStatus, "detected">, { title: string; text: string }> = {
  promoted: { title: "Nothing promoted yet", text: "Detected prompts you promote (or accept as a fork) move to My prompts and are listed here." },
  dismissed: { title: "Nothing dismissed", text: "Dismissed prompts leave the inbox; their calls stay in Captures and you can restore them here." },
};

export default async function DetectedPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const values = parseDetectedSearchParams(await searchParams);
  await requireSignedIn(detectedHref(values));

  const api = await serverApi();
  const list = await firstPageOnStaleCursor(values.cursor, (cursor) => api.detected.list({ status: values.status, cursor, limit: PAGE_SIZE }));
  const total = list.counts.detected + list.counts.promoted + list.counts.dismissed;

  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:py-10">
      <header>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Captures</h1>
        <p className="mt-1.5 text-sm text-slate-600">Every LLM call your apps send through the Promptuary proxy, matched to your prompts.</p>
      </header>
      <CapturesNav active="detected" inbox={list.counts.detected} />

      <section aria-labelledby="detected-heading" className="mt-6">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div className="max-w-2xl">
            <h2 id="detected-heading" className="text-lg font-semibold text-slate-900">
              Detected prompts
            </h2>
            <p className="mt-1 text-sm text-slate-600">
              Prompts your apps send that are not in your library. Calls that share their instructions are one prompt, whatever the user wrote; promote
              the ones you want to manage, and their calls count as usage.
            </p>
          </div>
          {total > 0 ? (
            <nav aria-label="Detected prompts by status" className="inline-flex rounded-lg bg-slate-100 p-1">
              {TABS.map((tab) => (
                <Link
                  key={tab.status}
                  href={detectedHref({ status: tab.status })}
                  aria-current={tab.status === values.status ? "page" : undefined}
                  className="rounded-md px-3 py-1 text-sm font-medium text-slate-600 transition hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600 aria-[current=page]:bg-white aria-[current=page]:text-slate-900 aria-[current=page]:shadow-xs"
                >
                  {tab.label} <span className="tabular-nums text-slate-500">{list.counts[tab.status]}</span>
                </Link>
              ))}
            </nav>
          ) : null}
        </div>

        <div className="mt-4">
          {total === 0 ? (
            <EmptyState
              title="No detected prompts yet"
              action={
                <ButtonLink href="/connect">
                  Connect your app
                  <ArrowRightIcon />
                </ButtonLink>
              }
            >
              Send your app&apos;s LLM calls through the Promptuary proxy (one base URL change, shown on the Connect page). Each prompt it sees that is not
              in your library shows up here with its calls, models and cost; calls that render a prompt you already have count as that prompt&apos;s usage.
            </EmptyState>
          ) : list.items.length ? (
            <ul className="space-y-3" aria-label={`${TABS.find((t) => t.status === values.status)?.label} prompts`}>
              {list.items.map((entry) => (
                <li key={entry.id}>
                  <DetectedCard entry={entry} />
                </li>
              ))}
            </ul>
          ) : values.status === "detected" ? (
            <EmptyState
              title={values.cursor ? "No more detected prompts" : "Inbox zero"}
              action={
                <ButtonLink href={values.cursor ? detectedHref({ status: values.status }) : "/captures"} variant="secondary">
                  {values.cursor ? "Back to the newest" : "See all calls"}
                </ButtonLink>
              }
            >
              {values.cursor ? null : "Every prompt the proxy has seen is in your library, promoted or dismissed. New ones appear here as your apps send them."}
            </EmptyState>
          ) : (
            <EmptyState title={EMPTY[values.status].title}>{EMPTY[values.status].text}</EmptyState>
          )}
        </div>
        <Pager
          firstHref={values.cursor ? detectedHref({ status: values.status }) : undefined}
          firstLabel="Most recent"
          nextHref={list.nextCursor ? detectedHref({ status: values.status, cursor: list.nextCursor }) : undefined}
          nextLabel="More"
          className="mt-6"
        />
      </section>
    </main>
  );
}
