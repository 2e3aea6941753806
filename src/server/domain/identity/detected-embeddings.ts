// Embeddings of Detected inbox entries: the identity text's vector in the column of the model that
// made it (DetectedPrompt.local256 / openai1536, `embeddingModel` saying which), so a new capture
// can join the nearest detected prompt. Raw SQL, as Prisma cannot type vectors.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { DbOrTx } from "@/server/db/prisma";
import type { Embedder } from "../embeddings/embedder";
import { vectorLiteral } from "../embeddings/embedding-columns";
import { identityTextOf } from "./identity-text";

const BATCH = 64;
/** The ids the prompt_intelligence migration gave the entries it moved in ('det_' || md5…). */
const MOVED_ID_PREFIX = "det_";
const column = (embedder: Embedder) => Prisma.raw(`"${embedder.column}"`);

export async function setDetectedEmbedding(db: DbOrTx, embedder: Embedder, detectedPromptId: string, vector: number[]) {
  await db.$executeRaw`
    UPDATE "DetectedPrompt" SET "embeddingModel" = ${embedder.model}, "local256" = NULL, "openai1536" = NULL
    WHERE id = ${detectedPromptId} AND "embeddingModel" IS DISTINCT FROM ${embedder.model}`;
  await db.$executeRaw`UPDATE "DetectedPrompt" SET ${column(embedder)} = ${vectorLiteral(vector)}::vector WHERE id = ${detectedPromptId}`;
}

/**
 * Entries moved in by the prompt_intelligence migration hold a whole prompt text as identity text
 * (user turns included). Before their first embedding, their identity text and hash are
 * recomputed from their newest capture's request, so later calls of the same prompt find them.
 */
async function refreshMovedIdentity(db: DbOrTx, detected: { id: string; ownerId: string; identityText: string }): Promise<string> {
  const capture = await db.capture.findFirst({
    where: { detectedPromptId: detected.id, captureMode: "full" },
    orderBy: { createdAt: "desc" },
    select: { provider: true, endpoint: true, requestBody: true, promptText: true, systemPrompt: true },
  });
  const identity = capture ? identityTextOf(capture) : null;
  if (!identity || identity.text === detected.identityText) return detected.identityText;
  const taken = await db.detectedPrompt.findUnique({ where: { ownerId_identityHash: { ownerId: detected.ownerId, identityHash: identity.hash } }, select: { id: true } });
  if (taken) return detected.identityText;
  await db.detectedPrompt.update({ where: { id: detected.id }, data: { identityText: identity.text, identityHash: identity.hash } });
  return identity.text;
}

/** Embeds the owner's detected prompts that have no vector for this model (moved in by the migration, or after a model switch). */
export async function ensureDetectedEmbeddings(db: DbOrTx, ownerId: string, embedder: Embedder): Promise<number> {
  let embedded = 0;
  for (;;) {
    const batch = await db.$queryRaw<{ id: string; ownerId: string; identityText: string; embeddingModel: string | null }[]>`
      SELECT id, "ownerId", "identityText", "embeddingModel" FROM "DetectedPrompt"
      WHERE "ownerId" = ${ownerId} AND ("embeddingModel" IS DISTINCT FROM ${embedder.model} OR ${column(embedder)} IS NULL)
      ORDER BY id LIMIT ${BATCH}`;
    if (batch.length === 0) return embedded;
    const texts: string[] = [];
    for (const d of batch) texts.push(d.embeddingModel === null && d.id.startsWith(MOVED_ID_PREFIX) ? await refreshMovedIdentity(db, d) : d.identityText);
    const vectors = await embedder.embed(texts);
    for (const [i, d] of batch.entries()) await setDetectedEmbedding(db, embedder, d.id, vectors[i]);
    embedded += batch.length;
  }
}

export type NearestDetected = { detectedPromptId: string; similarity: number; identityText: string; status: string; promotedPromptId: string | null };

/** The owner's detected prompt closest to `vector` by cosine under this model (HNSW). Call inside a transaction (see nearestPrompt). */
export async function nearestDetected(tx: DbOrTx, embedder: Embedder, ownerId: string, vector: number[]): Promise<NearestDetected | null> {
  await tx.$executeRawUnsafe(`SET LOCAL hnsw.iterative_scan = strict_order`);
  const literal = vectorLiteral(vector);
  const rows = await tx.$queryRaw<{ id: string; distance: number; identityText: string; status: string; promotedPromptId: string | null }[]>`
    SELECT d.id, (d.${column(embedder)} <=> ${literal}::vector)::float8 AS distance, d."identityText", d.status, d."promotedPromptId"
    FROM "DetectedPrompt" d
    WHERE d."ownerId" = ${ownerId} AND d."embeddingModel" = ${embedder.model} AND d.${column(embedder)} IS NOT NULL
    ORDER BY d.${column(embedder)} <=> ${literal}::vector
    LIMIT 1`;
  const row = rows[0];
  return row ? { detectedPromptId: row.id, similarity: 1 - Number(row.distance), identityText: row.identityText, status: row.status, promotedPromptId: row.promotedPromptId } : null;
}
