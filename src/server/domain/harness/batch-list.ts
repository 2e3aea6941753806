// harness.batchList: the actor's own batches of a version or of a prompt, newest first, with their
// progress counts. The version or prompt must be one they can read (NOT_FOUND otherwise).
import "server-only";
import type { Db } from "@/server/db/prisma";
import type { ModelChoice } from "@/shared/harness/run-fields";
import type { Actor } from "../actor";
import { findReadablePrompt, findReadableVersion } from "../access/prompt-access";

const LIMIT = 50;

export async function listBatches(db: Db, actor: Actor, input: { versionId?: string; promptId?: string }) {
  const where = input.versionId
    ? { versionId: (await findReadableVersion(db, actor, input.versionId)).id }
    : { promptId: (await findReadablePrompt(db, actor, input.promptId ?? "")).id };
  const batches = await db.harnessBatch.findMany({
    where: { ...where, ownerId: actor.id },
    orderBy: { createdAt: "desc" },
    take: LIMIT,
    include: { version: { select: { number: true } } },
  });
  const counts = batches.length
    ? await db.harnessBatchCell.groupBy({ by: ["batchId", "status"], where: { batchId: { in: batches.map((b) => b.id) } }, _count: { _all: true } })
    : [];
  const count = (batchId: string, status: string) => counts.find((c) => c.batchId === batchId && c.status === status)?._count._all ?? 0;
  return batches.map((b) => ({
    id: b.id,
    versionId: b.versionId,
    versionNumber: b.version.number,
    status: b.status,
    models: (b.models as ModelChoice[]).map(({ provider, model }) => ({ provider, model })),
    rowCount: b.rowCount,
    cellCount: b.cellCount,
    done: count(b.id, "done"),
    errored: count(b.id, "error"),
    pending: count(b.id, "pending"),
    createdAt: b.createdAt,
    finishedAt: b.finishedAt,
  }));
}
