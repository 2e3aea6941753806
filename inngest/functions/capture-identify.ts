// capture/request.recorded → prompt identity for each capture in the batch, one step per capture
// (a retry re-runs only the captures whose step failed). Retries back off up to a minute apart for
// about five minutes, to outlast a database outage; captures still pending after that are
// re-queued by capture-identify-sweep. Orchestration only: the work is the domain function
// identifyCapture.
import { getDb } from "@/server/db/client";
import type { Db } from "@/server/db/prisma";
import { currentEmbedder } from "@/server/domain/embeddings/current-embedder";
import type { Embedder } from "@/server/domain/embeddings/embedder";
import { identifyCapture } from "@/server/domain/identity/identify-capture";
import { events } from "@/server/jobs/events";
import { inngest } from "@/server/jobs/inngest-client";

export type CaptureIdentifyDeps = { db: () => Db; embedder: () => Embedder };

export function createCaptureIdentify(deps: CaptureIdentifyDeps) {
  return inngest.createFunction(
    { id: "capture-identify", name: "Identify captured prompts", triggers: [{ event: "capture/request.recorded" }], retries: 10 },
    async ({ event, step }) => {
      const { captureIds } = events["capture/request.recorded"].parse(event.data);
      const results = [];
      for (const captureId of captureIds) {
        results.push(await step.run(`identify-${captureId}`, () => identifyCapture(deps.db(), captureId, deps.embedder())));
      }
      return results;
    },
  );
}

export const captureIdentify = createCaptureIdentify({ db: getDb, embedder: currentEmbedder });
