// harness/batch.requested → run a harness batch's pending cells. Orchestration only: each step is
// a domain call (start, a bounded chunk of cells, finish); a chunk stores every cell as it finishes,
// so a retry, a restart or a second delivery of the event runs only what is still pending. One run
// per batch at a time (concurrency key; in-process, the domain's in-flight claim). A batch still
// pending after MAX_CHUNKS re-sends its event and the next run goes on.
import { getDb } from "@/server/db/client";
import type { Db } from "@/server/db/prisma";
import { finishBatch, runBatchChunk, startBatch } from "@/server/domain/harness/process-batch";
import { events } from "@/server/jobs/events";
import { inngest } from "@/server/jobs/inngest-client";
import { sendEvent } from "@/server/jobs/send-event";

/** A chunk runs cells for about this long, well inside a serverless step's time. */
const CHUNK_MS = 20_000;
const MAX_CHUNKS = 200;

export type HarnessBatchDeps = {
  db: () => Db;
  send: (batchId: string) => Promise<void>;
  /** Aborted when the process stops: calls in flight end at once and stay pending (tests abort it). */
  signal?: () => AbortSignal | undefined;
  chunkMs?: number;
};

export function createHarnessBatch(deps: HarnessBatchDeps) {
  return inngest.createFunction(
    {
      id: "harness-batch",
      name: "Run a harness batch",
      triggers: [{ event: "harness/batch.requested" }],
      retries: 5,
      concurrency: [{ key: "event.data.batchId", limit: 1 }],
    },
    async ({ event, step }) => {
      const { batchId } = events["harness/batch.requested"].parse(event.data);
      const start = await step.run("start", () => startBatch(deps.db(), batchId));
      if (start.state !== "running") return { batchId, state: start.state };
      for (let i = 0; i < MAX_CHUNKS; i++) {
        const chunk = await step.run(`chunk-${i}`, () => runBatchChunk(deps.db(), batchId, { maxMs: deps.chunkMs ?? CHUNK_MS, signal: deps.signal?.() }));
        if (chunk.state !== "running") return { batchId, state: chunk.state };
        if (chunk.pending === 0) {
          const end = await step.run("finish", () => finishBatch(deps.db(), batchId));
          return { batchId, state: end.state };
        }
      }
      await step.run("continue", () => deps.send(batchId));
      return { batchId, state: "continued" };
    },
  );
}

export const harnessBatch = createHarnessBatch({ db: getDb, send: (batchId) => sendEvent("harness/batch.requested", { batchId }) });
