// embeddings/reembed.requested → re-embed every prompt and detected prompt with the current embedder,
// with progress on the BackgroundJob row `jobId` (started by an admin, embeddings.startReembed).
// One step: a retry starts over, which is safe (re-embedding is idempotent). Orchestration only.
import { getDb } from "@/server/db/client";
import type { Db } from "@/server/db/prisma";
import { currentEmbedder } from "@/server/domain/embeddings/current-embedder";
import type { Embedder } from "@/server/domain/embeddings/embedder";
import { runReembedJob } from "@/server/domain/embeddings/reembed";
import { events } from "@/server/jobs/events";
import { inngest } from "@/server/jobs/inngest-client";

export type EmbeddingsReembedDeps = { db: () => Db; embedder: () => Embedder };

export function createEmbeddingsReembed(deps: EmbeddingsReembedDeps) {
  return inngest.createFunction(
    { id: "embeddings-reembed", name: "Re-embed every prompt", triggers: [{ event: "embeddings/reembed.requested" }], retries: 2, concurrency: [{ limit: 1 }] },
    async ({ event, step }) => {
      const { jobId } = events["embeddings/reembed.requested"].parse(event.data);
      return step.run("reembed", () => runReembedJob(deps.db(), jobId, deps.embedder()));
    },
  );
}

export const embeddingsReembed = createEmbeddingsReembed({ db: getDb, embedder: currentEmbedder });
