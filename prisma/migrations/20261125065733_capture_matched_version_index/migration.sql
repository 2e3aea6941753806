CREATE INDEX "Capture_matchedVersionId_createdAt_idx" ON "Capture"("matchedVersionId", "createdAt");
