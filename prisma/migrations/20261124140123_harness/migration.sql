CREATE TABLE "HarnessRun" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "promptId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "variables" JSONB NOT NULL DEFAULT '{}',
    "renderedText" TEXT NOT NULL,
    "candidateBody" TEXT,
    "assertions" JSONB NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'running',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "HarnessRun_pkey" PRIMARY KEY ("id")
);
CREATE TABLE "HarnessResult" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "provider" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "output" TEXT NOT NULL DEFAULT '',
    "inputTokens" INTEGER,
    "outputTokens" INTEGER,
    "tokensEstimated" BOOLEAN NOT NULL DEFAULT false,
    "costUsd" DECIMAL(18,10),
    "ttftMs" INTEGER,
    "latencyMs" INTEGER,
    "finishReason" TEXT,
    "error" TEXT,
    "assertions" JSONB NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'pending',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "HarnessResult_pkey" PRIMARY KEY ("id")
);
CREATE TABLE "HarnessBatch" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "promptId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "models" JSONB NOT NULL,
    "assertions" JSONB NOT NULL DEFAULT '[]',
    "rowCount" INTEGER NOT NULL,
    "cellCount" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "HarnessBatch_pkey" PRIMARY KEY ("id")
);
CREATE TABLE "HarnessBatchRow" (
    "batchId" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "variables" JSONB NOT NULL,
    "renderedText" TEXT NOT NULL,

    CONSTRAINT "HarnessBatchRow_pkey" PRIMARY KEY ("batchId","index")
);
CREATE TABLE "HarnessBatchCell" (
    "id" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "rowIndex" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "provider" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "output" TEXT NOT NULL DEFAULT '',
    "inputTokens" INTEGER,
    "outputTokens" INTEGER,
    "tokensEstimated" BOOLEAN NOT NULL DEFAULT false,
    "costUsd" DECIMAL(18,10),
    "ttftMs" INTEGER,
    "latencyMs" INTEGER,
    "finishReason" TEXT,
    "error" TEXT,
    "assertions" JSONB NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'pending',
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "HarnessBatchCell_pkey" PRIMARY KEY ("id")
);
CREATE TABLE "ModelProvider" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "baseUrl" TEXT NOT NULL,
    "keyCiphertext" TEXT,
    "keyHint" TEXT,
    "models" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ModelProvider_pkey" PRIMARY KEY ("id")
);
CREATE TABLE "ListingEvidence" (
    "id" TEXT NOT NULL,
    "listingId" TEXT NOT NULL,
    "runId" TEXT,
    "batchId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ListingEvidence_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "HarnessRun_versionId_ownerId_createdAt_idx" ON "HarnessRun"("versionId", "ownerId", "createdAt" DESC);
CREATE INDEX "HarnessRun_ownerId_createdAt_idx" ON "HarnessRun"("ownerId", "createdAt" DESC);
CREATE UNIQUE INDEX "HarnessResult_runId_position_key" ON "HarnessResult"("runId", "position");
CREATE INDEX "HarnessBatch_versionId_ownerId_createdAt_idx" ON "HarnessBatch"("versionId", "ownerId", "createdAt" DESC);
CREATE INDEX "HarnessBatch_status_idx" ON "HarnessBatch"("status");
CREATE INDEX "HarnessBatchCell_batchId_status_idx" ON "HarnessBatchCell"("batchId", "status");
CREATE UNIQUE INDEX "HarnessBatchCell_batchId_rowIndex_position_key" ON "HarnessBatchCell"("batchId", "rowIndex", "position");
CREATE UNIQUE INDEX "ModelProvider_ownerId_name_key" ON "ModelProvider"("ownerId", "name");
CREATE INDEX "ListingEvidence_listingId_createdAt_idx" ON "ListingEvidence"("listingId", "createdAt");
CREATE UNIQUE INDEX "ListingEvidence_listingId_runId_key" ON "ListingEvidence"("listingId", "runId");
CREATE UNIQUE INDEX "ListingEvidence_listingId_batchId_key" ON "ListingEvidence"("listingId", "batchId");
ALTER TABLE "HarnessRun" ADD CONSTRAINT "HarnessRun_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "PromptVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "HarnessRun" ADD CONSTRAINT "HarnessRun_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "Prompt"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "HarnessRun" ADD CONSTRAINT "HarnessRun_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "HarnessResult" ADD CONSTRAINT "HarnessResult_runId_fkey" FOREIGN KEY ("runId") REFERENCES "HarnessRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "HarnessBatch" ADD CONSTRAINT "HarnessBatch_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "PromptVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "HarnessBatch" ADD CONSTRAINT "HarnessBatch_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "Prompt"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "HarnessBatch" ADD CONSTRAINT "HarnessBatch_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "HarnessBatchRow" ADD CONSTRAINT "HarnessBatchRow_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "HarnessBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "HarnessBatchCell" ADD CONSTRAINT "HarnessBatchCell_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "HarnessBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ModelProvider" ADD CONSTRAINT "ModelProvider_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ListingEvidence" ADD CONSTRAINT "ListingEvidence_listingId_fkey" FOREIGN KEY ("listingId") REFERENCES "Listing"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ListingEvidence" ADD CONSTRAINT "ListingEvidence_runId_fkey" FOREIGN KEY ("runId") REFERENCES "HarnessRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ListingEvidence" ADD CONSTRAINT "ListingEvidence_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "HarnessBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;
