// The embedder the app uses now: OpenAI when a key is configured (or EMBEDDING_PROVIDER=openai),
// otherwise the local deterministic one. After switching, `npm run cli -- reembed`.
import { env } from "@/env";
import type { Embedder } from "./embedder";
import { localEmbedder } from "./local-embedder";
import { createOpenAIEmbedder } from "./openai-embedder";

let cached: { key: string; embedder: Embedder } | undefined;

export function currentEmbedder(): Embedder {
  const provider = env.EMBEDDING_PROVIDER ?? (env.OPENAI_API_KEY ? "openai" : "local");
  if (provider === "local") return localEmbedder;
  const apiKey = env.OPENAI_API_KEY;
  if (!apiKey) throw new Error("EMBEDDING_PROVIDER=openai needs OPENAI_API_KEY");
  const key = `${env.OPENAI_EMBEDDINGS_BASE_URL}|${apiKey}`;
  if (cached?.key !== key) cached = { key, embedder: createOpenAIEmbedder({ apiKey, baseURL: env.OPENAI_EMBEDDINGS_BASE_URL }) };
  return cached.embedder;
}
