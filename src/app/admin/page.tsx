import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SignupsChart, SourcesChart } from "@/components/analytics/admin-charts";
import { ANALYTICS_PERIODS, DEFAULT_PERIOD, isAnalyticsPeriod, periodRange, type AnalyticsPeriod } from "@/components/analytics/analytics-period";
import { fullLabel } from "@/components/analytics/bucket-format";
import { CapturedModelsTable } from "@/components/analytics/captured-models-table";
import { CsvDownloadButton } from "@/components/analytics/csv-download-button";
import { PeriodLinks } from "@/components/analytics/period-picker";
import { UsageCharts } from "@/components/analytics/usage-charts";
import { NoRankingRows, UsageRankingTable } from "@/components/analytics/usage-ranking-table";
import { UsageTotalsGrid } from "@/components/analytics/usage-totals";
import { ButtonLink } from "@/components/ui/button";
import { auth } from "@/server/auth/config";
import { requireSignedIn } from "@/server/auth/require-signed-in";
import { serverApi } from "@/trpc/server";
import { firstParam, hrefWithQuery } from "@/app/_components/search-params";

/** Named only for admins: anyone else gets the not-found page, whose tab must not say what is here. */
export async function generateMetadata(): Promise<Metadata> {
  const session = await auth();
  return { title: session?.user?.role === "admin" ? "Admin overview" : "Not found" };
}
export const dynamic = "force-dynamic";

const hrefFor = (period: AnalyticsPeriod) => hrefWithQuery("/admin", { period: period === DEFAULT_PERIOD ? null : period });

export default async function AdminPage({ searchParams }: { searchParams: Promise<{ period?: string | string[] }> }) {
  const asked = firstParam((await searchParams).period);
  const period: AnalyticsPeriod = isAnalyticsPeriod(asked) ? asked : DEFAULT_PERIOD;
  const user = await requireSignedIn(hrefFor(period));
  // The page does not exist for anyone else (analytics.admin refuses them too).
  if (user.role !== "admin") notFound();
  const range = periodRange(period);
  const data = await (await serverApi()).analytics.admin(range);
  const label = ANALYTICS_PERIODS[period].label;
  const exportBase = { report: "admin" as const, format: "csv" as const, ...range };
  const csv = (chart: "topPrompts" | "topAuthors" | "sources" | "models" | "signups") => ({ input: { ...exportBase, chart }, filename: `promptuary-admin-${period}-${chart}.csv` });

  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:py-10">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Admin overview</h1>
          <p className="mt-1.5 max-w-2xl text-sm text-slate-600">
            The whole site in the last {label}, in {range.granularity === "hour" ? "hourly" : "daily"} UTC buckets.{" "}
            {data.rolledUpTo ? (
              <>
                Rolled up to {fullLabel(data.rolledUpTo.getTime(), "hour")}; later events are counted from the raw log.
              </>
            ) : (
              "Nothing is rolled up yet; every figure is counted from the raw events."
            )}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <ButtonLink href="/audit" variant="secondary" size="sm">
            Audit log
          </ButtonLink>
          <PeriodLinks current={period} hrefFor={hrefFor} />
        </div>
      </header>

      <section aria-labelledby="admin-totals-heading" className="mt-8">
        <h2 id="admin-totals-heading" className="sr-only">
          Totals for the last {label}
        </h2>
        <UsageTotalsGrid totals={data.totals} label={`Site totals, last ${label}`} />
      </section>

      <section aria-labelledby="admin-charts-heading" className="mt-8">
        <h2 id="admin-charts-heading" className="sr-only">
          Usage over time
        </h2>
        <UsageCharts points={data.series} granularity={range.granularity} exportBase={exportBase} filePrefix={`promptuary-admin-${period}`} />
      </section>

      <section aria-labelledby="admin-sources-heading" className="mt-8">
        <h2 id="admin-sources-heading" className="sr-only">
          Sources and signups
        </h2>
        <div className="grid gap-4 lg:grid-cols-2">
          <SourcesChart rows={data.bySource} csv={csv("sources")} />
          <SignupsChart points={data.signups} total={data.signupsTotal} granularity={range.granularity} csv={csv("signups")} />
        </div>
      </section>

      <section aria-labelledby="admin-models-heading" className="mt-10">
        <SectionHead id="admin-models-heading" title="Captured calls per model" detail="Calls through the capture proxy, the share that failed (status 400 or more, or no answer) and what they cost at list prices." csv={csv("models")} />
        {data.models.length ? (
          <CapturedModelsTable rows={data.models} caption={`Captured calls per model, last ${label}`} />
        ) : (
          <NoRankingRows>No calls went through the capture proxy in this period.</NoRankingRows>
        )}
      </section>

      <section aria-labelledby="admin-top-prompts-heading" className="mt-10">
        <SectionHead id="admin-top-prompts-heading" title="Top prompts" detail="The prompts with the most events in this period, any owner." csv={csv("topPrompts")} />
        {data.topPrompts.length ? (
          <UsageRankingTable
            rows={data.topPrompts.map((p) => ({ ...p, key: p.promptId, href: `/p/${p.slug}`, name: p.title, detail: `@${p.ownerHandle}` }))}
            caption={`Top prompts, last ${label}`}
            nameHeader="Prompt"
          />
        ) : (
          <NoRankingRows>No prompt was used in this period.</NoRankingRows>
        )}
      </section>

      <section aria-labelledby="admin-top-authors-heading" className="mt-10">
        <SectionHead id="admin-top-authors-heading" title="Top authors" detail="The authors whose prompts had the most events in this period." csv={csv("topAuthors")} />
        {data.topAuthors.length ? (
          <UsageRankingTable
            rows={data.topAuthors.map((a) => ({ ...a, key: a.userId, href: `/u/${a.handle}`, name: a.name || `@${a.handle}`, detail: a.name ? `@${a.handle}` : undefined }))}
            caption={`Top authors, last ${label}`}
            nameHeader="Author"
          />
        ) : (
          <NoRankingRows>No author&apos;s prompts were used in this period.</NoRankingRows>
        )}
      </section>
    </main>
  );
}

function SectionHead({ id, title, detail, csv }: { id: string; title: string; detail: string; csv: { input: Parameters<typeof CsvDownloadButton>[0]["input"]; filename: string } }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div className="min-w-0">
        <h2 id={id} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{detail}</p>
      </div>
      <CsvDownloadButton input={csv.input} filename={csv.filename} label={`Download CSV: ${title.toLowerCase()}`} />
    </div>
  );
}
