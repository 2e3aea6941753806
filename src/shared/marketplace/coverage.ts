// What a license covers, declared once: the API's enum, the rule buyers read and the choice sellers make.

export const COVERAGES = {
  purchased_and_later: {
    label: "This version and every later one",
    /** The rule as the buyer reads it (listings, licenses, receipts). */
    rule: "Covers the version current when you buy and every later version the author publishes.",
    /** The rule as the seller chooses it in the listing editor. */
    sellerExplanation: "Buyers get the version current when they buy and every version you publish later, at no extra cost.",
  },
  purchased_only: {
    label: "Only the version bought",
    rule: "Covers only the version current when you buy; later versions need a new license.",
    sellerExplanation: "Buyers get the version current when they buy. Later versions need a new license.",
  },
} as const satisfies Record<string, { label: string; rule: string; sellerExplanation: string }>;

export type Coverage = keyof typeof COVERAGES;
export const COVERAGE_NAMES = Object.keys(COVERAGES) as [Coverage, ...Coverage[]];
