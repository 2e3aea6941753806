CREATE TYPE "UsageEventKind" AS ENUM ('view', 'render', 'copy', 'fork', 'like', 'rate', 'comment', 'harness_run', 'captured_use', 'listing_view', 'purchase', 'refund');
CREATE TYPE "UsageSource" AS ENUM ('web', 'api', 'proxy', 'mcp');
CREATE TYPE "RollupGranularity" AS ENUM ('hour', 'day');
ALTER TABLE "Prompt" ADD COLUMN     "trending24h" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "trending30d" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "trending7d" DOUBLE PRECISION NOT NULL DEFAULT 0;
CREATE TABLE "UsageEvent" (
    "id" BIGSERIAL NOT NULL,
    "kind" "UsageEventKind" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "promptId" TEXT,
    "versionId" TEXT,
    "ownerId" TEXT,
    "actorId" TEXT,
    "viewerKey" TEXT,
    "source" "UsageSource" NOT NULL,
    "apiKeyId" TEXT,
    "amountCents" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "UsageEvent_pkey" PRIMARY KEY ("id")
);
CREATE TABLE "UsageRollup" (
    "granularity" "RollupGranularity" NOT NULL,
    "bucket" TIMESTAMP(3) NOT NULL,
    "scope" TEXT NOT NULL,
    "scopeId" TEXT NOT NULL,
    "kind" "UsageEventKind" NOT NULL,
    "source" "UsageSource" NOT NULL,
    "count" INTEGER NOT NULL,
    "actors" INTEGER NOT NULL,
    "amountCents" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "UsageRollup_pkey" PRIMARY KEY ("granularity","scope","scopeId","bucket","kind","source")
);
CREATE TABLE "AnalyticsState" (
    "id" TEXT NOT NULL,
    "rolledUpTo" TIMESTAMP(3) NOT NULL,
    "trendingAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AnalyticsState_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "UsageEvent_at_idx" ON "UsageEvent"("at");
CREATE INDEX "UsageEvent_promptId_at_idx" ON "UsageEvent"("promptId", "at");
CREATE INDEX "UsageEvent_ownerId_at_idx" ON "UsageEvent"("ownerId", "at");
CREATE INDEX "UsageEvent_kind_promptId_viewerKey_at_idx" ON "UsageEvent"("kind", "promptId", "viewerKey", "at");
CREATE INDEX "UsageRollup_granularity_bucket_idx" ON "UsageRollup"("granularity", "bucket");
CREATE INDEX "Prompt_visibility_trending24h_idx" ON "Prompt"("visibility", "trending24h" DESC);
CREATE INDEX "Prompt_visibility_trending7d_idx" ON "Prompt"("visibility", "trending7d" DESC);
CREATE INDEX "Prompt_visibility_trending30d_idx" ON "Prompt"("visibility", "trending30d" DESC);
