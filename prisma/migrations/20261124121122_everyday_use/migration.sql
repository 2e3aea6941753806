CREATE TYPE "NotificationKind" AS ENUM ('comment_reply', 'prompt_comment', 'prompt_rating', 'new_follower', 'prompt_fork', 'listing_sale', 'listing_refund');
ALTER TABLE "Prompt" ADD COLUMN     "archivedAt" TIMESTAMP(3);
ALTER TABLE "User" ADD COLUMN     "deletedAt" TIMESTAMP(3);
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "actorId" TEXT,
    "promptId" TEXT,
    "commentId" TEXT,
    "purchaseId" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt" DESC);
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");
CREATE INDEX "Notification_promptId_idx" ON "Notification"("promptId");
CREATE INDEX "Notification_commentId_idx" ON "Notification"("commentId");
CREATE INDEX "Notification_purchaseId_idx" ON "Notification"("purchaseId");
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "Prompt"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_purchaseId_fkey" FOREIGN KEY ("purchaseId") REFERENCES "Purchase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Tags are one spelling each from now on (src/shared/prompts/tags.ts: trimmed, lower case, runs of
-- spaces to one dash, no repeated dashes), so "Customer Support" and "customer-support" are one tag.
-- Existing tags are rewritten the same way, keeping each prompt's first spelling and order.
UPDATE "Prompt" AS p
SET "tags" = n.tags
FROM (
  SELECT id, ARRAY(
    SELECT t FROM (
      SELECT DISTINCT ON (norm) norm AS t, ord
      FROM (
        SELECT btrim(regexp_replace(regexp_replace(lower(btrim(x)), '\s+', '-', 'g'), '-{2,}', '-', 'g'), '-') AS norm, ord
        FROM unnest("tags") WITH ORDINALITY AS u(x, ord)
      ) s
      WHERE norm <> ''
      ORDER BY norm, ord
    ) d ORDER BY ord
  ) AS tags
  FROM "Prompt"
) AS n
WHERE n.id = p.id AND n.tags IS DISTINCT FROM p.tags;
