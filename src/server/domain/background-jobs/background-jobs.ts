// BackgroundJob rows: the progress of long work a person asked for (re-clustering templates,
// re-embedding), written by the Inngest function doing it and read by the page that started it.
// A job of one kind and owner that is still queued or running is reused rather than started twice.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { DbOrTx } from "@/server/db/prisma";
import { NotFoundError } from "../errors";

export type BackgroundJobKind = "template.recluster" | "embeddings.reembed";
export type BackgroundJobStatus = "queued" | "running" | "done" | "failed";

export type BackgroundJobView = {
  id: string;
  kind: string;
  status: BackgroundJobStatus;
  total: number;
  done: number;
  result: unknown;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

const VIEW = { id: true, kind: true, status: true, total: true, done: true, result: true, error: true, createdAt: true, startedAt: true, finishedAt: true } as const;

/** A job left queued or running this long is taken for dead (its process stopped) and not reused. */
const STALE_MS = 15 * 60_000;

/** The queued or running job of this kind and owner, or a new queued one; `created` says which. */
export async function openJob(db: DbOrTx, kind: BackgroundJobKind, ownerId: string | null): Promise<{ job: BackgroundJobView; created: boolean }> {
  const live = await db.backgroundJob.findFirst({
    where: { kind, ownerId, status: { in: ["queued", "running"] }, createdAt: { gt: new Date(Date.now() - STALE_MS) } },
    orderBy: { createdAt: "desc" },
    select: VIEW,
  });
  if (live) return { job: live as BackgroundJobView, created: false };
  const job = await db.backgroundJob.create({ data: { kind, ownerId }, select: VIEW });
  return { job: job as BackgroundJobView, created: true };
}

export async function startJob(db: DbOrTx, jobId: string, total: number): Promise<void> {
  await db.backgroundJob.update({ where: { id: jobId }, data: { status: "running", total, done: 0, startedAt: new Date(), error: null } });
}

export async function reportProgress(db: DbOrTx, jobId: string, done: number, total?: number): Promise<void> {
  await db.backgroundJob.update({ where: { id: jobId }, data: { done, ...(total === undefined ? {} : { total }) } });
}

export async function finishJob(db: DbOrTx, jobId: string, result: Prisma.InputJsonValue): Promise<void> {
  await db.backgroundJob.update({ where: { id: jobId }, data: { status: "done", result, finishedAt: new Date() } });
}

export async function failJob(db: DbOrTx, jobId: string, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  await db.backgroundJob.update({ where: { id: jobId }, data: { status: "failed", error: message.slice(0, 2000), finishedAt: new Date() } });
}

/** One job, readable by its owner (instance-wide jobs, ownerId null, by admins: the caller checks). */
export async function jobById(db: DbOrTx, jobId: string, ownerId: string | null): Promise<BackgroundJobView> {
  const job = await db.backgroundJob.findFirst({ where: { id: jobId, ownerId }, select: VIEW });
  if (!job) throw new NotFoundError("Job");
  return job as BackgroundJobView;
}

/** The newest job of this kind and owner, or null. */
export async function latestJob(db: DbOrTx, kind: BackgroundJobKind, ownerId: string | null): Promise<BackgroundJobView | null> {
  const job = await db.backgroundJob.findFirst({ where: { kind, ownerId }, orderBy: { createdAt: "desc" }, select: VIEW });
  return (job as BackgroundJobView | null) ?? null;
}
