// How similar a prompt must be to show up in discovery, per embedding model and kind of lookup:
// below it a neighbour shares little more than common words. Measured on the demo catalogue with
// the local n-gram embedder: two unrelated prompt bodies score about 0.13–0.30 (median 0.22; every
// English text shares function words and character n-grams) and real neighbours 0.35–0.7, while a
// short query scores at most about 0.2 against a long body that answers it. OpenAI's model puts
// unrelated texts around 0.1–0.25.
import type { Embedder } from "./embedder";

export type DiscoveryLookup = "similar" | "query";

const FLOORS: Record<string, Record<DiscoveryLookup, number>> = {
  "local-ngram-256": { similar: 0.25, query: 0.08 },
  "text-embedding-3-small": { similar: 0.35, query: 0.2 },
};

export const discoveryFloor = (embedder: Embedder, lookup: DiscoveryLookup) => FLOORS[embedder.model]?.[lookup] ?? (lookup === "similar" ? 0.25 : 0.1);
