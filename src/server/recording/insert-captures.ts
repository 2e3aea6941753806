// The recorder's database write: a batch of captures in one multi-row INSERT … SELECT FROM
// jsonb_to_recordset of a single JSON parameter. Rows carry explicit ids and conflicts are skipped,
// so writing a batch again (a spool segment replayed after a crash) stores nothing twice.
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/prisma";
import type { CaptureRecord } from "./capture-record";
import { repairUnstorableText } from "./storable-text";

// One JSON parameter: the rows are already JSON (CaptureRecord), so the database parses them once,
// and neither Prisma's query compiler nor the wire protocol handles ~26 parameters per row
// (profiled: that was half of the server's main thread at 1,000 proxied calls/s with the embedded
// database).
// CaptureRecord.createdAt is an ISO string in UTC; read as timestamp(3) it keeps its UTC wall-clock
// time, which is how Prisma stores DateTime.
const CAPTURE_COLUMNS: [name: keyof CaptureRecord, type: string][] = [
  ["id", "text"],
  ["ownerId", "text"],
  ["apiKeyId", "text"],
  ["provider", "text"],
  ["endpoint", "text"],
  ["method", "text"],
  ["model", "text"],
  ["status", "integer"],
  ["error", "text"],
  ["stream", "boolean"],
  ["captureMode", "text"],
  ["requestBody", "jsonb"],
  ["systemPrompt", "text"],
  ["promptText", "text"],
  ["responseText", "text"],
  ["latencyMs", "integer"],
  ["ttfbMs", "integer"],
  ["inputTokens", "integer"],
  ["outputTokens", "integer"],
  ["cachedTokens", "integer"],
  ["tokensEstimated", "boolean"],
  ["costUsd", "numeric(18,10)"],
  ["endUser", "text"],
  ["sessionId", "text"],
  ["properties", "jsonb"],
  ["createdAt", "timestamp(3)"],
  ["textRepaired", "boolean"],
];
// Records spooled by an earlier version lack the newer columns: they get the column's default.
const DEFAULTS: Partial<Record<keyof CaptureRecord, string>> = { textRepaired: "false" };
const INSERT_CAPTURES_SQL = `INSERT INTO "Capture" (${CAPTURE_COLUMNS.map(([c]) => `"${c}"`).join(", ")})
SELECT ${CAPTURE_COLUMNS.map(([c]) => (DEFAULTS[c] ? `COALESCE(r."${c}", ${DEFAULTS[c]})` : `r."${c}"`)).join(", ")}
FROM jsonb_to_recordset($1::jsonb) AS r(${CAPTURE_COLUMNS.map(([c, t]) => `"${c}" ${t}`).join(", ")})
ON CONFLICT ("id") DO NOTHING`;

/** Stores records in one statement; rows whose id exists already are skipped. */
export async function insertCaptures(db: Db, records: CaptureRecord[]): Promise<void> {
  // A JSON null becomes SQL NULL for every column, requestBody included (as Prisma.DbNull did).
  await db.$executeRawUnsafe(INSERT_CAPTURES_SQL, JSON.stringify(records));
}

type RawQueryErrorMeta = { driverAdapterError?: { cause?: { originalCode?: unknown } }; code?: unknown };

/**
 * A row the database will never accept, as opposed to the database being unreachable. A raw query
 * reports both as P2010, so the SQLSTATE decides: class 22 (data exception) or 23 (integrity
 * constraint violation, e.g. the owner was deleted).
 */
function isDataError(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code !== "P2010") return error.code.startsWith("P2");
  const meta = error.meta as RawQueryErrorMeta | undefined;
  const sqlState = meta?.driverAdapterError?.cause?.originalCode ?? meta?.code;
  return typeof sqlState === "string" && (sqlState.startsWith("22") || sqlState.startsWith("23"));
}

/**
 * Inserts a batch and returns the ids stored. When the database rejects the data, the batch is
 * retried row by row and the rows it will never accept are dropped (logged), so one bad row cannot
 * block the spool forever. Any other failure (the database is unreachable) is thrown.
 */
export async function insertCapturesDroppingRejected(db: Db, records: CaptureRecord[], log: (message: string, error?: unknown) => void): Promise<string[]> {
  try {
    await insertCaptures(db, records);
    return records.map((r) => r.id);
  } catch (error) {
    if (!isDataError(error) || records.length === 1) {
      // Spooled by a version that did not repair text yet (build-capture-record.ts does now).
      const repaired = isDataError(error) ? repairUnstorableText(records[0]) : null;
      if (repaired?.repaired) return insertCapturesDroppingRejected(db, [{ ...repaired.value, textRepaired: true }], log);
      if (isDataError(error)) {
        // A row the database will never accept (e.g. its owner was deleted): dropped, not retried forever.
        log(`dropping capture ${records[0].id} the database rejects`, error);
        return [];
      }
      throw error;
    }
    const ids: string[] = [];
    for (const record of records) ids.push(...(await insertCapturesDroppingRejected(db, [record], log)));
    return ids;
  }
}
