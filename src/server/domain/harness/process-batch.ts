// Running a batch's cells, in bounded chunks the background job calls one step at a time. A chunk
// takes the cells still pending, runs each through executeCell under the per-provider limit, checks
// its assertions and stores it as soon as it finishes (group commit, batch-cell-writer.ts), so a restart loses only the calls in flight
// (still pending, run again by the resumed job) and never repeats a stored one (a cell is written
// only while pending). A cancel (the status, polled; or this process's abort) stops the chunk: calls
// in flight are aborted and stay pending, finished cells are kept.
import "server-only";
import { env } from "@/env";
import type { Db } from "@/server/db/prisma";
import type { Assertion } from "@/shared/harness/assertions";
import type { ModelChoice } from "@/shared/harness/run-fields";
import { DomainError } from "../errors";
import { createCellWriter } from "./batch-cell-writer";
import { claimBatchInFlight, releaseBatchInFlight } from "./batch-in-flight";
import { checkAssertions } from "./check-assertions";
import { executeCell } from "./execute-cell";
import { providerLimiter } from "./provider-limiter";
import { requireProvider, type HarnessProvider } from "./providers";

export type BatchState = "queued" | "running" | "done" | "cancelled" | "failed";
export type ChunkResult = { state: BatchState | "busy"; ran: number; pending: number };

/** Cells read from the database at a time; the next page is read once fewer than half are still queued or running. */
const PAGE = 400;
/** How often a chunk looks for a cancel made by another process. */
const CANCEL_POLL_MS = 300;

/** queued → running (the first time). Returns the state the job should act on. */
export async function startBatch(db: Db, batchId: string): Promise<{ state: BatchState | "missing" }> {
  await db.harnessBatch.updateMany({ where: { id: batchId, status: "queued" }, data: { status: "running", startedAt: new Date() } });
  const batch = await db.harnessBatch.findUnique({ where: { id: batchId }, select: { status: true } });
  return { state: batch ? (batch.status as BatchState) : "missing" };
}

/** running → done once no cell is pending. */
export async function finishBatch(db: Db, batchId: string): Promise<{ state: BatchState | "missing" }> {
  const pending = await db.harnessBatchCell.count({ where: { batchId, status: "pending" } });
  if (pending === 0) await db.harnessBatch.updateMany({ where: { id: batchId, status: "running" }, data: { status: "done", finishedAt: new Date() } });
  const batch = await db.harnessBatch.findUnique({ where: { id: batchId }, select: { status: true } });
  return { state: batch ? (batch.status as BatchState) : "missing" };
}

const limiterKey = (p: HarnessProvider) => `${p.name}\u0000${p.baseUrl}`;

/**
 * Runs pending cells of a running batch for up to `maxMs` (then lets the calls in flight finish),
 * or until none is pending, the batch is cancelled, or `signal` aborts (the process stopping).
 */
export async function runBatchChunk(db: Db, batchId: string, opts: { maxMs?: number; signal?: AbortSignal; concurrency?: number } = {}): Promise<ChunkResult> {
  const batch = await db.harnessBatch.findUnique({ where: { id: batchId } });
  if (!batch) return { state: "failed", ran: 0, pending: 0 };
  const pendingNow = () => db.harnessBatchCell.count({ where: { batchId, status: "pending" } });
  if (batch.status !== "running") return { state: batch.status as BatchState, ran: 0, pending: await pendingNow() };

  const models = batch.models as ModelChoice[];
  const assertions = batch.assertions as Assertion[];
  // Providers are resolved again: one removed or unconfigured since the batch was made fails it.
  let providers: HarnessProvider[];
  try {
    providers = await Promise.all(models.map((m, i) => requireProvider(db, batch.ownerId, m.provider, `models.${i}.provider`)));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    await db.harnessBatch.updateMany({ where: { id: batchId, status: "running" }, data: { status: "failed", error: error.message, finishedAt: new Date() } });
    return { state: "failed", ran: 0, pending: await pendingNow() };
  }

  const controller = claimBatchInFlight(batchId);
  if (!controller) return { state: "busy", ran: 0, pending: await pendingNow() };
  if (opts.signal?.aborted) controller.abort();
  const onOuterAbort = () => controller.abort();
  opts.signal?.addEventListener("abort", onOuterAbort, { once: true });
  let cancelled = false;
  const poll = setInterval(() => {
    void db.harnessBatch
      .findUnique({ where: { id: batchId }, select: { status: true } })
      .then((b) => {
        if (b?.status !== "running") {
          cancelled = true;
          controller.abort();
        }
      })
      .catch(() => {});
  }, CANCEL_POLL_MS);
  poll.unref?.();

  const deadline = Date.now() + (opts.maxMs ?? 20_000);
  const limit = opts.concurrency ?? env.HARNESS_BATCH_CONCURRENCY;
  const timeoutMs = env.HARNESS_TIMEOUT_MS;
  const limiter = providerLimiter();
  const writer = createCellWriter(db);
  let ran = 0;
  let writeError: unknown = null;

  const runCell = async (cell: { id: string; position: number; rowIndex: number }, prompt: string) => {
    if (controller.signal.aborted || Date.now() > deadline || writeError) return;
    const provider = providers[cell.position];
    const model = models[cell.position];
    const outcome = await executeCell({ provider, model: model.model, prompt, params: model.params ?? {}, timeoutMs, signal: controller.signal });
    // Aborted (cancel or shutdown): left pending, to run again if the batch is resumed.
    if (controller.signal.aborted) return;
    const results = await checkAssertions(db, batch.ownerId, assertions, { ...outcome, provider: provider.name, model: model.model });
    try {
      // Written only while pending: a cell is never stored twice, whoever else ran it.
      await writer.write({ id: cell.id, outcome, assertions: results, finishedAt: new Date() });
      ran++;
    } catch (error) {
      writeError ??= error;
      controller.abort();
    }
  };

  const launched = new Set<Promise<void>>();
  try {
    let after: { rowIndex: number; position: number } | null = null;
    while (!controller.signal.aborted && Date.now() < deadline) {
      // Keep the providers busy across pages: a slow cell at the end of one does not hold up the next.
      if (launched.size >= PAGE / 2) {
        await Promise.race(launched);
        continue;
      }
      const page: Array<{ id: string; position: number; rowIndex: number }> = await db.harnessBatchCell.findMany({
        where: {
          batchId,
          status: "pending",
          ...(after ? { OR: [{ rowIndex: { gt: after.rowIndex } }, { rowIndex: after.rowIndex, position: { gt: after.position } }] } : {}),
        },
        orderBy: [{ rowIndex: "asc" }, { position: "asc" }],
        take: PAGE,
        select: { id: true, position: true, rowIndex: true },
      });
      if (!page.length) break;
      after = page[page.length - 1];
      const indexes = [...new Set(page.map((c) => c.rowIndex))];
      const rows = await db.harnessBatchRow.findMany({ where: { batchId, index: { in: indexes } }, select: { index: true, renderedText: true } });
      const text = new Map(rows.map((r) => [r.index, r.renderedText]));
      for (const cell of page) {
        const run: Promise<void> = limiter.run(limiterKey(providers[cell.position]), limit, () => runCell(cell, text.get(cell.rowIndex) ?? "")).finally(() => launched.delete(run));
        launched.add(run);
      }
    }
    await Promise.all(launched);
  } finally {
    // Reading the next page failed: stop what runs before letting go of the batch (the retry takes over).
    if (launched.size) {
      controller.abort();
      await Promise.allSettled(launched);
    }
    clearInterval(poll);
    opts.signal?.removeEventListener("abort", onOuterAbort);
    releaseBatchInFlight(batchId, controller);
  }
  if (writeError) throw writeError;
  const pending = await pendingNow();
  const status = (await db.harnessBatch.findUnique({ where: { id: batchId }, select: { status: true } }))?.status as BatchState | undefined;
  if (cancelled || status === "cancelled") return { state: "cancelled", ran, pending };
  return { state: status ?? "failed", ran, pending };
}
