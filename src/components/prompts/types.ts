// Shapes of what the prompt pages receive from the API, inferred from the router so they stay in sync.
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>;

export type SearchResultData = Outputs["prompt"]["search"]["items"][number];
/** A card from prompt.list or prompt.search (search results also carry a highlighted `snippet`). */
export type PromptCardData = Outputs["prompt"]["list"]["items"][number] | SearchResultData;
export type PromptDetail = Outputs["prompt"]["bySlug"];
/** A card from prompt.similar: a search card with its similarity to the prompt (0–1). */
export type SimilarPromptData = Outputs["prompt"]["similar"]["items"][number];
type RawVersionData = Outputs["version"]["list"]["items"][number];
/** `presentVersion` turns labels into names, but its generic spread types them as `{ name }[] & string[]`. */
export type VersionData = Omit<RawVersionData, "labels"> & { labels: string[] };
/** What the viewer may do with a prompt's versions (publish, propose, review, deprecate, move labels). */
export type VersionAbilities = Outputs["version"]["abilities"];
export type LineageData = Outputs["prompt"]["lineage"];
export type RenderData = Outputs["prompt"]["render"];
export type UserProfile = Outputs["user"]["byHandle"];
export type FeedItem = Outputs["feed"]["mine"]["items"][number];
export type FollowPerson = Outputs["follow"]["followers"]["items"][number];
