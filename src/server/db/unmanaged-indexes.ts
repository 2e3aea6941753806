/**
 * Indexes the migrations create that schema.prisma cannot declare (pgvector HNSW, partial indexes). Prisma's diff
 * proposes dropping them; the drift check accepts exactly these drops and nothing else. When
 * writing a new migration with `npm run db:migration`, delete any DROP of these from the output.
 */
export const UNMANAGED_INDEXES = [
  "PromptEmbedding_local256_hnsw",
  "PromptEmbedding_openai1536_hnsw",
  "DetectedPrompt_local256_hnsw",
  "DetectedPrompt_openai1536_hnsw",
  // Partial unique index: one active license per buyer and prompt.
  "License_one_active_per_holder",
  // Partial index: captures whose prompt identity is not done (the identity sweep's queue).
  "Capture_identity_pending",
] as const;

/** The diff with the drops of known unmanaged indexes (and Prisma's comments) removed. */
export function withoutUnmanagedIndexDrops(sql: string): string {
  return sql
    .split(/;\s*\n/)
    .map((statement) => statement.replace(/^\s*--.*$/gm, "").trim())
    .filter((statement) => statement && !UNMANAGED_INDEXES.some((name) => statement === `DROP INDEX "${name}"`))
    .join(";\n");
}
