// A listing's statuses, declared once: the API's enum and the pages' badges and explanations.

export const LISTING_STATUSES = {
  active: {
    label: "On sale",
    tone: "emerald",
    explanation: "Anyone who can see the prompt can buy it. A paid prompt's text is then shown only to you and to license holders.",
  },
  draft: {
    label: "Draft",
    tone: "slate",
    explanation: "Only you see the listing; nobody can buy yet, and the prompt's text stays visible to everyone until it goes on sale.",
  },
  paused: {
    label: "Paused",
    tone: "amber",
    explanation: "Nobody can buy until you resume sales, and while paused the prompt's text is visible to everyone again. Existing licenses keep working.",
  },
} as const satisfies Record<string, { label: string; tone: string; explanation: string }>;

export type ListingStatus = keyof typeof LISTING_STATUSES;
export const LISTING_STATUS_NAMES = Object.keys(LISTING_STATUSES) as [ListingStatus, ...ListingStatus[]];
