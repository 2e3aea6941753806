// A run whose process died (a crash, a deploy) would stay "running" for ever, and its viewers
// would wait for ever. Every cell has a deadline (HARNESS_TIMEOUT_MS for the call, as much again
// for a judge model), so a run still running well past both can no longer finish anywhere: its
// unfinished cells become errors and the run is done. Checked whenever such a run is read.
import "server-only";
import { env } from "@/env";
import type { Db } from "@/server/db/prisma";
import { isLiveHere } from "./live-run-bus";

export const INTERRUPTED = "interrupted: the server stopped before this model finished";

/** The longest a run can take anywhere: the call's deadline, the judge's, and a margin for writes. */
export const abandonAfterMs = () => 2 * env.HARNESS_TIMEOUT_MS + 60_000;

export function looksAbandoned(run: { id: string; status: string; createdAt: Date }, now = Date.now()): boolean {
  return run.status === "running" && !isLiveHere(run.id) && now - run.createdAt.getTime() > abandonAfterMs();
}

/** Ends an abandoned run (idempotent: only cells and runs still unfinished change). */
export async function settleAbandonedRun(db: Db, runId: string) {
  const finishedAt = new Date();
  await db.$transaction([
    db.harnessResult.updateMany({ where: { runId, status: { in: ["pending", "running"] } }, data: { status: "error", error: INTERRUPTED, finishedAt } }),
    db.harnessRun.updateMany({ where: { id: runId, status: "running" }, data: { status: "done", finishedAt } }),
  ]);
}
