ALTER TABLE "Prompt" ADD COLUMN     "favoriteCount" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "PromptLabel" ADD COLUMN     "splitPercent" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "splitVersionId" TEXT;
CREATE TABLE "PromptLabelMove" (
    "id" TEXT NOT NULL,
    "promptId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "fromNumber" INTEGER,
    "toNumber" INTEGER,
    "splitNumber" INTEGER,
    "splitPercent" INTEGER NOT NULL DEFAULT 0,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PromptLabelMove_pkey" PRIMARY KEY ("id")
);
CREATE TABLE "Favorite" (
    "userId" TEXT NOT NULL,
    "promptId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Favorite_pkey" PRIMARY KEY ("userId","promptId")
);
CREATE TABLE "Collection" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "visibility" "Visibility" NOT NULL DEFAULT 'private',
    "ownerId" TEXT NOT NULL,
    "orgId" TEXT,
    "followerCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Collection_pkey" PRIMARY KEY ("id")
);
CREATE TABLE "CollectionItem" (
    "id" TEXT NOT NULL,
    "collectionId" TEXT NOT NULL,
    "promptId" TEXT NOT NULL,
    "versionId" TEXT,
    "position" INTEGER NOT NULL,
    "addedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CollectionItem_pkey" PRIMARY KEY ("id")
);
CREATE TABLE "CollectionFollow" (
    "userId" TEXT NOT NULL,
    "collectionId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CollectionFollow_pkey" PRIMARY KEY ("userId","collectionId")
);
CREATE TABLE "ToolCollection" (
    "userId" TEXT NOT NULL,
    "collectionId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ToolCollection_pkey" PRIMARY KEY ("userId","collectionId")
);
CREATE INDEX "PromptLabelMove_promptId_createdAt_idx" ON "PromptLabelMove"("promptId", "createdAt");
CREATE INDEX "Favorite_promptId_idx" ON "Favorite"("promptId");
CREATE INDEX "Favorite_userId_createdAt_idx" ON "Favorite"("userId", "createdAt");
CREATE UNIQUE INDEX "Collection_slug_key" ON "Collection"("slug");
CREATE INDEX "Collection_ownerId_updatedAt_idx" ON "Collection"("ownerId", "updatedAt");
CREATE INDEX "Collection_orgId_updatedAt_idx" ON "Collection"("orgId", "updatedAt");
CREATE INDEX "Collection_visibility_updatedAt_idx" ON "Collection"("visibility", "updatedAt");
CREATE INDEX "CollectionItem_collectionId_position_idx" ON "CollectionItem"("collectionId", "position");
CREATE INDEX "CollectionItem_promptId_idx" ON "CollectionItem"("promptId");
CREATE INDEX "CollectionItem_collectionId_createdAt_idx" ON "CollectionItem"("collectionId", "createdAt");
CREATE UNIQUE INDEX "CollectionItem_collectionId_promptId_key" ON "CollectionItem"("collectionId", "promptId");
CREATE INDEX "CollectionFollow_collectionId_idx" ON "CollectionFollow"("collectionId");
CREATE INDEX "ToolCollection_collectionId_idx" ON "ToolCollection"("collectionId");
CREATE INDEX "PromptLabel_splitVersionId_idx" ON "PromptLabel"("splitVersionId");
ALTER TABLE "PromptLabel" ADD CONSTRAINT "PromptLabel_splitVersionId_fkey" FOREIGN KEY ("splitVersionId") REFERENCES "PromptVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "PromptLabelMove" ADD CONSTRAINT "PromptLabelMove_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "Prompt"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Favorite" ADD CONSTRAINT "Favorite_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Favorite" ADD CONSTRAINT "Favorite_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "Prompt"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Collection" ADD CONSTRAINT "Collection_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Collection" ADD CONSTRAINT "Collection_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CollectionItem" ADD CONSTRAINT "CollectionItem_collectionId_fkey" FOREIGN KEY ("collectionId") REFERENCES "Collection"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CollectionItem" ADD CONSTRAINT "CollectionItem_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "Prompt"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CollectionItem" ADD CONSTRAINT "CollectionItem_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "PromptVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "CollectionFollow" ADD CONSTRAINT "CollectionFollow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CollectionFollow" ADD CONSTRAINT "CollectionFollow_collectionId_fkey" FOREIGN KEY ("collectionId") REFERENCES "Collection"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ToolCollection" ADD CONSTRAINT "ToolCollection_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ToolCollection" ADD CONSTRAINT "ToolCollection_collectionId_fkey" FOREIGN KEY ("collectionId") REFERENCES "Collection"("id") ON DELETE CASCADE ON UPDATE CASCADE;
