// What the evidence panels receive from the API, inferred from the router so they stay in sync.
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>;

/** A listing's evidence as buyers see it (harness.listingEvidence). */
export type ListingEvidenceData = Outputs["harness"]["listingEvidence"];
export type EvidenceModelData = ListingEvidenceData["models"][number];
/** The seller's runs and batches to pick from (harness.evidenceCandidates). */
export type EvidenceCandidate = Outputs["harness"]["evidenceCandidates"]["items"][number];
