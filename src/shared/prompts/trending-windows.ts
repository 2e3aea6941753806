// The windows trending is computed over (Prompt.trending24h / trending7d / trending30d, written by
// the trending job): prompt.search's `window`, Home's and Explore's window pickers.
import { z } from "zod";

export const TRENDING_WINDOWS = ["24h", "7d", "30d"] as const;
export type TrendingWindow = (typeof TRENDING_WINDOWS)[number];
export const DEFAULT_TRENDING_WINDOW: TrendingWindow = "7d";

export const TRENDING_WINDOW_LABELS: Record<TrendingWindow, string> = { "24h": "Today", "7d": "This week", "30d": "This month" };

export const trendingWindowSchema = z.enum(TRENDING_WINDOWS, { error: `must be one of: ${TRENDING_WINDOWS.join(", ")}` });

/** A window from a URL's search parameter: anything else is the default. */
export const trendingWindowOf = (raw: string | string[] | undefined): TrendingWindow =>
  (TRENDING_WINDOWS as readonly string[]).includes(typeof raw === "string" ? raw : "") ? (raw as TrendingWindow) : DEFAULT_TRENDING_WINDOW;
