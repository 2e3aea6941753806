// Words for the marketplace's enums, shared by the pages. Pure: safe in client components.
import type { Coverage, LicenseType, ListingStatus } from "./types";

export const LICENSE_TYPE_LABELS: Record<LicenseType, string> = {
  personal: "Personal",
  commercial: "Commercial",
  team: "Team",
};

/** One line on who may use the prompt under each license type (the full text is in the terms). */
export const LICENSE_TYPE_SUMMARIES: Record<LicenseType, string> = {
  personal: "One person, in their own projects and client work.",
  commercial: "One organisation, in its products and services.",
  team: "Up to 25 members of one organisation.",
};

/** "a personal license" / "a commercial license". */
export const licenseTypePhrase = (type: LicenseType) => `a ${LICENSE_TYPE_LABELS[type].toLowerCase()} license`;

export const COVERAGE_LABELS: Record<Coverage, string> = {
  purchased_and_later: "This version and every later one",
  purchased_only: "Only the version bought",
};

/** The rule as the seller chooses it (the buyer sees the server's `coverageRule`). */
export const COVERAGE_EXPLANATIONS: Record<Coverage, string> = {
  purchased_and_later: "Buyers get the version current when they buy and every version you publish later, at no extra cost.",
  purchased_only: "Buyers get the version current when they buy. Later versions need a new license.",
};

export const STATUS_LABELS: Record<ListingStatus, string> = { active: "On sale", draft: "Draft", paused: "Paused" };
export const STATUS_EXPLANATIONS: Record<ListingStatus, string> = {
  active: "Anyone who can see the prompt can buy it. A paid prompt's text is then shown only to you and to license holders.",
  draft: "Only you see the listing; nobody can buy yet, and the prompt's text stays visible to everyone until it goes on sale.",
  paused: "Nobody can buy until you resume sales, and while paused the prompt's text is visible to everyone again. Existing licenses keep working.",
};
export const STATUS_TONES = { active: "emerald", draft: "slate", paused: "amber" } as const satisfies Record<ListingStatus, string>;
