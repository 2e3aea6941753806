// Deliveries whose job was lost (a restart during a backoff, an event that never reached the
// runner, a run that gave up while the emitting transaction was still open) are pending with a
// nextAttemptAt well past: the sweep finds them so the job can try them again.
import "server-only";
import type { Db } from "@/server/db/prisma";
import { requestWebhookDeliveries } from "./request-delivery";

/** How long past its due time a pending delivery must be before the sweep takes it over. */
export const SWEEP_GRACE_MS = 60_000;

export async function overdueWebhookDeliveries(db: Db, now = new Date(), limit = 500): Promise<string[]> {
  const rows = await db.webhookDelivery.findMany({
    where: { status: "pending", nextAttemptAt: { lte: new Date(now.getTime() - SWEEP_GRACE_MS) } },
    orderBy: { nextAttemptAt: "asc" },
    take: limit,
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** Asks the delivery job to send every overdue delivery again; answers how many. */
export async function resendOverdueWebhookDeliveries(db: Db, now = new Date()): Promise<{ resent: number }> {
  const ids = await overdueWebhookDeliveries(db, now);
  requestWebhookDeliveries(ids);
  return { resent: ids.length };
}
