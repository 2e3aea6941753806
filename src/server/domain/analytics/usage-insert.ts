// The usage buffer's database write: one INSERT … SELECT FROM jsonb_to_recordset of a single JSON
// parameter (as the capture recorder does), which also skips views and copies repeated within the
// window of a stored one, and likes given before (usage-view-window.ts), and counts the views it stored into Prompt.viewCount and PromptViewDay. When the batch
// has views, a transaction-scoped advisory lock makes the check-then-insert atomic across workers
// and replicas (two processes flushing the same reload at once store it once).
import "server-only";
import type { Db, DbOrTx } from "@/server/db/prisma";
import { DEDUPED_KINDS, isDedupedView, ONCE_EVER_KINDS, VIEW_DEDUP_WINDOW_MS } from "./usage-view-window";

/** A buffered event as it is sent to the database; `at` is an ISO string in UTC. */
export type UsageRow = {
  kind: string;
  source: string;
  at: string;
  promptId: string | null;
  versionId: string | null;
  ownerId: string | null;
  actorId: string | null;
  viewerKey: string | null;
  apiKeyId: string | null;
  amountCents: number;
};

const DEDUPED_SQL = DEDUPED_KINDS.map((k) => `'${k}'`).join(", ");
const ONCE_EVER_SQL = ONCE_EVER_KINDS.map((k) => `'${k}'`).join(", ");

// `at` read as timestamp(3) keeps its UTC wall-clock time, which is how Prisma stores DateTime.
// The owner is the prompt's when the caller did not know it. Data-modifying CTEs all run to
// completion; the view counters see only the rows actually inserted.
const INSERT_USAGE_SQL = `
WITH batch AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(kind text, source text, at timestamp(3), "promptId" text,
    "versionId" text, "ownerId" text, "actorId" text, "viewerKey" text, "apiKeyId" text, "amountCents" integer)
), kept AS (
  SELECT b.* FROM batch b
  WHERE b.kind NOT IN (${DEDUPED_SQL}) OR b."viewerKey" IS NULL OR b."promptId" IS NULL OR NOT EXISTS (
    SELECT 1 FROM "UsageEvent" e
    WHERE e.kind = b.kind::"UsageEventKind" AND e."promptId" = b."promptId" AND e."viewerKey" = b."viewerKey"
      AND (b.kind IN (${ONCE_EVER_SQL}) OR (e.at > b.at - make_interval(secs => $2) AND e.at < b.at + make_interval(secs => $2))))
), inserted AS (
  INSERT INTO "UsageEvent" (kind, source, at, "promptId", "versionId", "ownerId", "actorId", "viewerKey", "apiKeyId", "amountCents")
  SELECT k.kind::"UsageEventKind", k.source::"UsageSource", k.at, k."promptId", k."versionId",
    COALESCE(k."ownerId", p."ownerId"), k."actorId", k."viewerKey", k."apiKeyId", COALESCE(k."amountCents", 0)
  FROM kept k LEFT JOIN "Prompt" p ON p.id = k."promptId"
  RETURNING kind, "promptId", at
), views AS (
  SELECT i."promptId" AS id, i.at::date AS day, count(*)::int AS n
  FROM inserted i JOIN "Prompt" p ON p.id = i."promptId"
  WHERE i.kind = 'view'
  GROUP BY 1, 2
), counted AS (
  UPDATE "Prompt" p SET "viewCount" = p."viewCount" + s.n
  FROM (SELECT id, sum(n)::int AS n FROM views GROUP BY id) s WHERE p.id = s.id
  RETURNING p.id
), days AS (
  INSERT INTO "PromptViewDay" ("promptId", "day", "count") SELECT id, day, n FROM views
  ON CONFLICT ("promptId", "day") DO UPDATE SET "count" = "PromptViewDay"."count" + EXCLUDED."count"
  RETURNING 1
)
SELECT (SELECT count(*) FROM inserted)::int AS written`;

const VIEW_LOCK_SQL = `SELECT pg_advisory_xact_lock(hashtext('promptuary.usage-view-dedup'))::text`;

const isClient = (db: DbOrTx): db is Db => typeof (db as Partial<Db>).$transaction === "function";

/** Stores the rows in one statement; returns how many were stored. */
export async function insertUsageEvents(db: DbOrTx, rows: UsageRow[]): Promise<number> {
  if (!rows.length) return 0;
  const json = JSON.stringify(rows);
  const windowSeconds = VIEW_DEDUP_WINDOW_MS / 1000;
  const insert = async (q: DbOrTx) => {
    const result = await q.$queryRawUnsafe<{ written: number }[]>(INSERT_USAGE_SQL, json, windowSeconds);
    return Number(result[0]?.written ?? 0);
  };
  if (!rows.some(isDedupedView)) return insert(db);
  const locked = async (tx: DbOrTx) => {
    await tx.$queryRawUnsafe(VIEW_LOCK_SQL);
    return insert(tx);
  };
  return isClient(db) ? db.$transaction(locked) : locked(db);
}
