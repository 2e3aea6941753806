// Why a viewer cannot buy a listing right now, if they cannot: one rule for the Buy box (a reason to
// show) and for checkout (an error to throw).
import type { ListingStatus } from "@/shared/marketplace/listing-statuses";
import { ConflictError, ForbiddenError, type DomainError } from "../errors";

/** `prompt.archivedAt`: an archived prompt leaves the Market and cannot be bought. */
type ListingForRefusal = { sellerId: string; status: ListingStatus; prompt?: { archivedAt: Date | null } };

export function purchaseRefusal(listing: ListingForRefusal, viewerId: string | undefined, holdsLicense: boolean): DomainError | null {
  if (viewerId === listing.sellerId) return new ForbiddenError("You can't buy your own listing.");
  if (holdsLicense) return new ConflictError("You already hold a license for this prompt; find it in your Library.");
  if (listing.prompt?.archivedAt) return new ConflictError("This prompt was archived by its author and is no longer for sale.");
  if (listing.status === "paused") return new ConflictError("Sales of this prompt are paused; try again later.");
  if (listing.status === "draft") return new ConflictError("This listing is a draft and not on sale yet.");
  return null;
}
