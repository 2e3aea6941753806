// The orders of the market, declared once: the API's enum (with the other names clients use for
// them), the Market page's picker and its sentence. The SQL order for each lives beside the query
// (domain/marketplace/listings.ts), typed by ListingSort so a new sort cannot be forgotten there.

export const LISTING_SORTS = {
  newest: { label: "Newest", phrase: "Newest listings first.", aliases: ["recent", "new"] },
  best_selling: { label: "Best selling", phrase: "Best sellers first.", aliases: ["popular", "bestselling", "top_selling"] },
  price_low: { label: "Price: low to high", phrase: "Cheapest first.", aliases: ["price_asc"] },
  price_high: { label: "Price: high to low", phrase: "Most expensive first.", aliases: ["price_desc"] },
} as const satisfies Record<string, { label: string; phrase: string; aliases: readonly string[] }>;

export type ListingSort = keyof typeof LISTING_SORTS;
export const LISTING_SORT_NAMES = Object.keys(LISTING_SORTS) as [ListingSort, ...ListingSort[]];

export const isListingSort = (v: string | undefined): v is ListingSort => v !== undefined && Object.hasOwn(LISTING_SORTS, v);

/** The sort a name or alias stands for ("price_asc" → "price_low"); other values unchanged. */
export function canonicalListingSort(value: string): string {
  if (isListingSort(value)) return value;
  const found = LISTING_SORT_NAMES.find((sort) => (LISTING_SORTS[sort].aliases as readonly string[]).includes(value));
  return found ?? value;
}
