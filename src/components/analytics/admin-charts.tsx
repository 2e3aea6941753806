"use client";
// The admin overview's two charts that are not usage figures over time: events per source and
// signups per bucket (recharts), each with its CSV download.
import { useRef } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps, type TooltipValueType } from "recharts";
import { formatInteger } from "@/components/ui/format-number";
import type { AnalyticsExportInput } from "./analytics-export-input";
import { axisLabel, bucketTime, fullLabel } from "./bucket-format";
import { CsvDownloadButton } from "./csv-download-button";
import { niceTicks } from "./nice-axis";
import { useChartTabOrder } from "./use-chart-tab-order";
import type { Granularity } from "./usage-figures";
import { sourceLabel } from "./usage-sources";

const compactCount = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

const axisTick = { fill: "var(--color-slate-500)", fontSize: 11 };

function ChartFrame({ title, detail, csv, children }: { title: string; detail: string; csv: { input: AnalyticsExportInput; filename: string }; children: React.ReactNode }) {
  const plot = useRef<HTMLDivElement>(null);
  useChartTabOrder(plot);
  return (
    <figure className="flex min-w-0 flex-col rounded-xl border border-slate-200 bg-white p-4 shadow-xs sm:p-5">
      <figcaption>
        <div className="flex items-start justify-between gap-3">
          <h3 className="min-w-0 pt-1 text-sm font-semibold text-slate-900">{title}</h3>
          <CsvDownloadButton input={csv.input} filename={csv.filename} label={`Download CSV: ${title}`} />
        </div>
        <p className="mt-1.5 text-xs text-slate-600">{detail}</p>
      </figcaption>
      <div ref={plot} className="mt-4 h-56 w-full min-w-0">
        {children}
      </div>
    </figure>
  );
}

function CountTooltip({ active, payload, label, heading }: TooltipContentProps<TooltipValueType, string | number> & { heading: (label: unknown) => string }) {
  if (!active || !payload?.length) return null;
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="font-semibold text-slate-900">{heading(label)}</p>
      {payload.map((entry) => (
        <p key={String(entry.dataKey)} className="mt-0.5 flex justify-between gap-4 text-slate-600">
          {entry.name}
          <span className="font-semibold tabular-nums text-slate-900">{formatInteger(Number(entry.value ?? 0))}</span>
        </p>
      ))}
    </div>
  );
}

export function SourcesChart({ rows, csv }: { rows: { source: string; events: number }[]; csv: { input: AnalyticsExportInput; filename: string } }) {
  const total = rows.reduce((n, r) => n + r.events, 0);
  const data = rows.map((r) => ({ label: sourceLabel(r.source), events: r.events }));
  const ticks = niceTicks(Math.max(0, ...rows.map((r) => r.events)), 4);
  return (
    <ChartFrame title="Usage per source" detail={`${formatInteger(total)} events: ${rows.map((r) => `${sourceLabel(r.source)} ${formatInteger(r.events)}`).join(", ")}`} csv={csv}>
      <ResponsiveContainer width="100%" height="100%" minWidth={0}>
        <BarChart data={data} layout="vertical" margin={{ top: 0, right: 12, bottom: 0, left: 0 }} accessibilityLayer>
          <CartesianGrid stroke="var(--color-slate-200)" strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" ticks={ticks} domain={[0, ticks.at(-1) ?? 0]} tick={axisTick} stroke="var(--color-slate-300)" tickLine={false} tickFormatter={(v: number) => compactCount.format(v)} />
          <YAxis type="category" dataKey="label" width={96} tick={axisTick} axisLine={false} tickLine={false} />
          <Tooltip content={(props) => <CountTooltip {...props} heading={(l) => String(l)} />} cursor={{ fill: "var(--color-slate-100)" }} isAnimationActive={false} />
          <Bar dataKey="events" name="Events" fill="var(--color-indigo-500)" radius={[0, 3, 3, 0]} maxBarSize={26} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

export function SignupsChart({ points, total, granularity, csv }: { points: { bucket: Date | string; signups: number }[]; total: number; granularity: Granularity; csv: { input: AnalyticsExportInput; filename: string } }) {
  const data = points.map((p) => ({ t: bucketTime(p.bucket), signups: p.signups }));
  const ticks = niceTicks(Math.max(0, ...points.map((p) => p.signups)), 4);
  return (
    <ChartFrame title="Signups" detail={`${formatInteger(total)} new ${total === 1 ? "account" : "accounts"} in this period`} csv={csv}>
      <ResponsiveContainer width="100%" height="100%" minWidth={0}>
        <BarChart data={data} margin={{ top: 4, right: 4, bottom: 0, left: 0 }} accessibilityLayer>
          <CartesianGrid stroke="var(--color-slate-200)" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="t" tickFormatter={(t: number) => axisLabel(t, granularity)} tick={axisTick} stroke="var(--color-slate-300)" tickLine={false} minTickGap={28} />
          <YAxis ticks={ticks} domain={[0, ticks.at(-1) ?? 0]} width={36} tick={axisTick} axisLine={false} tickLine={false} />
          <Tooltip content={(props) => <CountTooltip {...props} heading={(l) => fullLabel(Number(l), granularity)} />} cursor={{ fill: "var(--color-slate-100)" }} isAnimationActive={false} />
          <Bar dataKey="signups" name="Signups" fill="var(--color-emerald-500)" radius={[3, 3, 0, 0]} maxBarSize={28} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
