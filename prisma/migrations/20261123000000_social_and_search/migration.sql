-- Trigram similarity for fuzzy title search (typos, partial words).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- AlterTable
ALTER TABLE "Prompt" ADD COLUMN     "commentCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "forkCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "likeCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "ratingCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "ratingScore" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "ratingSum" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "searchVector" tsvector,
ADD COLUMN     "trendingScore" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "viewCount" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "Like" (
    "userId" TEXT NOT NULL,
    "promptId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Like_pkey" PRIMARY KEY ("userId","promptId")
);

-- CreateTable
CREATE TABLE "Rating" (
    "userId" TEXT NOT NULL,
    "promptId" TEXT NOT NULL,
    "stars" INTEGER NOT NULL,
    "review" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Rating_pkey" PRIMARY KEY ("userId","promptId")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL,
    "promptId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "parentId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "editedAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Follow" (
    "followerId" TEXT NOT NULL,
    "followeeId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Follow_pkey" PRIMARY KEY ("followerId","followeeId")
);

-- CreateTable
CREATE TABLE "PromptViewDay" (
    "promptId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PromptViewDay_pkey" PRIMARY KEY ("promptId","day")
);

-- CreateIndex
CREATE INDEX "Like_promptId_createdAt_idx" ON "Like"("promptId", "createdAt");

-- CreateIndex
CREATE INDEX "Rating_promptId_updatedAt_idx" ON "Rating"("promptId", "updatedAt");

-- CreateIndex
CREATE INDEX "Comment_promptId_parentId_createdAt_idx" ON "Comment"("promptId", "parentId", "createdAt");

-- CreateIndex
CREATE INDEX "Comment_parentId_createdAt_idx" ON "Comment"("parentId", "createdAt");

-- CreateIndex
CREATE INDEX "Follow_followeeId_createdAt_idx" ON "Follow"("followeeId", "createdAt");

-- CreateIndex
CREATE INDEX "Prompt_visibility_trendingScore_idx" ON "Prompt"("visibility", "trendingScore" DESC);

-- CreateIndex
CREATE INDEX "Prompt_visibility_likeCount_idx" ON "Prompt"("visibility", "likeCount" DESC);

-- CreateIndex
CREATE INDEX "Prompt_visibility_ratingScore_idx" ON "Prompt"("visibility", "ratingScore" DESC);

-- CreateIndex
CREATE INDEX "Prompt_searchVector_idx" ON "Prompt" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Prompt_title_trgm_idx" ON "Prompt" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Prompt_tags_idx" ON "Prompt" USING GIN ("tags");

-- AddForeignKey
ALTER TABLE "Like" ADD CONSTRAINT "Like_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Like" ADD CONSTRAINT "Like_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "Prompt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "Prompt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "Prompt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_followerId_fkey" FOREIGN KEY ("followerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_followeeId_fkey" FOREIGN KEY ("followeeId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromptViewDay" ADD CONSTRAINT "PromptViewDay_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "Prompt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Rules the database enforces itself.
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_stars_range" CHECK ("stars" BETWEEN 1 AND 5);
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_not_self" CHECK ("followerId" <> "followeeId");
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_body_length" CHECK (char_length("body") <= 5000);

-- Full-text search document: title (A), tags (B), description (C), latest body (D).
CREATE FUNCTION "prompt_search_document"(title TEXT, tags TEXT[], description TEXT, body TEXT) RETURNS tsvector
LANGUAGE sql IMMUTABLE AS $$
  SELECT setweight(to_tsvector('english', coalesce(title, '')), 'A')
      || setweight(to_tsvector('english', array_to_string(coalesce(tags, '{}'), ' ')), 'B')
      || setweight(to_tsvector('english', coalesce(description, '')), 'C')
      || setweight(to_tsvector('english', left(coalesce(body, ''), 20000)), 'D')
$$;

CREATE FUNCTION "prompt_search_refresh"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := "prompt_search_document"(NEW."title", NEW."tags", NEW."description",
    (SELECT v."body" FROM "PromptVersion" v WHERE v."promptId" = NEW."id" ORDER BY v."number" DESC LIMIT 1));
  RETURN NEW;
END;
$$;

-- Only changes to searchable fields recompute the document (counter updates do not).
CREATE TRIGGER "Prompt_search_refresh" BEFORE INSERT OR UPDATE OF "title", "description", "tags" ON "Prompt"
  FOR EACH ROW EXECUTE FUNCTION "prompt_search_refresh"();

CREATE FUNCTION "prompt_version_search_refresh"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Prompt" p SET "searchVector" = "prompt_search_document"(p."title", p."tags", p."description", NEW."body")
  WHERE p."id" = NEW."promptId";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "PromptVersion_search_refresh" AFTER INSERT ON "PromptVersion"
  FOR EACH ROW EXECUTE FUNCTION "prompt_version_search_refresh"();

-- Backfill what existed before this migration.
UPDATE "Prompt" p SET "searchVector" = "prompt_search_document"(p."title", p."tags", p."description",
  (SELECT v."body" FROM "PromptVersion" v WHERE v."promptId" = p."id" ORDER BY v."number" DESC LIMIT 1));
UPDATE "Prompt" p SET "forkCount" = (
  SELECT count(*) FROM "Prompt" f JOIN "PromptVersion" v ON v."id" = f."forkedFromVersionId"
  WHERE v."promptId" = p."id" AND f."visibility" = 'public');
-- A prompt's creation is its first trending event (weight 1; see src/server/domain/social/trending.ts).
UPDATE "Prompt" SET "trendingScore" = (extract(epoch FROM "createdAt") - 1767225600) / 373947.0;
