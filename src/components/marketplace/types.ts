// Shapes of what the marketplace pages receive from the API, inferred from the routers so they stay in sync.
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>;

/** A listing as one viewer sees it on the prompt page: price, terms, and what (if anything) stops them buying. */
export type ListingForViewer = NonNullable<Outputs["listing"]["byPrompt"]>;
/** A listing in the market or in a seller's list. */
export type ListingSummary = Outputs["listing"]["list"]["items"][number];
/** What listing.create / listing.update answer. */
export type SavedListing = Outputs["listing"]["create"];
export type LicenseData = Outputs["license"]["mine"][number];
export type SalesSummaryData = Outputs["sales"]["summary"];
export type CheckoutStatusData = Outputs["listing"]["checkoutStatus"];
