// PromptEmbedding rows: one per (prompt, model), holding the vector of the prompt's latest body in
// that model's column. Vectors are written and searched with raw SQL (Prisma cannot type them).
import "server-only";
import { createHash } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import type { DbOrTx } from "@/server/db/prisma";
import type { Embedder } from "./embedder";
import { vectorLiteral } from "./embedding-columns";

const BATCH = 64;

export const textHash = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

const column = (embedder: Embedder) => Prisma.raw(`"${embedder.column}"`);

export async function upsertPromptEmbedding(db: DbOrTx, embedder: Embedder, row: { promptId: string; ownerId: string; text: string; vector: number[] }) {
  await db.$executeRaw`
    INSERT INTO "PromptEmbedding" ("promptId", "model", "ownerId", "textHash", ${column(embedder)}, "updatedAt")
    VALUES (${row.promptId}, ${embedder.model}, ${row.ownerId}, ${textHash(row.text)}, ${vectorLiteral(row.vector)}::vector, now())
    ON CONFLICT ("promptId", "model") DO UPDATE
      SET "ownerId" = EXCLUDED."ownerId", "textHash" = EXCLUDED."textHash", ${column(embedder)} = EXCLUDED.${column(embedder)}, "updatedAt" = now()`;
}

type LatestBody = { id: string; ownerId: string; body: string };

/** Prompts (of one owner, or all) whose `latest` body has no embedding for this model, a stale one, or a stale owner. */
async function staleBatch(db: DbOrTx, embedder: Embedder, opts: { ownerId?: string; all?: boolean; after: string }): Promise<LatestBody[]> {
  const owner = opts.ownerId ? Prisma.sql`AND p."ownerId" = ${opts.ownerId}` : Prisma.empty;
  const stale = opts.all
    ? Prisma.empty
    : Prisma.sql`AND (e."promptId" IS NULL OR e."ownerId" <> p."ownerId" OR e."textHash" <> encode(sha256(convert_to(v.body, 'UTF8')), 'hex') OR e.${column(embedder)} IS NULL)`;
  return db.$queryRaw<LatestBody[]>`
    SELECT p.id, p."ownerId", v.body
    FROM "Prompt" p
    JOIN "PromptLabel" l ON l."promptId" = p.id AND l.name = 'latest'
    JOIN "PromptVersion" v ON v.id = l."versionId"
    LEFT JOIN "PromptEmbedding" e ON e."promptId" = p.id AND e.model = ${embedder.model}
    WHERE p.id > ${opts.after} ${owner} ${stale}
    ORDER BY p.id
    LIMIT ${BATCH}`;
}

async function embedWhere(db: DbOrTx, embedder: Embedder, opts: { ownerId?: string; all?: boolean; onBatch?: (embedded: number) => Promise<void> }): Promise<number> {
  let after = "";
  let embedded = 0;
  for (;;) {
    const batch = await staleBatch(db, embedder, { ...opts, after });
    if (batch.length === 0) return embedded;
    const vectors = await embedder.embed(batch.map((p) => p.body));
    for (const [i, prompt] of batch.entries()) {
      await upsertPromptEmbedding(db, embedder, { promptId: prompt.id, ownerId: prompt.ownerId, text: prompt.body, vector: vectors[i] });
    }
    embedded += batch.length;
    after = batch[batch.length - 1].id;
    await opts.onBatch?.(embedded);
  }
}

/** Embeds the owner's prompts that lack an up-to-date embedding for this model. Cheap when none do. */
export const ensurePromptEmbeddings = (db: DbOrTx, ownerId: string, embedder: Embedder) => embedWhere(db, embedder, { ownerId });

/** Embeds every prompt (any owner) that lacks an up-to-date embedding for this model: the demo seed, which runs before any job runner. */
export const ensureAllPromptEmbeddings = (db: DbOrTx, embedder: Embedder) => embedWhere(db, embedder, {});

/** Re-embeds every prompt's latest body with this embedder (after switching models); `onBatch` hears the running count. */
export const embedAllPrompts = (db: DbOrTx, embedder: Embedder, onBatch?: (embedded: number) => Promise<void>) => embedWhere(db, embedder, { all: true, onBatch });

export type NearestPrompt = { promptId: string; similarity: number };

/**
 * The owner's prompt closest to `vector` by cosine, among this model's embeddings (HNSW index).
 * Call inside a transaction: the iterative scan setting is transaction-local, and keeps the
 * owner filter from emptying the index's candidate list when other owners have many prompts.
 */
export async function nearestPrompt(tx: DbOrTx, embedder: Embedder, ownerId: string, vector: number[]): Promise<NearestPrompt | null> {
  await tx.$executeRawUnsafe(`SET LOCAL hnsw.iterative_scan = strict_order`);
  // The default candidate list (40) missed the true nearest for 1 query in 200 at 100k vectors (bench:identity).
  await tx.$executeRawUnsafe(`SET LOCAL hnsw.ef_search = 100`);
  const literal = vectorLiteral(vector);
  const rows = await tx.$queryRaw<{ promptId: string; distance: number }[]>`
    SELECT e."promptId", (e.${column(embedder)} <=> ${literal}::vector)::float8 AS distance
    FROM "PromptEmbedding" e
    WHERE e."ownerId" = ${ownerId} AND e.model = ${embedder.model} AND e.${column(embedder)} IS NOT NULL
    ORDER BY e.${column(embedder)} <=> ${literal}::vector
    LIMIT 1`;
  const row = rows[0];
  return row ? { promptId: row.promptId, similarity: 1 - Number(row.distance) } : null;
}

/** The stored vector of a prompt under this model and the hash of the text it embeds, or null. */
export async function storedPromptVector(db: DbOrTx, embedder: Embedder, promptId: string): Promise<{ vector: number[]; textHash: string } | null> {
  const [row] = await db.$queryRaw<{ vector: string | null; textHash: string }[]>`
    SELECT e.${column(embedder)}::text AS vector, e."textHash" FROM "PromptEmbedding" e WHERE e."promptId" = ${promptId} AND e.model = ${embedder.model}`;
  return row?.vector ? { vector: JSON.parse(row.vector) as number[], textHash: row.textHash } : null;
}

/**
 * The `limit` prompts nearest to `vector` (cosine, HNSW index) among those the SQL `filter` on the
 * prompt row `p` admits, with similarity at least `minSimilarity`; nearest first. Discovery's
 * lookup (similar prompts, search by meaning): the caller's filter carries the access rules.
 * Call inside a transaction: the scan settings are transaction-local. The iterative scan keeps a
 * selective filter from emptying the index's candidate list; ef_search is raised to the limit so a
 * long list is as exact as a short one. Sorting is discouraged so the planner walks the HNSW index
 * even without table statistics (embedded PGlite runs no autovacuum, and with no ANALYZE it would
 * sort every embedding: linear in the catalogue instead of logarithmic).
 */
export async function nearestPromptsWhere(
  tx: DbOrTx,
  embedder: Embedder,
  vector: number[],
  opts: { filter: Prisma.Sql; limit: number; minSimilarity: number },
): Promise<NearestPrompt[]> {
  // The three settings in one round trip (set_config(…, true) is SET LOCAL): the transaction holds
  // its connection meanwhile, and the embedded database has only one.
  const efSearch = String(Math.max(40, Math.min(1000, Math.trunc(opts.limit))));
  await tx.$queryRaw`SELECT set_config('hnsw.iterative_scan', 'relaxed_order', true), set_config('hnsw.ef_search', ${efSearch}, true), set_config('enable_sort', 'off', true)`;
  const literal = vectorLiteral(vector);
  // relaxed_order may return slightly out of order: the outer query re-sorts the exact distances.
  const rows = await tx.$queryRaw<{ promptId: string; distance: number }[]>`
    SELECT * FROM (
      SELECT e."promptId", (e.${column(embedder)} <=> ${literal}::vector)::float8 AS distance
      FROM "PromptEmbedding" e
      JOIN "Prompt" p ON p.id = e."promptId"
      WHERE e.model = ${embedder.model} AND e.${column(embedder)} IS NOT NULL AND ${opts.filter}
      ORDER BY e.${column(embedder)} <=> ${literal}::vector
      LIMIT ${opts.limit}
    ) nearest
    WHERE 1 - distance >= ${opts.minSimilarity}
    ORDER BY distance, "promptId" DESC`;
  return rows.map((r) => ({ promptId: r.promptId, similarity: 1 - Number(r.distance) }));
}
