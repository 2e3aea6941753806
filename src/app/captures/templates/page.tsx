import type { Metadata } from "next";
import { CapturesNav } from "@/components/captures/captures-nav";
import { ReclusterButton } from "@/components/captures/recluster-button";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { formatInteger } from "@/components/ui/format-number";
import { LayersIcon } from "@/components/ui/icons";
import { Pager } from "@/components/ui/pager";
import { hrefWithQuery, textParam } from "@/app/_components/search-params";
import { requireSignedIn } from "@/server/auth/require-signed-in";
import { serverApi } from "@/trpc/server";
import { firstPageOnStaleCursor } from "@/trpc/first-page-on-stale-cursor";
import { TemplatesTable } from "./_components/templates-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Templates" };

const PAGE_SIZE = 25;
const templatesHref = (cursor?: string) => hrefWithQuery("/captures/templates", { cursor });

export default async function TemplatesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const cursor = textParam((await searchParams).cursor);
  await requireSignedIn(templatesHref(cursor));

  const api = await serverApi();
  const [list, counts] = await Promise.all([
    firstPageOnStaleCursor(cursor, (c) => api.template.list({ cursor: c, limit: PAGE_SIZE })),
    api.detected.counts(),
  ]);

  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:py-10">
      <header>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Captures</h1>
        <p className="mt-1.5 text-sm text-slate-600">Every LLM call your apps send through the Promptuary proxy, matched to your prompts.</p>
      </header>
      <CapturesNav active="templates" inbox={counts.detected} />

      <section aria-labelledby="templates-heading" className="mt-6">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="max-w-2xl">
            <h2 id="templates-heading" className="text-lg font-semibold text-slate-900">
              Templates
            </h2>
            <p className="mt-1 text-sm text-slate-600">
              The templates your code fills in, recovered from captured calls: the text they share, with the parts that change as{" "}
              <code className="font-mono text-[13px]">{"{{variables}}"}</code>.
              {list.totalCaptures > 0 ? ` Share is out of ${formatInteger(list.totalCaptures)} captured ${list.totalCaptures === 1 ? "call" : "calls"}.` : ""}
            </p>
          </div>
          <ReclusterButton latestJob={list.job} />
        </div>

        <div className="mt-4">
          {list.items.length ? (
            <TemplatesTable items={list.items} />
          ) : cursor ? (
            <EmptyState
              title="No more templates"
              action={
                <ButtonLink href={templatesHref()} variant="secondary">
                  Back to the newest
                </ButtonLink>
              }
            />
          ) : (
            <EmptyState
              title="No templates yet"
              icon={<LayersIcon />}
              action={
                <ButtonLink href="/connect" variant="secondary">
                  Connect your app
                </ButtonLink>
              }
            >
              A template appears when several captured calls share most of their text and differ in a few places, such as a customer&apos;s name or a
              pasted document. They are found on a schedule; re-cluster now to look at your calls straight away.
            </EmptyState>
          )}
        </div>
        <Pager
          firstHref={cursor ? templatesHref() : undefined}
          firstLabel="Most recent"
          nextHref={list.nextCursor ? templatesHref(list.nextCursor) : undefined}
          nextLabel="More templates"
          className="mt-6"
        />
      </section>
    </main>
  );
}
