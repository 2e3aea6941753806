// A batch is read and changed by its owner only; anyone else is told it does not exist.
import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { NotFoundError } from "../errors";

export async function findOwnBatch(db: DbOrTx, actor: Actor, batchId: string) {
  const batch = await db.harnessBatch.findUnique({ where: { id: batchId } });
  if (!batch || batch.ownerId !== actor.id) throw new NotFoundError("Batch");
  return batch;
}
