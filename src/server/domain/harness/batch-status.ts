// harness.batchStatus: what the progress bar shows, cheap enough to poll every half second: cells
// done, failed and pending (one grouped count on the batch's status index), the share finished, and
// an estimate of the time left from the rate of the last few seconds (so a resumed batch's pause
// does not skew it).
import "server-only";
import type { Db } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { findOwnBatch } from "./batch-access";

const RATE_WINDOW_MS = 5_000;

export type BatchStatus = {
  batchId: string;
  status: string;
  error: string | null;
  rowCount: number;
  cellCount: number;
  done: number;
  errored: number;
  pending: number;
  /** Finished cells (done or failed) over all cells, 0..1. */
  progress: number;
  /** Cells finished per second over the last few seconds. */
  cellsPerSecond: number;
  /** Milliseconds left at that rate, null when unknown or not running. */
  etaMs: number | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

export async function batchStatus(db: Db, actor: Actor, batchId: string): Promise<BatchStatus> {
  const batch = await findOwnBatch(db, actor, batchId);
  // Over the last few seconds, or since the start when it is more recent (else the rate reads low).
  const now = Date.now();
  const windowMs = Math.max(1000, Math.min(RATE_WINDOW_MS, now - (batch.startedAt?.getTime() ?? now)));
  const since = new Date(now - windowMs);
  const [groups, pendingByModel, recentByModel] = await Promise.all([
    db.harnessBatchCell.groupBy({ by: ["status"], where: { batchId }, _count: { _all: true } }),
    batch.status === "running" ? db.harnessBatchCell.groupBy({ by: ["position"], where: { batchId, status: "pending" }, _count: { _all: true } }) : Promise.resolve([]),
    batch.status === "running"
      ? db.harnessBatchCell.groupBy({ by: ["position"], where: { batchId, status: { not: "pending" }, finishedAt: { gte: since } }, _count: { _all: true } })
      : Promise.resolve([]),
  ]);
  const count = (s: string) => groups.find((g) => g.status === s)?._count._all ?? 0;
  const done = count("done");
  const errored = count("error");
  const pending = count("pending");
  const recent = recentByModel.reduce((sum, g) => sum + g._count._all, 0);
  const cellsPerSecond = recent / (windowMs / 1000);
  // Each model drains at its own pace (a slow model's cells queue behind the provider limit while a
  // fast one's are long done): the batch ends when its slowest model does. A model with cells left
  // and none finished lately gives no estimate yet (null), rather than an optimistic one.
  let etaMs: number | null = null;
  if (batch.status === "running" && pendingByModel.length) {
    const seconds = (position: number) => (recentByModel.find((g) => g.position === position)?._count._all ?? 0) / (windowMs / 1000);
    const left = pendingByModel.map((g) => (seconds(g.position) > 0 ? (g._count._all / seconds(g.position)) * 1000 : Infinity));
    const slowest = Math.max(...left);
    etaMs = Number.isFinite(slowest) ? Math.round(slowest) : null;
  }
  return {
    batchId: batch.id,
    status: batch.status,
    error: batch.error,
    rowCount: batch.rowCount,
    cellCount: batch.cellCount,
    done,
    errored,
    pending,
    progress: batch.cellCount ? (done + errored) / batch.cellCount : 1,
    cellsPerSecond,
    etaMs,
    createdAt: batch.createdAt,
    startedAt: batch.startedAt,
    finishedAt: batch.finishedAt,
  };
}
