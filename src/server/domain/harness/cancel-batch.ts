// harness.cancel: a queued or running batch stops. Calls in flight in this process are aborted at
// once (another process's chunk sees the status within its poll); finished cells are kept, the rest
// stay pending. Cancelling a cancelled batch changes nothing; a finished one cannot be cancelled.
import "server-only";
import type { Db } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { ConflictError } from "../errors";
import { findOwnBatch } from "./batch-access";
import { abortBatchInFlight } from "./batch-in-flight";

export async function cancelBatch(db: Db, actor: Actor, batchId: string): Promise<{ status: string }> {
  const batch = await findOwnBatch(db, actor, batchId);
  if (batch.status === "cancelled") return { status: "cancelled" };
  const changed = await db.harnessBatch.updateMany({ where: { id: batchId, status: { in: ["queued", "running"] } }, data: { status: "cancelled", finishedAt: new Date() } });
  if (changed.count === 0) {
    const now = await findOwnBatch(db, actor, batchId);
    if (now.status === "cancelled") return { status: "cancelled" };
    throw new ConflictError(`This batch has already ${now.status === "done" ? "finished" : "failed"}; there is nothing to cancel.`);
  }
  abortBatchInFlight(batchId);
  return { status: "cancelled" };
}
