// Stores captures without losing any and without slowing the proxy. Every record is first
// appended to a durable spool (one JSONL segment file per batch under spoolDir, fsync'd per batch,
// not per call), then written to the database in batches (one multi-row INSERT … SELECT FROM
// jsonb_to_recordset of a single JSON parameter). A segment is
// deleted only after its rows are committed; while the database is down segments stay on disk and
// are retried with backoff, also after a restart (start() replays them). Rows carry explicit ids
// and are inserted with ON CONFLICT DO NOTHING, so replaying a segment whose rows were committed just
// before a crash stores nothing twice (onStored may then report those ids again).
import { mkdir, open, readdir, readFile, unlink } from "node:fs/promises";
import { join } from "node:path";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/prisma";
import type { CaptureRecord } from "./exchange";

export type CaptureRecorderOptions = {
  getDb: () => Db;
  spoolDir: string;
  /** Called with the ids of each committed batch (e.g. to send capture/request.recorded). */
  onStored?: (ids: string[]) => void | Promise<void>;
  /** Most rows per spool segment and per insert. */
  batchSize?: number;
  /** Longest a record waits in memory before its batch is spooled (and fsync'd). */
  flushMs?: number;
  retryInitialMs?: number;
  retryMaxMs?: number;
  log?: (message: string, error?: unknown) => void;
};

export type CaptureRecorder = {
  record(record: CaptureRecord): void;
  /** Spools what is buffered and writes every spooled record to the database now; throws if it cannot. */
  flush(): Promise<void>;
  /** Creates the spool directory and replays segments left by an earlier run. */
  start(): Promise<void>;
  /** Spools what is buffered and tries one last write; what cannot be stored stays in the spool. */
  close(): Promise<void>;
  /** Records spooled but not yet committed, and records waiting in memory. */
  pending(): { spooled: number; buffered: number };
};

type Segment = { file: string | null; records: CaptureRecord[] | null; count: number };

const SEGMENT_SUFFIX = ".jsonl";
/** Above this many records waiting for the database, segments are re-read from disk instead. */
const MAX_IN_MEMORY = 20_000;

// One multi-row insert per batch as a single JSON parameter expanded by jsonb_to_recordset: the
// rows are already JSON (CaptureRecord), so the database parses them once, and neither Prisma's
// query compiler nor the wire protocol handles ~26 parameters per row (profiled: that was half of
// the server's main thread at 1,000 proxied calls/s with the embedded database).
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
];
const INSERT_CAPTURES_SQL = `INSERT INTO "Capture" (${CAPTURE_COLUMNS.map(([c]) => `"${c}"`).join(", ")})
SELECT ${CAPTURE_COLUMNS.map(([c]) => `r."${c}"`).join(", ")}
FROM jsonb_to_recordset($1::jsonb) AS r(${CAPTURE_COLUMNS.map(([c, t]) => `"${c}" ${t}`).join(", ")})
ON CONFLICT ("id") DO NOTHING`;

/** Stores records in one statement; rows whose id exists already are skipped. */
export async function insertCaptures(db: Db, records: CaptureRecord[]): Promise<void> {
  // A JSON null becomes SQL NULL for every column, requestBody included (as Prisma.DbNull did).
  await db.$executeRawUnsafe(INSERT_CAPTURES_SQL, JSON.stringify(records));
}

function parseSegment(text: string): CaptureRecord[] {
  const records: CaptureRecord[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    try {
      records.push(JSON.parse(line) as CaptureRecord);
    } catch {
      // a torn last line from a crash mid-write: that record was never acknowledged as spooled
    }
  }
  return records;
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

export function createCaptureRecorder(options: CaptureRecorderOptions): CaptureRecorder {
  const batchSize = options.batchSize ?? 500;
  const flushMs = options.flushMs ?? 50;
  const retryInitialMs = options.retryInitialMs ?? 500;
  const retryMaxMs = options.retryMaxMs ?? 30_000;
  const log = options.log ?? ((message: string, error?: unknown) => console.error(`[capture] ${message}`, error ?? ""));

  let buffer: CaptureRecord[] = [];
  let flushTimer: NodeJS.Timeout | null = null;
  let spooling: Promise<void> = Promise.resolve();
  const queue: Segment[] = [];
  const known = new Set<string>();
  let draining: Promise<void> | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let backoff = retryInitialMs;
  let outage = false;
  let closed = false;
  let seq = 0;
  let ready: Promise<void> | null = null;

  const ensureDir = () => (ready ??= mkdir(options.spoolDir, { recursive: true }).then(() => undefined));
  const inMemory = () => queue.reduce((n, s) => n + (s.records ? s.count : 0), 0);

  async function writeSegment(records: CaptureRecord[]): Promise<string> {
    await ensureDir();
    const name = `${String(Date.now()).padStart(15, "0")}-${process.pid}-${String(++seq).padStart(9, "0")}${SEGMENT_SUFFIX}`;
    const path = join(options.spoolDir, name);
    const handle = await open(path, "wx");
    try {
      await handle.writeFile(records.map((r) => JSON.stringify(r)).join("\n") + "\n");
      await handle.sync();
    } finally {
      await handle.close();
    }
    // The new directory entry must be durable too.
    const dir = await open(options.spoolDir, "r");
    await dir.sync().finally(() => dir.close());
    return path;
  }

  function spoolNow(): Promise<void> {
    if (flushTimer) {
      clearTimeout(flushTimer);
      flushTimer = null;
    }
    if (!buffer.length) return spooling;
    const records = buffer;
    buffer = [];
    spooling = spooling.then(async () => {
      let file: string | null = null;
      try {
        file = await writeSegment(records);
        known.add(file);
      } catch (error) {
        // Disk trouble: the records still go to the database from memory.
        log("could not write the capture spool", error);
      }
      queue.push({ file, records: file && inMemory() > MAX_IN_MEMORY ? null : records, count: records.length });
      kick();
    });
    return spooling;
  }

  async function load(segment: Segment): Promise<CaptureRecord[]> {
    if (segment.records) return segment.records;
    const records = segment.file ? parseSegment(await readFile(segment.file, "utf8").catch(() => "")) : [];
    segment.count = records.length;
    return records;
  }

  async function insert(db: Db, records: CaptureRecord[]): Promise<string[]> {
    try {
      await insertCaptures(db, records);
      return records.map((r) => r.id);
    } catch (error) {
      if (!isDataError(error) || records.length === 1) {
        if (isDataError(error)) {
          // A row the database will never accept (e.g. its owner was deleted): dropped, not retried forever.
          log(`dropping capture ${records[0].id} the database rejects`, error);
          return [];
        }
        throw error;
      }
      const ids: string[] = [];
      for (const record of records) ids.push(...(await insert(db, [record])));
      return ids;
    }
  }

  /** Writes queued segments in batches until the queue is empty; throws on the first failure. */
  async function drain(): Promise<void> {
    while (queue.length) {
      const batch: Segment[] = [];
      const records: CaptureRecord[] = [];
      for (const segment of queue) {
        const rows = await load(segment);
        if (batch.length && records.length + rows.length > batchSize) break;
        batch.push(segment);
        records.push(...rows);
      }
      const ids = records.length ? await insert(options.getDb(), records) : [];
      for (const segment of batch) {
        queue.splice(queue.indexOf(segment), 1);
        if (segment.file) {
          known.delete(segment.file);
          await unlink(segment.file).catch(() => {});
        }
      }
      if (outage) log(`database reachable again; stored ${records.length} spooled captures`);
      outage = false;
      backoff = retryInitialMs;
      if (ids.length && options.onStored) {
        const onStored = options.onStored;
        Promise.resolve()
          .then(() => onStored(ids))
          .catch((error: unknown) => log("onStored failed", error));
      }
    }
  }

  function scheduleRetry(error: unknown) {
    if (!outage) log(`database write failed; captures wait in ${options.spoolDir} and are retried`, error);
    outage = true;
    if (closed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      kick();
    }, backoff);
    retryTimer.unref?.();
    backoff = Math.min(backoff * 2, retryMaxMs);
  }

  function kick() {
    if (draining || retryTimer || closed || !queue.length) return;
    draining = drain()
      .catch(scheduleRetry)
      .finally(() => {
        draining = null;
        kick(); // segments spooled while the last batch was in flight
      });
  }

  return {
    record(record) {
      buffer.push(record);
      if (buffer.length >= batchSize) void spoolNow();
      else if (!flushTimer) {
        flushTimer = setTimeout(() => void spoolNow(), flushMs);
        flushTimer.unref?.();
      }
    },

    async flush() {
      await spoolNow();
      if (draining) await draining;
      if (!queue.length) return;
      if (retryTimer) {
        clearTimeout(retryTimer);
        retryTimer = null;
      }
      const run = drain();
      draining = run
        .catch(() => {})
        .finally(() => {
          draining = null;
        });
      try {
        await run;
      } catch (error) {
        scheduleRetry(error);
        throw error;
      }
    },

    async start() {
      closed = false;
      await ensureDir();
      const files = (await readdir(options.spoolDir)).filter((f) => f.endsWith(SEGMENT_SUFFIX)).sort();
      for (const name of files) {
        const file = join(options.spoolDir, name);
        if (known.has(file)) continue;
        known.add(file);
        queue.push({ file, records: null, count: 0 });
      }
      if (files.length) log(`replaying ${files.length} capture spool segment(s)`);
      kick();
    },

    async close() {
      await spoolNow();
      if (draining) await draining;
      closed = true;
      if (retryTimer) {
        clearTimeout(retryTimer);
        retryTimer = null;
      }
      if (queue.length && !outage) await drain().catch((error: unknown) => log("captures left in the spool at shutdown", error));
    },

    pending() {
      return { spooled: queue.reduce((n, s) => n + s.count, 0), buffered: buffer.length };
    },
  };
}
