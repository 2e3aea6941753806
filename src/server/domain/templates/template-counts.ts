// A template's counts (distinct texts, calls, first and last seen) move with the captures that join
// it between re-clusters; a re-cluster recomputes them all from the captures (recluster-owner.ts).
import "server-only";
import type { Tx } from "@/server/db/prisma";

/**
 * One more capture joined the template incrementally (identity's fit): a call more, a member more
 * when no other capture of the template has its text, seen dates widened. Call it in the
 * transaction that links the capture.
 */
export async function countTemplateCall(tx: Tx, call: { templateId: string; ownerId: string; captureId: string; promptText: string; createdAt: Date }) {
  await tx.$executeRaw`
    UPDATE "PromptTemplate" t SET
      "captureCount" = t."captureCount" + 1,
      "memberCount" = t."memberCount" + CASE WHEN EXISTS (
        SELECT 1 FROM "Capture" c WHERE c."templateId" = t.id AND c.id <> ${call.captureId} AND c."promptText" = ${call.promptText}::text
      ) THEN 0 ELSE 1 END,
      "firstSeenAt" = LEAST(t."firstSeenAt", ${call.createdAt}::timestamp),
      "lastSeenAt" = GREATEST(t."lastSeenAt", ${call.createdAt}::timestamp),
      "updatedAt" = now()
    WHERE t.id = ${call.templateId} AND t."ownerId" = ${call.ownerId}`;
}
