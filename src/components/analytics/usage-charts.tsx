import type { AnalyticsExportInput } from "./analytics-export-input";
import { UsageChart } from "./usage-chart";
import { USAGE_CHARTS, type Granularity, type UsagePoint } from "./usage-figures";

/** Every series chart of a report, each downloadable as CSV with the report's own input. */
export function UsageCharts({
  points,
  granularity,
  exportBase,
  filePrefix,
  layout = "page",
}: {
  points: UsagePoint[];
  granularity: Granularity;
  exportBase: Omit<AnalyticsExportInput, "chart">;
  filePrefix: string;
  /** A page is wide from lg; a panel in a page's main column already at md. */
  layout?: "page" | "panel";
}) {
  return (
    <div className={`grid gap-4 ${layout === "page" ? "lg:grid-cols-2" : "md:grid-cols-2"}`}>
      {USAGE_CHARTS.map((c) => (
        <UsageChart
          key={c.chart}
          title={c.title}
          figures={c.figures}
          kind={c.kind}
          points={points}
          granularity={granularity}
          emptyText={c.empty}
          csv={{ input: { ...exportBase, chart: c.chart }, filename: `${filePrefix}-${c.chart}.csv` }}
        />
      ))}
    </div>
  );
}
