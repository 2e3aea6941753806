import type { Metadata } from "next";
import { CapturesNav } from "@/components/captures/captures-nav";
import { ArrowRightIcon } from "@/components/ui/icons";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pager } from "@/components/ui/pager";
import { requireSignedIn } from "@/server/auth/require-signed-in";
import { serverApi } from "@/trpc/server";
import { firstPageOnStaleCursor } from "@/trpc/first-page-on-stale-cursor";
import { CaptureFilters } from "./_components/capture-filters";
import { CapturesTable } from "./_components/captures-table";
import { capturesHref, parseCaptureSearchParams } from "./_components/search-params";
import { StatsHeader } from "./_components/stats-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Captures" };

const PAGE_SIZE = 50;

export default async function CapturesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const values = parseCaptureSearchParams(await searchParams);
  await requireSignedIn(capturesHref(values));

  const api = await serverApi();
  const filters = { model: values.model, status: values.status, decision: values.decision };
  const [list, stats, detected] = await Promise.all([
    firstPageOnStaleCursor(values.cursor, (cursor) => api.capture.list({ ...filters, cursor, limit: PAGE_SIZE })),
    api.capture.stats(),
    api.detected.counts(),
  ]);
  const filtered = Boolean(values.model || values.status || values.decision);
  const models = stats.byModel.flatMap((m) => (m.model ? [m.model] : []));

  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:py-10">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Captures</h1>
          <p className="mt-1.5 text-sm text-slate-600">Every LLM call your apps send through the Promptuary proxy, matched to your prompts.</p>
        </div>
        {stats.total > 0 ? (
          <ButtonLink href="/connect" variant="secondary">
            Connect your app
          </ButtonLink>
        ) : null}
      </header>
      <CapturesNav active="calls" inbox={detected.detected} />

      {stats.total === 0 ? (
        <div className="mt-8">
          <EmptyState
            title="No calls captured yet"
            action={
              <ButtonLink href="/connect">
                Connect your app
                <ArrowRightIcon />
              </ButtonLink>
            }
          >
            Point your OpenAI or Anthropic client at the Promptuary proxy with one base URL change. Calls show up here with their latency, tokens and
            cost, and each prompt is matched to your catalogue.
          </EmptyState>
        </div>
      ) : (
        <>
          <StatsHeader stats={stats} />
          <section aria-labelledby="calls-heading" className="mt-10">
            <div className="flex flex-wrap items-end justify-between gap-4">
              <h2 id="calls-heading" className="text-lg font-semibold text-slate-900">
                Calls
              </h2>
              <CaptureFilters values={values} models={models} />
            </div>
            <div className="mt-4">
              {list.items.length ? (
                <CapturesTable items={list.items} />
              ) : (
                <EmptyState
                  title={filtered ? "No calls match these filters" : "No more calls"}
                  action={
                    <ButtonLink href="/captures" variant="secondary">
                      {filtered ? "Clear filters" : "Back to the newest"}
                    </ButtonLink>
                  }
                />
              )}
            </div>
            <Pager
              firstHref={values.cursor ? capturesHref({ ...values, cursor: undefined }) : undefined}
              firstLabel="Newest"
              nextHref={list.nextCursor ? capturesHref({ ...values, cursor: list.nextCursor }) : undefined}
              nextLabel="Older calls"
              className="mt-6"
            />
          </section>
        </>
      )}
    </main>
  );
}
