// OpenAI text-embedding-3-small (1536 dimensions), used when OPENAI_API_KEY is configured or
// EMBEDDING_PROVIDER=openai. The base URL is configurable (tests point it at a loopback server).
import OpenAI from "openai";
import { assertColumnFits, type Embedder } from "./embedder";

export const OPENAI_MODEL = "text-embedding-3-small";
const DIMENSIONS = 1536;
/** The embeddings endpoint takes up to 2048 inputs per request; stay well below. */
const BATCH = 256;

export function createOpenAIEmbedder(opts: { apiKey: string; baseURL: string; timeoutMs?: number }): Embedder {
  const client = new OpenAI({ apiKey: opts.apiKey, baseURL: opts.baseURL, timeout: opts.timeoutMs ?? 30_000, maxRetries: 2 });
  return {
    model: OPENAI_MODEL,
    dimensions: DIMENSIONS,
    column: "openai1536",
    async embed(texts) {
      const vectors: number[][] = [];
      for (let start = 0; start < texts.length; start += BATCH) {
        const input = texts.slice(start, start + BATCH).map((t) => (t.trim() ? t : " "));
        // openai v6 asks for base64 unless told otherwise.
        const response = await client.embeddings.create({ model: OPENAI_MODEL, input, encoding_format: "float" });
        const ordered = [...response.data].sort((a, b) => a.index - b.index);
        if (ordered.length !== input.length) throw new Error(`OpenAI returned ${ordered.length} embeddings for ${input.length} inputs`);
        for (const item of ordered) {
          if (item.embedding.length !== DIMENSIONS) throw new Error(`OpenAI returned ${item.embedding.length} dimensions, expected ${DIMENSIONS}`);
          vectors.push(unit(item.embedding));
        }
      }
      return vectors;
    },
  };
}

function unit(vector: number[]): number[] {
  const norm = Math.hypot(...vector);
  return norm === 0 ? vector : vector.map((v) => v / norm);
}

assertColumnFits(OPENAI_MODEL, "openai1536", DIMENSIONS);
