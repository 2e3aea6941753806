// CSV export of one chart of an analytics report: the same figures the dashboard draws, one row per
// bucket (or per table row), RFC 4180 quoting. Text a person typed (titles, names) that a
// spreadsheet would run as a formula is prefixed with an apostrophe.
import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import { SERIES_CHARTS, USAGE_FIGURES, type AnalyticsChart, type SeriesChart, type UsageFigures } from "@/shared/analytics/analytics-figures";
import type { Actor } from "../actor";
import { ForbiddenError, ValidationError } from "../errors";
import { adminAnalytics, creatorAnalytics, orgAnalytics, promptAnalytics } from "./analytics-queries";
import type { AnalyticsExportInput } from "./analytics-schemas";

type Cell = string | number | Date | null | undefined;

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "number") return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

const isSeriesChart = (chart: AnalyticsChart): chart is SeriesChart => chart in SERIES_CHARTS;

/** The chart's data as CSV text (header row first), with the same authorization as its report. */
export async function exportAnalyticsCsv(db: DbOrTx, actor: Actor, input: AnalyticsExportInput, now = new Date()): Promise<string> {
  const range = { from: input.from, to: input.to, granularity: input.granularity };
  const { chart } = input;
  const seriesCsv = (series: ({ bucket: Date } & UsageFigures)[]) => {
    const figures = SERIES_CHARTS[chart as SeriesChart];
    return toCsv(["bucket", ...figures], series.map((b) => [b.bucket, ...figures.map((f) => b[f])]));
  };
  const figureCells = (row: UsageFigures) => USAGE_FIGURES.map((f) => row[f]);

  if (input.report === "creator") {
    const report = await creatorAnalytics(db, actor, range, now);
    if (isSeriesChart(chart)) return seriesCsv(report.series);
    if (chart === "topPrompts") return topPromptsCsv(report.topPrompts, figureCells);
  } else if (input.report === "org") {
    const report = await orgAnalytics(db, actor, { ...range, orgId: input.orgId ?? "" }, now);
    if (isSeriesChart(chart)) return seriesCsv(report.series);
    if (chart === "topPrompts") return topPromptsCsv(report.topPrompts, figureCells);
  } else if (input.report === "prompt") {
    const report = await promptAnalytics(db, actor, { ...range, promptId: input.promptId ?? "" }, now);
    if (isSeriesChart(chart)) return seriesCsv(report.series);
    if (chart === "sources") return toCsv(["source", "events", ...USAGE_FIGURES], report.bySource.map((s) => [s.source, s.events, ...figureCells(s)]));
  } else {
    if (actor.role !== "admin") throw new ForbiddenError("Admins only.");
    const report = await adminAnalytics(db, range, now);
    if (isSeriesChart(chart)) return seriesCsv(report.series);
    if (chart === "topPrompts") return topPromptsCsv(report.topPrompts, figureCells);
    if (chart === "sources") return toCsv(["source", "events", ...USAGE_FIGURES], report.bySource.map((s) => [s.source, s.events, ...figureCells(s)]));
    if (chart === "topAuthors") return toCsv(["userId", "handle", "name", "events", ...USAGE_FIGURES], report.topAuthors.map((a) => [a.userId, a.handle, a.name, a.events, ...figureCells(a)]));
    if (chart === "models")
      return toCsv(["provider", "model", "calls", "errors", "errorRate", "costUsd", "pricedCalls", "avgLatencyMs"], report.models.map((m) => [m.provider, m.model, m.calls, m.errors, m.errorRate, m.costUsd, m.pricedCalls, m.avgLatencyMs]));
    if (chart === "signups") return toCsv(["bucket", "signups"], report.signups.map((s) => [s.bucket, s.signups]));
  }
  // The input schema allows only each report's charts; this guards direct callers.
  throw new ValidationError(`chart: the ${input.report} report has no chart "${chart}"`, { chart: [`the ${input.report} report has no such chart`] });
}

function topPromptsCsv(rows: ({ promptId: string; slug: string; title: string; ownerHandle: string; events: number } & UsageFigures)[], figureCells: (row: UsageFigures) => number[]) {
  return toCsv(["promptId", "slug", "title", "owner", "events", ...USAGE_FIGURES], rows.map((p) => [p.promptId, p.slug, p.title, p.ownerHandle, p.events, ...figureCells(p)]));
}
