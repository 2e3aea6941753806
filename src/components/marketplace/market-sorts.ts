export const MARKET_SORTS = { newest: "Newest", best_selling: "Best selling", price_low: "Price: low to high", price_high: "Price: high to low" } as const;
export type MarketSort = keyof typeof MARKET_SORTS;
export const isMarketSort = (v: string | undefined): v is MarketSort => v !== undefined && Object.hasOwn(MARKET_SORTS, v);

/** How the page describes the order it shows. */
export const MARKET_SORT_PHRASES: Record<MarketSort, string> = {
  newest: "Newest listings first.",
  best_selling: "Best sellers first.",
  price_low: "Cheapest first.",
  price_high: "Most expensive first.",
};
