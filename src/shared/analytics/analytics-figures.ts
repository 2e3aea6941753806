// The analytics vocabulary the dashboards and the API share: the figures every report counts, the
// charts (groups of figures, or a report's tables) a CSV export can name, and the range limits.

/** The figures of every report, in display order; revenue is net of refunds, in cents. */
export const USAGE_FIGURES = ["views", "renders", "copies", "likes", "forks", "capturedUses", "harnessRuns", "revenueCents"] as const;
export type UsageFigure = (typeof USAGE_FIGURES)[number];
export type UsageFigures = Record<UsageFigure, number>;

export const USAGE_FIGURE_LABELS: Record<UsageFigure, string> = {
  views: "Views",
  renders: "Renders",
  copies: "Copies",
  likes: "Likes",
  forks: "Forks",
  capturedUses: "Captured uses",
  harnessRuns: "Harness runs",
  revenueCents: "Revenue (cents)",
};

export const zeroFigures = (): UsageFigures => ({ views: 0, renders: 0, copies: 0, likes: 0, forks: 0, capturedUses: 0, harnessRuns: 0, revenueCents: 0 });

/** Charts over the time series: each is a group of figures (a chart's CSV has these columns). */
export const SERIES_CHARTS = {
  series: USAGE_FIGURES,
  traffic: ["views", "renders", "copies"],
  engagement: ["likes", "forks"],
  usage: ["capturedUses", "harnessRuns"],
  revenue: ["revenueCents"],
} as const satisfies Record<string, readonly UsageFigure[]>;
export type SeriesChart = keyof typeof SERIES_CHARTS;

export const ANALYTICS_REPORTS = ["creator", "prompt", "org", "admin"] as const;
export type AnalyticsReport = (typeof ANALYTICS_REPORTS)[number];

const SERIES_CHART_NAMES = Object.keys(SERIES_CHARTS) as SeriesChart[];
/** What each report can export: its series charts plus its tables. */
export const CHARTS_BY_REPORT = {
  creator: [...SERIES_CHART_NAMES, "topPrompts"],
  prompt: [...SERIES_CHART_NAMES, "sources"],
  org: [...SERIES_CHART_NAMES, "topPrompts"],
  admin: [...SERIES_CHART_NAMES, "topPrompts", "topAuthors", "sources", "models", "signups"],
} as const satisfies Record<AnalyticsReport, readonly string[]>;
export const ANALYTICS_CHARTS = [...new Set(Object.values(CHARTS_BY_REPORT).flat())] as AnalyticsChart[];
export type AnalyticsChart = (typeof CHARTS_BY_REPORT)[AnalyticsReport][number];

export const ANALYTICS_GRANULARITIES = ["hour", "day"] as const;
export type AnalyticsGranularity = (typeof ANALYTICS_GRANULARITIES)[number];

/** Range rules: the default period, the longest one, and the longest one in hour buckets. */
export const ANALYTICS_DEFAULT_DAYS = 30;
export const ANALYTICS_MAX_DAYS = 366;
export const ANALYTICS_MAX_HOUR_DAYS = 14;
