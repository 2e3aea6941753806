// Who each event tells, called by the domain code of the event inside its transaction (see notify.ts).
import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import { notify } from "./notify";

/**
 * A comment tells the prompt's owner (prompt_comment) and, for a reply, the parent comment's author
 * (comment_reply); someone who is both is told once, as the reply's recipient.
 */
export async function notifyComment(tx: DbOrTx, e: { actorId: string; prompt: { id: string; ownerId: string }; commentId: string; parentAuthorId?: string | null }) {
  const base = { actorId: e.actorId, promptId: e.prompt.id, commentId: e.commentId };
  if (e.parentAuthorId) await notify(tx, { ...base, userId: e.parentAuthorId, kind: "comment_reply" });
  if (e.parentAuthorId !== e.prompt.ownerId) await notify(tx, { ...base, userId: e.prompt.ownerId, kind: "prompt_comment" });
}

/** A new or changed rating: one notification per rater and prompt, showing the latest stars. */
export function notifyRating(tx: DbOrTx, e: { actorId: string; prompt: { id: string; ownerId: string }; stars: number }) {
  return notify(tx, { userId: e.prompt.ownerId, kind: "prompt_rating", actorId: e.actorId, promptId: e.prompt.id, data: { stars: e.stars } });
}

export function notifyFollow(tx: DbOrTx, e: { followerId: string; followeeId: string }) {
  return notify(tx, { userId: e.followeeId, kind: "new_follower", actorId: e.followerId });
}

/**
 * A fork tells the source prompt's owner. The fork is remembered by id only: whether its owner is
 * named and the fork linked is decided when the notification is read (only while it is public).
 */
export async function notifyFork(tx: DbOrTx, e: { actorId: string; sourceVersionId: string; forkId: string }) {
  const source = await tx.promptVersion.findUnique({ where: { id: e.sourceVersionId }, select: { prompt: { select: { id: true, ownerId: true } } } });
  if (!source) return;
  await notify(tx, { userId: source.prompt.ownerId, kind: "prompt_fork", actorId: e.actorId, promptId: source.prompt.id, data: { forkId: e.forkId } });
}

type PurchaseFacts = { id: string; sellerId: string; buyerId: string; promptId: string; amountCents: number; currency: string };

/** A license granted for a sale (or a free claim) tells the seller; the buyer is not named. */
export function notifySale(tx: DbOrTx, p: PurchaseFacts) {
  if (p.buyerId === p.sellerId) return Promise.resolve();
  return notify(tx, { userId: p.sellerId, kind: "listing_sale", promptId: p.promptId, purchaseId: p.id, data: { amountCents: p.amountCents, currency: p.currency } });
}

/** Money given back on a sale tells the seller how much (this refund's share) and whether it was all of it. */
export function notifyRefund(tx: DbOrTx, p: PurchaseFacts, e: { refundedCents: number; full: boolean }) {
  return notify(tx, { userId: p.sellerId, kind: "listing_refund", promptId: p.promptId, purchaseId: p.id, data: { amountCents: e.refundedCents, currency: p.currency, full: e.full } });
}
