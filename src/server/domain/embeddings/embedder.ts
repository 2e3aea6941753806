// What identity needs from an embedding model. Each model writes its own vector column, so
// similarity is only ever computed between vectors of one model.
import { EMBEDDING_COLUMNS, type EmbeddingColumn } from "./embedding-columns";

export interface Embedder {
  /** Recorded on every embedding and capture, e.g. "local-ngram-256" or "text-embedding-3-small". */
  readonly model: string;
  readonly dimensions: number;
  /** The PromptEmbedding column this model's vectors live in. */
  readonly column: EmbeddingColumn;
  /** One unit-length vector per text, in order. */
  embed(texts: string[]): Promise<number[][]>;
}

export function assertColumnFits(model: string, column: EmbeddingColumn, dimensions: number) {
  const expected = EMBEDDING_COLUMNS[column];
  if (expected !== dimensions) throw new Error(`Embedding model ${model} has ${dimensions} dimensions but column ${column} holds ${expected}`);
}
