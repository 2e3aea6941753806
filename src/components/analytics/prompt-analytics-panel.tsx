"use client";
// A prompt's own analytics on its page, for its owner (and admins): totals and charts over a period
// picked here, fetched in the browser so the rest of the page renders without waiting for them.
import Link from "next/link";
import { useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { ANALYTICS_PERIODS, periodRange, type AnalyticsPeriod } from "./analytics-period";
import { PeriodButtons } from "./period-picker";
import { UsageCharts } from "./usage-charts";
import { hasAnyUsage } from "./usage-figures";
import { UsageTotalsGrid } from "./usage-totals";
import { sourceLabel } from "./usage-sources";
import { formatInteger } from "@/components/ui/format-number";

const PANEL_DEFAULT: AnalyticsPeriod = "7d";

export function PromptAnalyticsPanel({ promptId, slug, isOwner }: { promptId: string; slug: string; isOwner: boolean }) {
  const trpc = useTRPC();
  // The range is fixed when the period is picked, so the query's key stays put between renders.
  const [picked, setPicked] = useState(() => ({ period: PANEL_DEFAULT, range: periodRange(PANEL_DEFAULT) }));
  const { period, range } = picked;
  const query = useQuery({ ...trpc.analytics.prompt.queryOptions({ promptId, ...range }), placeholderData: keepPreviousData });
  const label = ANALYTICS_PERIODS[period].label;

  return (
    <section aria-labelledby="prompt-analytics-heading" id="analytics" className="scroll-mt-20">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="prompt-analytics-heading" className="text-lg font-semibold text-slate-900">
            Analytics
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            {isOwner ? "Only you see this. " : "Shown to you as an admin. "}
            How this prompt was used in the last {label}, current to the minute.{" "}
            {isOwner ? (
              <Link href="/dashboard" className="font-medium text-indigo-600 hover:text-indigo-800">
                All your prompts
              </Link>
            ) : null}
          </p>
        </div>
        <PeriodButtons current={period} onChange={(p) => setPicked({ period: p, range: periodRange(p) })} label="Analytics period" />
      </div>

      <div className="mt-4" aria-busy={query.isFetching}>
        {query.isError ? (
          <p role="alert" className="rounded-xl border border-rose-200 bg-rose-50 px-4 py-3 text-sm text-rose-800">
            Analytics could not be loaded. {query.error.message}
          </p>
        ) : !query.data ? (
          <div className="h-40 animate-pulse rounded-xl border border-slate-200 bg-white" aria-label="Loading analytics" />
        ) : (
          <div className={`space-y-4 transition-opacity ${query.isPlaceholderData ? "opacity-60" : ""}`}>
            <UsageTotalsGrid totals={query.data.totals} label={`This prompt's totals, last ${label}`} />
            {query.data.bySource.some((s) => s.events) ? (
              <p className="text-sm text-slate-600">
                Events by source:{" "}
                {query.data.bySource
                  .filter((s) => s.events)
                  .map((s) => `${sourceLabel(s.source)} ${formatInteger(s.events)}`)
                  .join(" · ")}
              </p>
            ) : null}
            {hasAnyUsage(query.data.totals) ? (
              <UsageCharts
                points={query.data.series}
                granularity={range.granularity}
                exportBase={{ report: "prompt", promptId, format: "csv", ...range }}
                filePrefix={`${slug}-${period}`}
                layout="panel"
              />
            ) : (
              <p className="rounded-xl border border-dashed border-slate-300 bg-white/60 px-4 py-6 text-center text-sm text-slate-600">
                Nobody used this prompt in the last {label}. Views, renders and copies count when people open it; captured uses when your apps call it through the capture proxy.
              </p>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
