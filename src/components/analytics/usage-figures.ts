// How the dashboards draw the analytics figures (src/shared/analytics holds the vocabulary the API
// shares): each figure's label and colour, and which series charts a dashboard shows.
import { SERIES_CHARTS, USAGE_FIGURES, type SeriesChart, type UsageFigure, type UsageFigures } from "@/shared/analytics/analytics-figures";

export { USAGE_FIGURES, type UsageFigure };
export type UsageTotals = UsageFigures;
export type UsagePoint = UsageFigures & { bucket: Date | string };
export type TopPromptRow = UsageFigures & { promptId: string; slug: string; title: string };
export type Granularity = "hour" | "day";

/** Colours are palette variables, which the dark theme keeps (400–600 shades) or turns over. */
export const FIGURE_META: Record<UsageFigure, { label: string; color: string; money?: true }> = {
  views: { label: "Views", color: "var(--color-indigo-500)" },
  renders: { label: "Renders", color: "var(--color-sky-500)" },
  copies: { label: "Copies", color: "var(--color-teal-500)" },
  likes: { label: "Likes", color: "var(--color-rose-500)" },
  forks: { label: "Forks", color: "var(--color-violet-500)" },
  capturedUses: { label: "Captured uses", color: "var(--color-amber-500)" },
  harnessRuns: { label: "Harness runs", color: "var(--color-emerald-500)" },
  revenueCents: { label: "Revenue", color: "var(--color-fuchsia-500)", money: true },
};

type ChartSpec = { chart: SeriesChart; title: string; kind: "area" | "bar"; empty: string };
/** One chart per group of figures, each with its own CSV download (`analytics.export`'s `chart`). */
export const USAGE_CHARTS: readonly (ChartSpec & { figures: readonly UsageFigure[] })[] = (
  [
    { chart: "traffic", title: "Views, renders and copies", kind: "area", empty: "No views, renders or copies in this period." },
    { chart: "engagement", title: "Likes and forks", kind: "bar", empty: "No likes or forks in this period." },
    { chart: "usage", title: "Captured uses and harness runs", kind: "bar", empty: "No captured calls or harness runs in this period." },
    { chart: "revenue", title: "Revenue", kind: "bar", empty: "No sales or refunds in this period." },
  ] as const satisfies readonly ChartSpec[]
).map((c) => ({ ...c, figures: SERIES_CHARTS[c.chart] }));

/** Usage events carry amounts without a currency: the marketplace charges in its default one. */
export const REVENUE_CURRENCY = "usd";

export const hasAnyUsage = (totals: UsageTotals) => USAGE_FIGURES.some((f) => totals[f] !== 0);
