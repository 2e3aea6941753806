// Sales made before usage events existed (or written straight into the tables, as the demo seed
// does) have no purchase or refund events, so the dashboards' revenue would miss them: this writes
// one purchase event per paid purchase (at paidAt, its amount) and one refund event per refunded
// amount (at the purchase's last update), for those that have none yet. Run by the migration that
// introduced it (same SQL) and by the seed.
import "server-only";
import type { DbOrTx } from "@/server/db/prisma";

export const BACKFILL_SALES_EVENTS_SQL = `
INSERT INTO "UsageEvent" ("kind", "at", "promptId", "ownerId", "actorId", "viewerKey", "source", "amountCents")
SELECT 'purchase'::"UsageEventKind", p."paidAt", p."promptId", p."sellerId", p."buyerId", p."buyerId", 'web'::"UsageSource", p."amountCents"
FROM "Purchase" p
WHERE p."paidAt" IS NOT NULL AND NOT EXISTS (
  SELECT 1 FROM "UsageEvent" e WHERE e.kind = 'purchase' AND e."promptId" = p."promptId" AND e."actorId" = p."buyerId")
UNION ALL
SELECT 'refund'::"UsageEventKind", p."updatedAt", p."promptId", p."sellerId", p."buyerId", p."buyerId", 'web'::"UsageSource", -p."refundedCents"
FROM "Purchase" p
WHERE p."paidAt" IS NOT NULL AND p."refundedCents" > 0 AND NOT EXISTS (
  SELECT 1 FROM "UsageEvent" e WHERE e.kind = 'refund' AND e."promptId" = p."promptId" AND e."actorId" = p."buyerId")`;

/** Returns how many events it wrote. */
export function backfillSalesEvents(db: DbOrTx): Promise<number> {
  return db.$executeRawUnsafe(BACKFILL_SALES_EVENTS_SQL);
}
