// Re-clustering as a background job: asked for by the owner (template.recluster, the CLI) or by the
// schedule, run by inngest/functions/template-recluster.ts, its progress in a BackgroundJob row the
// Templates page polls. One live job per owner: asking again while one is queued or running joins it.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Db, DbOrTx } from "@/server/db/prisma";
import { sendEvent } from "@/server/jobs/send-event";
import { failJob, finishJob, openJob, startJob } from "../background-jobs/background-jobs";
import { reclusterOwner, type ReclusterOptions, type ReclusterResult } from "./recluster-owner";
import { RECLUSTER_JOB } from "./template-queries";

/** Opens (or joins) the owner's re-cluster job and, for a new one, sends the event that runs it. */
export async function requestRecluster(db: DbOrTx, ownerId: string): Promise<{ jobId: string; created: boolean }> {
  const { job, created } = await openJob(db, RECLUSTER_JOB, ownerId);
  if (created) {
    try {
      await sendEvent("template/recluster.requested", { ownerId, jobId: job.id });
    } catch (error) {
      await failJob(db, job.id, error);
      throw error;
    }
  }
  return { jobId: job.id, created };
}

export type ReclusterJobOutcome = { jobId: string; state: "done" | "skipped"; result: ReclusterResult | null };

/**
 * Runs one re-cluster job: started, progress reported, finished with its result (or failed with
 * the error, which is rethrown so the job function retries). A job already done is not run again
 * (a second delivery of its event).
 */
export async function runReclusterJob(db: Db, ownerId: string, jobId: string, opts: Omit<ReclusterOptions, "jobId"> = {}): Promise<ReclusterJobOutcome> {
  const job = await db.backgroundJob.findFirst({ where: { id: jobId, ownerId, kind: RECLUSTER_JOB }, select: { status: true } });
  if (!job || job.status === "done") return { jobId, state: "skipped", result: null };
  await startJob(db, jobId, 0);
  try {
    const result = await reclusterOwner(db, ownerId, { ...opts, jobId });
    await finishJob(db, jobId, result as unknown as Prisma.InputJsonValue);
    return { jobId, state: "done", result };
  } catch (error) {
    await failJob(db, jobId, error);
    throw error;
  }
}

/** How far back the schedule looks for captures identity finished since an owner's last re-cluster. */
const LOOKBACK_DAYS = 7;
/** A queued or running job younger than this is live (as openJob sees it): the owner waits for it. */
const LIVE_JOB_MS = 15 * 60_000;

/**
 * Owners with inbox captures identified after their last finished re-cluster started (or never
 * re-clustered), and no job queued or running: the schedule asks for one each. Only captures created
 * in the last week are looked at, per user through the (owner, created) index.
 */
export async function ownersDueForRecluster(db: DbOrTx, opts: { limit: number; now?: Date }): Promise<string[]> {
  const since = new Date((opts.now ?? new Date()).getTime() - LOOKBACK_DAYS * 86_400_000);
  const rows = await db.$queryRaw<{ ownerId: string }[]>`
    SELECT u.id AS "ownerId"
    FROM "User" u
    CROSS JOIN LATERAL (
      SELECT max(COALESCE(j."startedAt", j."createdAt")) AS last
      FROM "BackgroundJob" j WHERE j.kind = ${RECLUSTER_JOB} AND j."ownerId" = u.id AND j.status IN ('done', 'failed')
    ) finished
    WHERE EXISTS (
        SELECT 1 FROM "Capture" c
        WHERE c."ownerId" = u.id AND c."createdAt" > ${since} AND c.decision IN ('new', 'variant') AND c."promptText" IS NOT NULL
          AND (finished.last IS NULL OR c."processedAt" > finished.last))
      AND NOT EXISTS (
        SELECT 1 FROM "BackgroundJob" j WHERE j.kind = ${RECLUSTER_JOB} AND j."ownerId" = u.id AND j.status IN ('queued', 'running')
          AND j."createdAt" > ${new Date((opts.now ?? new Date()).getTime() - LIVE_JOB_MS)})
    ORDER BY u.id
    LIMIT ${opts.limit}`;
  return rows.map((r) => r.ownerId);
}
