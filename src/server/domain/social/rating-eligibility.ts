// Who may rate a prompt. Ratings of a paid prompt are verified purchases: only people who hold a
// license for it may rate it (everyone who can read the prompt may still comment). Owners never rate
// their own prompts.
import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import type { Viewer } from "../actor";

/** A paid listing that is or was on sale (a paused paid listing still has buyers). */
const paidListingWhere = { priceCents: { gt: 0 }, status: { in: ["active", "paused"] as ("active" | "paused")[] } };

export const OWN_PROMPT_RATING_REFUSAL = "You can't rate your own prompt.";
export const PAID_RATING_REFUSAL = "Only people who bought this prompt can rate it: reviews of paid prompts are verified purchases. You can still comment.";

/** Why this viewer may not rate this prompt, or null when they may. Signed-out viewers are the caller's concern. */
export async function ratingRefusal(db: DbOrTx, viewer: Viewer, prompt: { id: string; ownerId: string }): Promise<string | null> {
  if (!viewer) return null;
  if (prompt.ownerId === viewer.id) return OWN_PROMPT_RATING_REFUSAL;
  const paid = await db.listing.findFirst({ where: { promptId: prompt.id, ...paidListingWhere }, select: { id: true } });
  if (!paid) return null;
  const license = await db.license.findFirst({ where: { promptId: prompt.id, holderId: viewer.id, status: "active" }, select: { id: true } });
  return license ? null : PAID_RATING_REFUSAL;
}
