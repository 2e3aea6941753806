// harness/batches.resume (sent by server.ts at start-up) → re-sends harness/batch.requested for
// every batch the previous process left queued or running, since its in-process queue is gone.
// The resumed runs take only pending cells, so nothing finished is repeated and nothing is lost.
// Orchestration only: the query is the domain's.
import { getDb } from "@/server/db/client";
import type { Db } from "@/server/db/prisma";
import { unfinishedBatchIds } from "@/server/domain/harness/resume-batches";
import { events } from "@/server/jobs/events";
import { inngest } from "@/server/jobs/inngest-client";
import { sendEvent } from "@/server/jobs/send-event";

export type HarnessBatchResumeDeps = { db: () => Db; send: (batchId: string) => Promise<void> };

export function createHarnessBatchResume(deps: HarnessBatchResumeDeps) {
  return inngest.createFunction(
    { id: "harness-batch-resume", name: "Resume unfinished harness batches", triggers: [{ event: "harness/batches.resume" }], retries: 3 },
    async ({ event, step }) => {
      const { createdBefore } = events["harness/batches.resume"].parse(event.data);
      const ids = await step.run("find", () => unfinishedBatchIds(deps.db(), new Date(createdBefore)));
      for (const batchId of ids) await step.run(`send-${batchId}`, () => deps.send(batchId));
      return { resumed: ids };
    },
  );
}

export const harnessBatchResume = createHarnessBatchResume({ db: getDb, send: (batchId) => sendEvent("harness/batch.requested", { batchId }) });
