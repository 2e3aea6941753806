-- AlterTable
ALTER TABLE "Prompt" ADD COLUMN     "captureCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lastCapturedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Capture" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "apiKeyId" TEXT,
    "provider" TEXT NOT NULL,
    "endpoint" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "model" TEXT,
    "status" INTEGER NOT NULL,
    "error" TEXT,
    "stream" BOOLEAN NOT NULL DEFAULT false,
    "captureMode" TEXT NOT NULL DEFAULT 'full',
    "requestBody" JSONB,
    "systemPrompt" TEXT,
    "promptText" TEXT,
    "responseText" TEXT,
    "latencyMs" INTEGER NOT NULL,
    "ttfbMs" INTEGER,
    "inputTokens" INTEGER,
    "outputTokens" INTEGER,
    "cachedTokens" INTEGER,
    "tokensEstimated" BOOLEAN NOT NULL DEFAULT false,
    "costUsd" DECIMAL(18,10),
    "endUser" TEXT,
    "sessionId" TEXT,
    "properties" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decision" TEXT,
    "similarity" DOUBLE PRECISION,
    "matchedPromptId" TEXT,
    "resultPromptId" TEXT,
    "embeddingModel" TEXT,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "Capture_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PromptEmbedding" (
    "promptId" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "textHash" TEXT NOT NULL,
    "local256" vector(256),
    "openai1536" vector(1536),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PromptEmbedding_pkey" PRIMARY KEY ("promptId","model")
);

-- CreateIndex
CREATE INDEX "Capture_ownerId_createdAt_idx" ON "Capture"("ownerId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Capture_ownerId_model_createdAt_idx" ON "Capture"("ownerId", "model", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Capture_ownerId_status_createdAt_idx" ON "Capture"("ownerId", "status", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Capture_resultPromptId_idx" ON "Capture"("resultPromptId");

-- CreateIndex
CREATE INDEX "PromptEmbedding_ownerId_model_idx" ON "PromptEmbedding"("ownerId", "model");

-- AddForeignKey
ALTER TABLE "Capture" ADD CONSTRAINT "Capture_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Capture" ADD CONSTRAINT "Capture_matchedPromptId_fkey" FOREIGN KEY ("matchedPromptId") REFERENCES "Prompt"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Capture" ADD CONSTRAINT "Capture_resultPromptId_fkey" FOREIGN KEY ("resultPromptId") REFERENCES "Prompt"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromptEmbedding" ADD CONSTRAINT "PromptEmbedding_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "Prompt"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- pgvector HNSW indexes (cosine), one per embedding model column. Prisma cannot declare HNSW
-- indexes; the drift test knows these names (src/server/db/unmanaged-indexes.ts).
CREATE INDEX "PromptEmbedding_local256_hnsw" ON "PromptEmbedding" USING hnsw ("local256" vector_cosine_ops);
CREATE INDEX "PromptEmbedding_openai1536_hnsw" ON "PromptEmbedding" USING hnsw ("openai1536" vector_cosine_ops);
