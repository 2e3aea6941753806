// Captures whose prompt identity is not done (processedAt IS NULL) are normally identified once
// the recorder has stored them. The event that asks for it can be lost (a crash before it is
// handled, a job that gave up during a database outage), so a sweep re-queues them: this claims a
// bounded batch of them, oldest first, and marks each claimed (identityQueuedAt) so the next sweep
// leaves it alone until its claim is older than `claimedBefore`.
import "server-only";
import type { Db } from "@/server/db/prisma";

export type ClaimPendingIdentityInput = {
  /** Only captures created before this (newer ones are still on their normal way). */
  createdBefore: Date;
  /** Captures claimed at or after this are skipped (their earlier claim may still be in a queue). */
  claimedBefore: Date;
  limit: number;
};

/** Claims up to `limit` captures awaiting identity and returns their ids, oldest first. */
export async function claimPendingIdentity(db: Db, input: ClaimPendingIdentityInput, now = new Date()): Promise<string[]> {
  // Reads through the partial index "Capture_identity_pending"; SKIP LOCKED lets two sweeps run at once.
  const rows = await db.$queryRaw<{ id: string; createdAt: Date }[]>`
    WITH claimed AS (
      SELECT id FROM "Capture"
      WHERE "processedAt" IS NULL AND "createdAt" < ${input.createdBefore}
        AND ("identityQueuedAt" IS NULL OR "identityQueuedAt" < ${input.claimedBefore})
      ORDER BY "createdAt", id
      LIMIT ${input.limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "Capture" c SET "identityQueuedAt" = ${now}
    FROM claimed WHERE c.id = claimed.id
    RETURNING c.id, c."createdAt"`;
  // UPDATE … RETURNING has no order of its own.
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1)).map((r) => r.id);
}
