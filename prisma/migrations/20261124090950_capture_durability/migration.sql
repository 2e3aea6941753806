-- Captures whose text was repaired to be storable (NUL, unpaired surrogates), and when a sweep last
-- re-queued a capture for prompt identity.
ALTER TABLE "Capture" ADD COLUMN     "identityQueuedAt" TIMESTAMP(3),
ADD COLUMN     "textRepaired" BOOLEAN NOT NULL DEFAULT false;

-- Captures whose identity is not done, oldest first: the sweep that re-queues them reads only these
-- (schema.prisma cannot declare a partial index; see src/server/db/unmanaged-indexes.ts).
CREATE INDEX "Capture_identity_pending" ON "Capture" ("createdAt", "id") WHERE "processedAt" IS NULL;
