// The marketplace on a prompt page: the owner's "Sell this prompt" panel, or everyone else's Buy box.
// Rendered twice by the page — at the top of the main column (phones) and in the sidebar (wide
// screens) — and shown in one place at a time; the listing is loaded once per request.
import { cache } from "react";
import { serverApi } from "@/trpc/server";
import { BuyBox } from "./buy-box";
import { ListingEditor } from "./listing-editor";
import type { Visibility } from "@/shared/prompts/visibility";

const loadListing = cache(async (promptId: string) => (await serverApi()).listing.byPrompt({ promptId }));

type PromptRef = { id: string; slug: string; isOwner: boolean; visibility: Visibility; archivedAt: Date | null };

export async function PromptListing({ prompt, signedIn, placement }: { prompt: PromptRef; signedIn: boolean; placement: "main" | "aside" }) {
  const listing = await loadListing(prompt.id);
  // The owner's editor is wide: it always sits in the main column.
  if (prompt.isOwner) {
    if (placement !== "main") return null;
    // Archived prompts leave the Market: nothing to sell until the owner restores it.
    if (prompt.archivedAt) return null;
    const selling = await (await serverApi()).listing.sellingConditions();
    return <ListingEditor promptId={prompt.id} visibility={prompt.visibility} listing={listing} selling={selling} />;
  }
  if (!listing) return null;
  return <BuyBox listing={listing} slug={prompt.slug} signedIn={signedIn} className={placement === "main" ? "lg:hidden" : "hidden lg:block"} openFirstSample={placement === "aside"} />;
}
