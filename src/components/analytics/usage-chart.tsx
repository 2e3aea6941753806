"use client";
// One chart of a group of usage figures over time (recharts), with its legend, totals and CSV download.
import { useRef } from "react";
import { Area, AreaChart, Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps, type TooltipValueType } from "recharts";
import { axisLabel, bucketTime, fullLabel } from "./bucket-format";
import { CsvDownloadButton } from "./csv-download-button";
import { niceTicks } from "./nice-axis";
import { useChartTabOrder } from "./use-chart-tab-order";
import { figureValue } from "./usage-figure-value";
import type { AnalyticsExportInput } from "./analytics-export-input";
import { FIGURE_META, REVENUE_CURRENCY, type Granularity, type UsageFigure, type UsagePoint } from "./usage-figures";

const compactMoney = new Intl.NumberFormat("en-US", { style: "currency", currency: REVENUE_CURRENCY.toUpperCase(), notation: "compact", maximumFractionDigits: 1 });
const compactCount = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

export type UsageChartProps = {
  title: string;
  figures: readonly UsageFigure[];
  kind: "area" | "bar";
  points: UsagePoint[];
  granularity: Granularity;
  /** The chart's data as CSV (analytics.export); omitted where there is none. */
  csv?: { input: AnalyticsExportInput; filename: string };
  /** Shown over an all-zero chart. */
  emptyText: string;
};

export function UsageChart({ title, figures, kind, points, granularity, csv, emptyText }: UsageChartProps) {
  const plot = useRef<HTMLDivElement>(null);
  useChartTabOrder(plot);
  const data = points.map((p) => ({ ...p, t: bucketTime(p.bucket) }));
  const totals = figures.map((f) => ({ figure: f, total: points.reduce((sum, p) => sum + (p[f] ?? 0), 0) }));
  const empty = totals.every((t) => t.total === 0);
  const money = figures.some((f) => FIGURE_META[f].money);
  const summary = `${title}: ${totals.map((t) => `${FIGURE_META[t.figure].label} ${figureValue(t.figure, t.total)}`).join(", ")}.`;
  const Chart = kind === "area" ? AreaChart : BarChart;
  const values = points.flatMap((p) => figures.map((f) => p[f]));
  const ticks = niceTicks(Math.max(0, ...values), money ? 400 : 4, Math.min(0, ...values));

  return (
    <figure className="flex min-w-0 flex-col rounded-xl border border-slate-200 bg-white p-4 shadow-xs sm:p-5">
      <figcaption>
        <div className="flex items-start justify-between gap-3">
          <h3 className="min-w-0 pt-1 text-sm font-semibold text-slate-900">{title}</h3>
          {csv ? <CsvDownloadButton input={csv.input} filename={csv.filename} label={`Download CSV: ${title}`} /> : null}
        </div>
        <ul className="mt-1.5 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600" aria-label="Totals in this period">
          {totals.map(({ figure, total }) => (
            <li key={figure} className="inline-flex items-center gap-1.5">
              <span aria-hidden className="h-2.5 w-2.5 rounded-sm" style={{ background: FIGURE_META[figure].color }} />
              {FIGURE_META[figure].label}
              <strong className="font-semibold tabular-nums text-slate-900">{figureValue(figure, total)}</strong>
            </li>
          ))}
        </ul>
      </figcaption>
      <p className="sr-only">{summary}</p>
      <div ref={plot} className="relative mt-4 h-56 w-full min-w-0" data-chart={figures.join(",")}>
        <ResponsiveContainer width="100%" height="100%" minWidth={0}>
          <Chart data={data} margin={{ top: 4, right: 4, bottom: 0, left: 0 }} accessibilityLayer>
            <CartesianGrid stroke="var(--color-slate-200)" strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="t"
              tickFormatter={(t: number) => axisLabel(t, granularity)}
              tick={{ fill: "var(--color-slate-500)", fontSize: 11 }}
              stroke="var(--color-slate-300)"
              tickLine={false}
              minTickGap={28}
            />
            <YAxis
              ticks={ticks}
              domain={[ticks[0] ?? 0, ticks.at(-1) ?? 0]}
              width={money ? 48 : 36}
              tickFormatter={(v: number) => (money ? compactMoney.format(v / 100) : compactCount.format(v))}
              tick={{ fill: "var(--color-slate-500)", fontSize: 11 }}
              axisLine={false}
              tickLine={false}
            />
            <Tooltip
              content={(props) => <ChartTooltip {...props} granularity={granularity} />}
              cursor={kind === "area" ? { stroke: "var(--color-slate-400)" } : { fill: "var(--color-slate-100)" }}
              isAnimationActive={false}
            />
            {figures.map((f) =>
              kind === "area" ? (
                <Area key={f} type="monotone" dataKey={f} name={FIGURE_META[f].label} stroke={FIGURE_META[f].color} fill={FIGURE_META[f].color} fillOpacity={0.12} strokeWidth={2} isAnimationActive={false} />
              ) : (
                <Bar key={f} dataKey={f} name={FIGURE_META[f].label} fill={FIGURE_META[f].color} radius={[3, 3, 0, 0]} maxBarSize={28} isAnimationActive={false} />
              ),
            )}
          </Chart>
        </ResponsiveContainer>
        {empty ? (
          <p className="pointer-events-none absolute inset-0 flex items-center justify-center px-6 text-center text-sm text-slate-500">
            <span className="rounded-md bg-white/80 px-2 py-1">{emptyText}</span>
          </p>
        ) : null}
      </div>
    </figure>
  );
}

function ChartTooltip({ active, payload, label, granularity }: TooltipContentProps<TooltipValueType, string | number> & { granularity: Granularity }) {
  if (!active || !payload?.length) return null;
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="font-semibold text-slate-900">{fullLabel(Number(label), granularity)}</p>
      <ul className="mt-1 space-y-0.5">
        {payload.map((entry) => (
          <li key={String(entry.dataKey)} className="flex items-center justify-between gap-4 text-slate-600">
            <span className="inline-flex items-center gap-1.5">
              <span aria-hidden className="h-2 w-2 rounded-sm" style={{ background: entry.color }} />
              {entry.name}
            </span>
            <span className="font-semibold tabular-nums text-slate-900">{figureValue(entry.dataKey as UsageFigure, Number(entry.value ?? 0))}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
