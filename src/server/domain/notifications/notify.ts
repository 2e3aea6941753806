// Creating notifications, always inside the transaction of the event they report (a comment, a
// rating, a follow, a fork, a sale or a refund), so an event that rolls back notifies nobody and one
// that commits cannot be missed. Callers pass facts; wording and links are decided when listing.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { DbOrTx } from "@/server/db/prisma";
import type { NotificationKindName } from "@/shared/notifications/notification-kinds";

export type NewNotification = {
  /** Who is told. */
  userId: string;
  kind: NotificationKindName;
  /** Who did it; null for events with no person behind them (a sale, a refund). */
  actorId?: string | null;
  promptId?: string | null;
  commentId?: string | null;
  purchaseId?: string | null;
  data?: Prisma.InputJsonObject;
};

/**
 * Kinds where one person repeating the action updates their notification instead of adding one:
 * changing a rating (the latest stars win) and following again after unfollowing. The updated
 * notification moves to the top and is unread again.
 */
const ONE_PER_ACTOR: ReadonlySet<NotificationKindName> = new Set(["prompt_rating", "new_follower"]);

/** Records a notification; nothing when the recipient did it themselves. */
export async function notify(tx: DbOrTx, n: NewNotification): Promise<void> {
  if (n.actorId && n.actorId === n.userId) return;
  const fields = { userId: n.userId, kind: n.kind, actorId: n.actorId ?? null, promptId: n.promptId ?? null, commentId: n.commentId ?? null, purchaseId: n.purchaseId ?? null };
  if (ONE_PER_ACTOR.has(n.kind) && n.actorId) {
    const existing = await tx.notification.findFirst({
      where: { userId: n.userId, kind: n.kind, actorId: n.actorId, promptId: n.promptId ?? null },
      select: { id: true },
    });
    if (existing) {
      await tx.notification.update({ where: { id: existing.id }, data: { data: n.data ?? {}, readAt: null, createdAt: new Date() } });
      return;
    }
  }
  await tx.notification.create({ data: { ...fields, data: n.data ?? {} } });
}
