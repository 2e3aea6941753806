// Stores captures without losing any and without slowing the proxy. Every record is first
// appended to the durable spool (capture-spool.ts: one segment per batch, fsync'd per batch, not
// per call), then written to the database in batches (insert-captures.ts). A segment is deleted
// only after its rows are committed; while the database is down segments stay on disk and are
// retried with backoff (retry-backoff.ts), also after a restart (start() replays them). Inserts
// skip ids that exist, so replaying a segment whose rows were committed just before a crash stores
// nothing twice (onStored may then report those ids again).
import type { Db } from "@/server/db/prisma";
import type { CaptureRecord } from "./capture-record";
import { createCaptureSpool } from "./capture-spool";
import { insertCapturesDroppingRejected } from "./insert-captures";
import { createRetryBackoff } from "./retry-backoff";

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

/** A batch waiting for the database: its spool file (null if the disk failed) and, unless evicted, its records. */
type Segment = { file: string | null; records: CaptureRecord[] | null; count: number };

/** Above this many records waiting for the database, segments are re-read from disk instead. */
const MAX_IN_MEMORY = 20_000;

export function createCaptureRecorder(options: CaptureRecorderOptions): CaptureRecorder {
  const batchSize = options.batchSize ?? 500;
  const flushMs = options.flushMs ?? 50;
  const log = options.log ?? ((message: string, error?: unknown) => console.error(`[capture] ${message}`, error ?? ""));
  const spool = createCaptureSpool(options.spoolDir);
  const retry = createRetryBackoff(options.retryInitialMs ?? 500, options.retryMaxMs ?? 30_000);

  let buffer: CaptureRecord[] = [];
  let flushTimer: NodeJS.Timeout | null = null;
  let spooling: Promise<void> = Promise.resolve();
  const queue: Segment[] = [];
  const known = new Set<string>();
  let draining: Promise<void> | null = null;
  let outage = false;
  let closed = false;

  const inMemory = () => queue.reduce((n, s) => n + (s.records ? s.count : 0), 0);

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
        file = await spool.write(records);
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
    const records = segment.file ? await spool.read(segment.file) : [];
    segment.count = records.length;
    return records;
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
      const ids = records.length ? await insertCapturesDroppingRejected(options.getDb(), records, log) : [];
      for (const segment of batch) {
        queue.splice(queue.indexOf(segment), 1);
        if (segment.file) {
          known.delete(segment.file);
          await spool.remove(segment.file);
        }
      }
      if (outage) log(`database reachable again; stored ${records.length} spooled captures`);
      outage = false;
      retry.reset();
      if (ids.length && options.onStored) {
        const onStored = options.onStored;
        Promise.resolve()
          .then(() => onStored(ids))
          .catch((error: unknown) => log("onStored failed", error));
      }
    }
  }

  function scheduleRetry(error: unknown) {
    if (!outage) log(`database write failed; captures wait in ${spool.dir} and are retried`, error);
    outage = true;
    if (closed) return;
    retry.schedule(kick);
  }

  function kick() {
    if (draining || retry.pending || closed || !queue.length) return;
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
      retry.cancel();
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
      const files = await spool.list();
      for (const file of files) {
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
      retry.cancel();
      if (queue.length && !outage) await drain().catch((error: unknown) => log("captures left in the spool at shutdown", error));
    },

    pending() {
      return { spooled: queue.reduce((n, s) => n + s.count, 0), buffered: buffer.length };
    },
  };
}
