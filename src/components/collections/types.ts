// Shapes the collection pieces receive from the API, inferred from the router so they stay in sync.
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>;

export type CollectionDetail = Outputs["collection"]["bySlug"];
export type CollectionItemData = CollectionDetail["items"][number];
export type CollectionSummary = Outputs["collection"]["list"]["items"][number];
export type CollectionFeedItem = Outputs["collection"]["feed"]["items"][number];
export type CollectionChoice = Outputs["collection"]["forPrompt"][number];
