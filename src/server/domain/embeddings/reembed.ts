// Re-embedding after a model switch (or to refresh): every prompt's latest body and every detected
// prompt's identity text, embedded with the current embedder. Runs as a job with progress
// (embeddings/reembed.requested → runReembedJob, a BackgroundJob row of kind "embeddings.reembed"
// that an admin starts and watches), or at once from `npm run cli -- reembed`. Embeddings of other
// models stay on PromptEmbedding; similarity never mixes models.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Db, DbOrTx } from "@/server/db/prisma";
import { sendEvent } from "@/server/jobs/send-event";
import { failJob, finishJob, jobById, latestJob, openJob, reportProgress, startJob, type BackgroundJobView } from "../background-jobs/background-jobs";
import type { Embedder } from "./embedder";
import { EMBEDDING_COLUMNS, vectorLiteral, type EmbeddingColumn } from "./embedding-columns";
import { embedAllPrompts } from "./prompt-embeddings";

export type ReembedResult = { model: string; prompts: number; embedded: number; ms: number };
export type ReembedAllResult = { model: string; prompts: number; detectedPrompts: number; ms: number };

const DETECTED_BATCH = 64;

export async function reembedAllPrompts(db: Db, embedder: Embedder): Promise<ReembedResult> {
  const started = Date.now();
  const prompts = await db.prompt.count();
  const embedded = await embedAllPrompts(db, embedder);
  return { model: embedder.model, prompts, embedded, ms: Date.now() - started };
}

/**
 * Every detected prompt's identity text, in id order. A detected prompt keeps one model's vector
 * (as identity/detected-embeddings.ts writes it): the model's column and `embeddingModel` are set
 * together and the other columns cleared.
 */
async function reembedDetectedPrompts(db: DbOrTx, embedder: Embedder, onBatch: (embedded: number) => Promise<void>): Promise<number> {
  const column = Prisma.raw(`"${embedder.column}"`);
  const others = (Object.keys(EMBEDDING_COLUMNS) as EmbeddingColumn[]).filter((c) => c !== embedder.column).map((c) => Prisma.raw(`, "${c}" = NULL`));
  let after = "";
  let embedded = 0;
  for (;;) {
    const batch = await db.$queryRaw<{ id: string; identityText: string }[]>`
      SELECT id, "identityText" FROM "DetectedPrompt" WHERE id > ${after} ORDER BY id LIMIT ${DETECTED_BATCH}`;
    if (batch.length === 0) return embedded;
    const vectors = await embedder.embed(batch.map((d) => d.identityText));
    for (const [i, detected] of batch.entries()) {
      await db.$executeRaw`
        UPDATE "DetectedPrompt" SET ${column} = ${vectorLiteral(vectors[i])}::vector, "embeddingModel" = ${embedder.model} ${others.length ? Prisma.join(others, " ") : Prisma.empty}
        WHERE id = ${detected.id}`;
    }
    embedded += batch.length;
    after = batch[batch.length - 1].id;
    await onBatch(embedded);
  }
}

/** Prompts first, then detected prompts; `onProgress(done, total)` after every batch. */
export async function reembedEverything(db: Db, embedder: Embedder, onProgress: (done: number, total: number) => Promise<void> = async () => {}): Promise<ReembedAllResult> {
  const started = Date.now();
  const [promptTotal, detectedTotal] = await Promise.all([db.prompt.count(), db.detectedPrompt.count()]);
  // Rows added while it runs are embedded too (and by their own jobs): the total grows rather than overflowing.
  let total = promptTotal + detectedTotal;
  const report = async (done: number) => {
    total = Math.max(total, done);
    await onProgress(done, total);
  };
  await onProgress(0, total);
  const prompts = await embedAllPrompts(db, embedder, (n) => report(n));
  const detectedPrompts = await reembedDetectedPrompts(db, embedder, (n) => report(prompts + n));
  return { model: embedder.model, prompts, detectedPrompts, ms: Date.now() - started };
}

/** The job's work: progress and outcome on the BackgroundJob row (a failure is recorded, then rethrown for the retry). */
export async function runReembedJob(db: Db, jobId: string, embedder: Embedder, onProgress?: (done: number, total: number) => void): Promise<ReembedAllResult> {
  await startJob(db, jobId, 0);
  try {
    const result = await reembedEverything(db, embedder, async (done, total) => {
      await reportProgress(db, jobId, done, total);
      onProgress?.(done, total);
    });
    await finishJob(db, jobId, result);
    return result;
  } catch (error) {
    await failJob(db, jobId, error);
    throw error;
  }
}

/** Starts a re-embed job, or returns the one already queued or running (instance-wide: no owner). */
export async function requestReembed(db: Db): Promise<{ jobId: string; created: boolean }> {
  const { job, created } = await openJob(db, "embeddings.reembed", null);
  if (created) await sendEvent("embeddings/reembed.requested", { jobId: job.id });
  return { jobId: job.id, created };
}

/** One re-embed job's progress (jobId), or the newest one's; null when none ever ran. Admins only (the router checks). */
export async function reembedJobView(db: DbOrTx, jobId?: string): Promise<BackgroundJobView | null> {
  return jobId ? jobById(db, jobId, null) : latestJob(db, "embeddings.reembed", null);
}
