// prompt/embed.requested → embed the prompt's latest body with the current embedder (sent after a
// prompt is created, forked or gets a new version). Retries back off for a few minutes, to outlast
// an embeddings API or database hiccup; a prompt still unembedded after that is caught by identity's
// safety net (ensurePromptEmbeddings) or `reembed`. One run per prompt at a time.
import { getDb } from "@/server/db/client";
import type { Db } from "@/server/db/prisma";
import { currentEmbedder } from "@/server/domain/embeddings/current-embedder";
import { embedPrompt } from "@/server/domain/embeddings/embed-prompt";
import type { Embedder } from "@/server/domain/embeddings/embedder";
import { events } from "@/server/jobs/events";
import { inngest } from "@/server/jobs/inngest-client";

export type PromptEmbedDeps = { db: () => Db; embedder: () => Embedder };

export function createPromptEmbed(deps: PromptEmbedDeps) {
  return inngest.createFunction(
    {
      id: "prompt-embed",
      name: "Embed a prompt",
      triggers: [{ event: "prompt/embed.requested" }],
      retries: 6,
      concurrency: [{ key: "event.data.promptId", limit: 1 }],
    },
    async ({ event, step }) => {
      const { promptId } = events["prompt/embed.requested"].parse(event.data);
      return step.run("embed", () => embedPrompt(deps.db(), promptId, deps.embedder()));
    },
  );
}

export const promptEmbed = createPromptEmbed({ db: getDb, embedder: currentEmbedder });
