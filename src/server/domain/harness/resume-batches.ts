// Batches a stopped server left unfinished (queued, or running when it stopped): their ids, for the
// start-up resume to send each its event again. Their pending cells run; stored cells never repeat.
import "server-only";
import type { Db } from "@/server/db/prisma";

export async function unfinishedBatchIds(db: Db, createdBefore: Date): Promise<string[]> {
  const batches = await db.harnessBatch.findMany({
    where: { status: { in: ["queued", "running"] }, createdAt: { lt: createdBefore } },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  return batches.map((b) => b.id);
}
