// The marketplace on a prompt page: the owner's "Sell this prompt" panel, or everyone else's Buy box.
// Rendered twice by the page — at the top of the main column (phones) and in the sidebar (wide
// screens) — and shown in one place at a time; the listing is loaded once per request. A third
// placement, under the prompt, holds the listing's evidence for buyers.
import { cache } from "react";
import { serverApi } from "@/trpc/server";
import { EvidenceLine, EvidencePanel } from "@/components/harness/evidence-panel";
import { BuyBox } from "./buy-box";
import { ListingEditor } from "./listing-editor";
import type { Visibility } from "@/shared/prompts/visibility";

const loadListing = cache(async (promptId: string) => (await serverApi()).listing.byPrompt({ promptId }));
const loadEvidence = cache(async (listingId: string) => (await serverApi()).harness.listingEvidence({ listingId }));

type PromptRef = { id: string; slug: string; isOwner: boolean; visibility: Visibility; archivedAt: Date | null };

export async function PromptListing({ prompt, signedIn, placement }: { prompt: PromptRef; signedIn: boolean; placement: "main" | "aside" | "evidence" }) {
  const listing = await loadListing(prompt.id);
  // The owner's editor is wide: it always sits in the main column. Their evidence shows where
  // buyers see it, under the prompt, marked as a preview.
  if (prompt.isOwner) {
    // Archived prompts leave the Market: nothing to sell until the owner restores it.
    if (prompt.archivedAt) return null;
    if (placement === "evidence") return listing ? <EvidencePanel evidence={await loadEvidence(listing.id)} preview /> : null;
    if (placement !== "main") return null;
    const selling = await (await serverApi()).listing.sellingConditions();
    return <ListingEditor promptId={prompt.id} visibility={prompt.visibility} listing={listing} selling={selling} />;
  }
  if (!listing) return null;
  const evidence = await loadEvidence(listing.id);
  // The evidence is wide: it sits in the main column under the prompt at every width, and the Buy box links to it.
  if (placement === "evidence") return <EvidencePanel evidence={evidence} />;
  const line = evidence.sources.length ? <EvidenceLine models={evidence.overall.models} passRate={evidence.overall.passRate} href="#evidence" /> : null;
  return <BuyBox listing={listing} slug={prompt.slug} signedIn={signedIn} className={placement === "main" ? "lg:hidden" : "hidden lg:block"} openFirstSample={placement === "aside"} evidenceLine={line} />;
}
