-- Purchase and refund events for the sales made before usage events existed (domain/analytics/backfill-sales-events.ts).
INSERT INTO "UsageEvent" ("kind", "at", "promptId", "ownerId", "actorId", "viewerKey", "source", "amountCents")
SELECT 'purchase'::"UsageEventKind", p."paidAt", p."promptId", p."sellerId", p."buyerId", p."buyerId", 'web'::"UsageSource", p."amountCents"
FROM "Purchase" p
WHERE p."paidAt" IS NOT NULL AND NOT EXISTS (
  SELECT 1 FROM "UsageEvent" e WHERE e.kind = 'purchase' AND e."promptId" = p."promptId" AND e."actorId" = p."buyerId")
UNION ALL
SELECT 'refund'::"UsageEventKind", p."updatedAt", p."promptId", p."sellerId", p."buyerId", p."buyerId", 'web'::"UsageSource", -p."refundedCents"
FROM "Purchase" p
WHERE p."paidAt" IS NOT NULL AND p."refundedCents" > 0 AND NOT EXISTS (
  SELECT 1 FROM "UsageEvent" e WHERE e.kind = 'refund' AND e."promptId" = p."promptId" AND e."actorId" = p."buyerId");
