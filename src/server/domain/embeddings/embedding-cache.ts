// Embeddings of short texts computed on a request (a search query, a paid prompt's public face),
// remembered per process so that paging a search or reloading a page does not call the embeddings
// API again. Bounded: the least recently used entries go first.
import "server-only";
import { createHash } from "node:crypto";
import type { Embedder } from "./embedder";

const MAX_ENTRIES = 1000;
const cache = new Map<string, number[]>();

export async function embedOneCached(embedder: Embedder, text: string): Promise<number[]> {
  const key = `${embedder.model}\u0000${createHash("sha256").update(text, "utf8").digest("hex")}`;
  const hit = cache.get(key);
  if (hit) {
    // Re-inserted: a Map iterates in insertion order, so the oldest key is the least recently used.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const [vector] = await embedder.embed([text]);
  cache.set(key, vector);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return vector;
}
