ALTER TABLE "Capture" ADD COLUMN     "detectedPromptId" TEXT,
ADD COLUMN     "identityHash" TEXT,
ADD COLUMN     "matchedVersionId" TEXT,
ADD COLUMN     "templateId" TEXT,
ADD COLUMN     "templateValues" JSONB,
ADD COLUMN     "variableValues" JSONB;
CREATE TABLE "DetectedPrompt" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "identityText" TEXT NOT NULL,
    "identityHash" TEXT NOT NULL,
    "exampleText" TEXT NOT NULL,
    "callCount" INTEGER NOT NULL DEFAULT 0,
    "costUsd" DECIMAL(18,10) NOT NULL DEFAULT 0,
    "models" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "firstSeenAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "templateId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'detected',
    "promotedPromptId" TEXT,
    "suggestedForkOfPromptId" TEXT,
    "suggestedSimilarity" DOUBLE PRECISION,
    "embeddingModel" TEXT,
    "local256" vector(256),
    "openai1536" vector(1536),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DetectedPrompt_pkey" PRIMARY KEY ("id")
);
CREATE TABLE "PromptTemplate" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "shell" TEXT NOT NULL,
    "variables" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "memberCount" INTEGER NOT NULL DEFAULT 0,
    "captureCount" INTEGER NOT NULL DEFAULT 0,
    "firstSeenAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "promotedPromptId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PromptTemplate_pkey" PRIMARY KEY ("id")
);
CREATE TABLE "BackgroundJob" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "ownerId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "total" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "result" JSONB,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "BackgroundJob_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "DetectedPrompt_ownerId_status_lastSeenAt_idx" ON "DetectedPrompt"("ownerId", "status", "lastSeenAt" DESC);
CREATE UNIQUE INDEX "DetectedPrompt_ownerId_identityHash_key" ON "DetectedPrompt"("ownerId", "identityHash");
CREATE INDEX "PromptTemplate_ownerId_lastSeenAt_idx" ON "PromptTemplate"("ownerId", "lastSeenAt" DESC);
CREATE INDEX "BackgroundJob_kind_ownerId_createdAt_idx" ON "BackgroundJob"("kind", "ownerId", "createdAt" DESC);
CREATE INDEX "Capture_ownerId_identityHash_idx" ON "Capture"("ownerId", "identityHash");
CREATE INDEX "Capture_detectedPromptId_createdAt_idx" ON "Capture"("detectedPromptId", "createdAt" DESC);
CREATE INDEX "Capture_templateId_createdAt_idx" ON "Capture"("templateId", "createdAt" DESC);
ALTER TABLE "Capture" ADD CONSTRAINT "Capture_detectedPromptId_fkey" FOREIGN KEY ("detectedPromptId") REFERENCES "DetectedPrompt"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Capture" ADD CONSTRAINT "Capture_matchedVersionId_fkey" FOREIGN KEY ("matchedVersionId") REFERENCES "PromptVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Capture" ADD CONSTRAINT "Capture_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "PromptTemplate"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "DetectedPrompt" ADD CONSTRAINT "DetectedPrompt_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "DetectedPrompt" ADD CONSTRAINT "DetectedPrompt_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "PromptTemplate"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "DetectedPrompt" ADD CONSTRAINT "DetectedPrompt_promotedPromptId_fkey" FOREIGN KEY ("promotedPromptId") REFERENCES "Prompt"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "DetectedPrompt" ADD CONSTRAINT "DetectedPrompt_suggestedForkOfPromptId_fkey" FOREIGN KEY ("suggestedForkOfPromptId") REFERENCES "Prompt"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "PromptTemplate" ADD CONSTRAINT "PromptTemplate_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PromptTemplate" ADD CONSTRAINT "PromptTemplate_promotedPromptId_fkey" FOREIGN KEY ("promotedPromptId") REFERENCES "Prompt"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "BackgroundJob" ADD CONSTRAINT "BackgroundJob_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Detected prompts are compared by embedding like library prompts (HNSW, cosine); see
-- src/server/db/unmanaged-indexes.ts.
CREATE INDEX "DetectedPrompt_local256_hnsw" ON "DetectedPrompt" USING hnsw ("local256" vector_cosine_ops);
CREATE INDEX "DetectedPrompt_openai1536_hnsw" ON "DetectedPrompt" USING hnsw ("openai1536" vector_cosine_ops);

-- Captured prompts leave the library: every prompt the proxy created (private, tagged only
-- "captured", the proxy's description, one version written by the proxy) that nobody touched since
-- (no likes, ratings, comments, listing, sales, harness runs, archive, and no fork that is not
-- itself such a prompt) becomes a Detected inbox entry; its captures point at the entry.
CREATE TEMP TABLE "_capture_made" ON COMMIT DROP AS
SELECT p.id AS prompt_id, p."ownerId" AS owner_id, p.title, v.body,
       encode(sha256(convert_to(v.body, 'UTF8')), 'hex') AS hash,
       p."createdAt" AS created_at, COALESCE(p."lastCapturedAt", p."createdAt") AS last_seen,
       p."captureCount" AS capture_count, parent."promptId" AS parent_prompt_id
FROM "Prompt" p
JOIN "PromptVersion" v ON v."promptId" = p.id
LEFT JOIN "PromptVersion" parent ON parent.id = p."forkedFromVersionId"
WHERE p.tags = ARRAY['captured']::TEXT[]
  AND p.description LIKE 'Captured by the proxy from %'
  AND p.visibility = 'private'
  AND p."archivedAt" IS NULL
  AND v.changelog IN ('Captured', 'Captured variant')
  AND (SELECT count(*) FROM "PromptVersion" o WHERE o."promptId" = p.id) = 1
  AND p."likeCount" = 0 AND p."ratingCount" = 0 AND p."commentCount" = 0
  AND NOT EXISTS (SELECT 1 FROM "Listing" l WHERE l."promptId" = p.id)
  AND NOT EXISTS (SELECT 1 FROM "Purchase" b WHERE b."promptId" = p.id)
  AND NOT EXISTS (SELECT 1 FROM "License" x WHERE x."promptId" = p.id)
  AND NOT EXISTS (SELECT 1 FROM "HarnessRun" r WHERE r."promptId" = p.id)
  AND NOT EXISTS (SELECT 1 FROM "HarnessBatch" h WHERE h."promptId" = p.id);

DELETE FROM "_capture_made" m
WHERE EXISTS (
  SELECT 1 FROM "Prompt" child JOIN "PromptVersion" v ON v.id = child."forkedFromVersionId"
  WHERE v."promptId" = m.prompt_id AND child.id NOT IN (SELECT prompt_id FROM "_capture_made")
);

INSERT INTO "DetectedPrompt" ("id", "ownerId", "title", "identityText", "identityHash", "exampleText", "callCount",
                              "firstSeenAt", "lastSeenAt", "suggestedForkOfPromptId", "updatedAt")
SELECT 'det_' || substr(md5(owner_id || ':' || hash), 1, 24), owner_id, min(title), min(body), hash, min(body),
       sum(capture_count), min(created_at), max(last_seen),
       min(parent_prompt_id) FILTER (WHERE parent_prompt_id NOT IN (SELECT prompt_id FROM "_capture_made")), now()
FROM "_capture_made"
GROUP BY owner_id, hash
ON CONFLICT ("ownerId", "identityHash") DO NOTHING;

UPDATE "Capture" c
SET "detectedPromptId" = 'det_' || substr(md5(m.owner_id || ':' || m.hash), 1, 24),
    "decision" = CASE WHEN c."matchedPromptId" IS NOT NULL AND c."matchedPromptId" NOT IN (SELECT prompt_id FROM "_capture_made") THEN 'variant' ELSE 'new' END,
    "matchedPromptId" = CASE WHEN c."matchedPromptId" IN (SELECT prompt_id FROM "_capture_made") THEN NULL ELSE c."matchedPromptId" END,
    "resultPromptId" = NULL
FROM "_capture_made" m
WHERE c."resultPromptId" = m.prompt_id;

UPDATE "DetectedPrompt" d
SET "callCount" = GREATEST(d."callCount", s.calls), "costUsd" = s.cost, "models" = s.models,
    "lastSeenAt" = GREATEST(d."lastSeenAt", s.last_seen)
FROM (
  SELECT "detectedPromptId" AS id, count(*)::int AS calls, COALESCE(sum("costUsd"), 0) AS cost,
         COALESCE(array_agg(DISTINCT model) FILTER (WHERE model IS NOT NULL), ARRAY[]::TEXT[]) AS models,
         max("createdAt") AS last_seen
  FROM "Capture" WHERE "detectedPromptId" IS NOT NULL GROUP BY "detectedPromptId"
) s
WHERE d.id = s.id;

DELETE FROM "Prompt" WHERE id IN (SELECT prompt_id FROM "_capture_made");
