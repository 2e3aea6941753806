// `npm run cli -- reembed`: embeds every prompt's latest body with the current embedder (after a
// model switch, or to refresh). Embeddings of other models stay; similarity never mixes models.
import "server-only";
import type { Db } from "@/server/db/prisma";
import type { Embedder } from "./embedder";
import { embedAllPrompts } from "./prompt-embeddings";

export type ReembedResult = { model: string; prompts: number; embedded: number; ms: number };

export async function reembedAllPrompts(db: Db, embedder: Embedder): Promise<ReembedResult> {
  const started = Date.now();
  const prompts = await db.prompt.count();
  const embedded = await embedAllPrompts(db, embedder);
  return { model: embedder.model, prompts, embedded, ms: Date.now() - started };
}
