/** PromptEmbedding's vector columns and their dimensions (see the capture_and_identity migration). */
export const EMBEDDING_COLUMNS = { local256: 256, openai1536: 1536 } as const;
export type EmbeddingColumn = keyof typeof EMBEDDING_COLUMNS;

/** pgvector's text form, passed as a parameter and cast with ::vector. */
export function vectorLiteral(vector: number[]): string {
  if (!vector.every(Number.isFinite)) throw new Error("An embedding contains a non-finite number");
  return `[${vector.join(",")}]`;
}
