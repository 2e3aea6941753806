// The embed job's work (prompt/embed.requested): the prompt's latest body, embedded with the current
// embedder unless its embedding already matches that body. Idempotent, so a retry or a second
// delivery of the event costs one cheap query.
import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import type { Embedder } from "./embedder";
import { textHash, upsertPromptEmbedding } from "./prompt-embeddings";

export type EmbedPromptResult = { promptId: string; model: string; state: "embedded" | "fresh" | "missing" };

export async function embedPrompt(db: DbOrTx, promptId: string, embedder: Embedder): Promise<EmbedPromptResult> {
  const result = (state: EmbedPromptResult["state"]) => ({ promptId, model: embedder.model, state });
  const [latest] = await db.$queryRaw<{ ownerId: string; body: string; textHash: string | null; ownerMatches: boolean }[]>`
    SELECT p."ownerId", v.body, e."textHash", (e."ownerId" = p."ownerId") AS "ownerMatches"
    FROM "Prompt" p
    JOIN "PromptLabel" l ON l."promptId" = p.id AND l.name = 'latest'
    JOIN "PromptVersion" v ON v.id = l."versionId"
    LEFT JOIN "PromptEmbedding" e ON e."promptId" = p.id AND e.model = ${embedder.model}
    WHERE p.id = ${promptId}`;
  // Deleted since the event was sent: nothing to do, and nothing to retry.
  if (!latest) return result("missing");
  if (latest.textHash === textHash(latest.body) && latest.ownerMatches) return result("fresh");
  const [vector] = await embedder.embed([latest.body]);
  await upsertPromptEmbedding(db, embedder, { promptId, ownerId: latest.ownerId, text: latest.body, vector });
  return result("embedded");
}
