import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ANALYTICS_PERIODS, DEFAULT_PERIOD, isAnalyticsPeriod, periodRange, type AnalyticsPeriod } from "@/components/analytics/analytics-period";
import { CsvDownloadButton } from "@/components/analytics/csv-download-button";
import { PeriodLinks } from "@/components/analytics/period-picker";
import { NoRankingRows, UsageRankingTable } from "@/components/analytics/usage-ranking-table";
import { UsageCharts } from "@/components/analytics/usage-charts";
import { hasAnyUsage } from "@/components/analytics/usage-figures";
import { UsageTotalsGrid } from "@/components/analytics/usage-totals";
import { ArrowRightIcon } from "@/components/ui/icons";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requireSignedIn } from "@/server/auth/require-signed-in";
import { serverApi } from "@/trpc/server";
import { firstParam, hrefWithQuery } from "@/app/_components/search-params";
import { roleAllows } from "@/shared/governance/role-matrix";

export const metadata: Metadata = { title: "Dashboard" };
export const dynamic = "force-dynamic";

const dashboardHref = (period: AnalyticsPeriod, orgSlug: string | null) => hrefWithQuery("/dashboard", { period: period === DEFAULT_PERIOD ? null : period, org: orgSlug });

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ period?: string | string[]; org?: string | string[] }> }) {
  const params = await searchParams;
  const asked = firstParam(params.period);
  const period: AnalyticsPeriod = isAnalyticsPeriod(asked) ? asked : DEFAULT_PERIOD;
  const askedOrg = firstParam(params.org) ?? null;
  const user = await requireSignedIn(dashboardHref(period, askedOrg));
  const api = await serverApi();
  const range = periodRange(period);
  // The organisations whose dashboard the viewer may read (their admins and owners): a scope each.
  const orgs = (await api.org.mine()).filter((o) => roleAllows(o.role, "analytics.read"));
  const org = askedOrg ? (orgs.find((o) => o.slug === askedOrg) ?? null) : null;
  if (askedOrg && !org) notFound();
  const data = org ? await api.analytics.org({ orgId: org.id, ...range }) : await api.analytics.creator(range);
  const label = ANALYTICS_PERIODS[period].label;
  const exportBase = org ? { report: "org" as const, orgId: org.id, format: "csv" as const, ...range } : { report: "creator" as const, format: "csv" as const, ...range };
  const hrefFor = (p: AnalyticsPeriod) => dashboardHref(p, org?.slug ?? null);
  const whose = org ? `${org.name}'s prompts` : "your prompts";

  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:py-10">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Dashboard</h1>
          <p className="mt-1.5 max-w-2xl text-sm text-slate-600">
            How {whose} were used in the last {label}: current to the minute, in {range.granularity === "hour" ? "hourly" : "daily"} UTC buckets.{" "}
            <Link href="/dashboard/sales" className="font-medium whitespace-nowrap text-indigo-600 hover:text-indigo-800">
              Sales and payouts <span aria-hidden>→</span>
            </Link>
            {user.role === "admin" ? (
              <>
                {" · "}
                <Link href="/admin" className="font-medium whitespace-nowrap text-indigo-600 hover:text-indigo-800">
                  Admin overview <span aria-hidden>→</span>
                </Link>
              </>
            ) : null}
          </p>
        </div>
        <PeriodLinks current={period} hrefFor={hrefFor} />
      </header>
      {orgs.length ? (
        <nav aria-label="Whose prompts" className="mt-5 flex flex-wrap gap-2 text-sm">
          {[{ slug: null as string | null, name: "My prompts" }, ...orgs].map((o) => {
            const current = (org?.slug ?? null) === o.slug;
            return (
              <Link
                key={o.slug ?? "me"}
                href={dashboardHref(period, o.slug)}
                aria-current={current ? "page" : undefined}
                className={`rounded-full border px-3 py-1 font-medium ${current ? "border-indigo-600 bg-indigo-600 text-white" : "border-slate-300 bg-white text-slate-700 hover:border-indigo-400"}`}
              >
                {o.name}
              </Link>
            );
          })}
        </nav>
      ) : null}

      {!hasAnyUsage(data.totals) ? (
        <div className="mt-8">
          <EmptyState
            title={`Nothing happened to ${whose} in the last ${label}`}
            action={
              <>
                <ButtonLink href={org ? `/new?org=${org.slug}` : "/new"} className="whitespace-nowrap">
                  New prompt
                </ButtonLink>
                <ButtonLink href={org ? `/o/${org.slug}` : `/u/${user.handle}`} variant="secondary" className="whitespace-nowrap">
                  {org ? `Open ${org.name}` : "Open your prompts"}
                  <ArrowRightIcon />
                </ButtonLink>
              </>
            }
          >
            <p>
              Views, renders, copies, likes and forks appear here when people open and use your public prompts; captured uses when your apps call a prompt through the capture proxy
              (Settings → API keys); revenue when a listing sells.
              {period !== "90d" ? (
                <>
                  {" "}
                  <Link href={hrefFor("90d")} className="font-medium whitespace-nowrap text-indigo-600 hover:text-indigo-800">
                    Look at 90 days
                  </Link>
                  .
                </>
              ) : null}
            </p>
          </EmptyState>
        </div>
      ) : (
        <>
          <section aria-labelledby="totals-heading" className="mt-8">
            <h2 id="totals-heading" className="sr-only">
              Totals for the last {label}
            </h2>
            <UsageTotalsGrid totals={data.totals} label={`Totals for the last ${label}`} />
          </section>

          <section aria-labelledby="charts-heading" className="mt-8">
            <h2 id="charts-heading" className="sr-only">
              Over time
            </h2>
            <UsageCharts points={data.series} granularity={range.granularity} exportBase={exportBase} filePrefix={`promptuary-${period}`} />
          </section>

          <section aria-labelledby="top-heading" className="mt-10">
            <div className="flex flex-wrap items-end justify-between gap-3">
              <div>
                <h2 id="top-heading" className="text-lg font-semibold text-slate-900">
                  Top prompts
                </h2>
                <p className="mt-1 text-sm text-slate-600">{org ? `${org.name}'s prompts` : "Your prompts"} used most in the last {label}.</p>
              </div>
              <CsvDownloadButton input={{ ...exportBase, chart: "topPrompts" }} filename={`promptuary-${period}-top-prompts.csv`} label="Download CSV: top prompts" />
            </div>
            {data.topPrompts.length ? (
              <UsageRankingTable
                rows={data.topPrompts.map((p) => ({ ...p, key: p.promptId, href: `/p/${p.slug}`, name: p.title }))}
                caption={`Top prompts, last ${label}`}
                nameHeader="Prompt"
              />
            ) : (
              <NoRankingRows>{org ? `No prompt of ${org.name} was used in this period.` : "No prompt of yours was used in this period."}</NoRankingRows>
            )}
          </section>
        </>
      )}
    </main>
  );
}
