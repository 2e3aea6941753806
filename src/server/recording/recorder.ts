// Stores captures without losing any and without slowing the proxy. Every record is first
// appended to the durable spool (spool-appender.ts: written and fdatasync'd before the proxy ends
// the call's response, with concurrent calls' records written together), then written to the
// database in batches (insert-captures.ts), one sealed spool segment or more per INSERT. A segment
// is deleted only after its rows are committed; while the database is down segments stay on disk
// and are retried with backoff (retry-backoff.ts), also after a restart (start() replays them).
// Inserts skip ids that exist, so replaying a segment whose rows were committed just before a
// crash stores nothing twice (onStored may then report those ids again).
import type { Db } from "@/server/db/prisma";
import type { CaptureRecord } from "./capture-record";
import { createCaptureSpool } from "./capture-spool";
import { createSpoolAppender } from "./spool-appender";
import { insertCapturesDroppingRejected } from "./insert-captures";
import { createRetryBackoff } from "./retry-backoff";

export type CaptureRecorderOptions = {
  getDb: () => Db;
  spoolDir: string;
  /** Called with the ids of each committed batch (e.g. to send capture/request.recorded). */
  onStored?: (ids: string[]) => void | Promise<void>;
  /** Most rows per spool segment and per insert. */
  batchSize?: number;
  /** Longest a spooled record waits before its segment is sealed and written to the database. */
  flushMs?: number;
  retryInitialMs?: number;
  retryMaxMs?: number;
  /** Told when a database write fails after succeeding, and when one succeeds after failing (default: a log line each). */
  onDatabaseState?: (reachable: boolean, error?: unknown) => void;
  log?: (message: string, error?: unknown) => void;
};

export type CaptureRecorder = {
  /** Appends the record to the spool; resolves once it is there (durable), before it is in the database. */
  record(record: CaptureRecord): Promise<void>;
  /** Seals the open spool segment and writes every spooled record to the database now; throws if it cannot. */
  flush(): Promise<void>;
  /** Creates the spool directory and replays segments left by an earlier run. */
  start(): Promise<void>;
  /** Seals the open segment and tries one last write within `graceMs`; what is not stored stays in the spool. */
  close(opts?: { graceMs?: number }): Promise<void>;
  /** Records waiting for the database in sealed segments, and records in the open segment. */
  pending(): { spooled: number; buffered: number };
};

/** A batch waiting for the database: its spool file (null if the disk failed) and, unless evicted, its records. */
type Segment = { file: string | null; records: CaptureRecord[] | null; count: number };

/** Above this many records waiting for the database, segments are re-read from disk instead. */
const MAX_IN_MEMORY = 20_000;

export function createCaptureRecorder(options: CaptureRecorderOptions): CaptureRecorder {
  const batchSize = options.batchSize ?? 500;
  const log = options.log ?? ((message: string, error?: unknown) => console.error(`[capture] ${message}`, error ?? ""));
  const spool = createCaptureSpool(options.spoolDir);
  const retry = createRetryBackoff(options.retryInitialMs ?? 500, options.retryMaxMs ?? 30_000);
  const onDatabaseState =
    options.onDatabaseState ??
    ((reachable: boolean, error?: unknown) =>
      reachable ? log("database reachable again; storing the spooled captures") : log(`database write failed; captures wait in ${spool.dir} and are retried`, error));

  const queue: Segment[] = [];
  const known = new Set<string>();
  let draining: Promise<void> | null = null;
  let outage = false;
  let closed = false;

  const inMemory = () => queue.reduce((n, s) => n + (s.records ? s.count : 0), 0);

  const appender = createSpoolAppender({
    spool,
    batchSize,
    sealMs: options.flushMs ?? 50,
    log,
    onSealed: ({ file, records }) => {
      if (!records.length) {
        if (file) void spool.remove(file);
        return;
      }
      if (file) known.add(file);
      queue.push({ file, records: file && inMemory() > MAX_IN_MEMORY ? null : records, count: records.length });
      kick();
    },
  });

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
      if (outage) onDatabaseState(true);
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
    if (!outage) onDatabaseState(false, error);
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
        kick(); // segments sealed while the last batch was in flight
      });
  }

  return {
    record: (record) => appender.append(record),

    async flush() {
      await appender.seal();
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
      const files = (await spool.list()).filter((file) => !known.has(file) && !spool.owns(file));
      for (const file of files) {
        known.add(file);
        queue.push({ file, records: null, count: 0 });
      }
      if (files.length) log(`replaying ${files.length} capture spool segment(s)`);
      kick();
    },

    async close(opts = {}) {
      // Every record is on disk already; the last write below only saves the next start some work.
      await appender.close();
      const lastWrite = (async () => {
        if (draining) await draining;
        closed = true;
        retry.cancel();
        if (queue.length && !outage) await drain().catch((error: unknown) => log("captures left in the spool at shutdown", error));
      })();
      if (opts.graceMs === undefined) return lastWrite;
      let timer: NodeJS.Timeout | undefined;
      const gaveUp = await Promise.race([lastWrite.then(() => false), new Promise<boolean>((resolve) => (timer = setTimeout(resolve, opts.graceMs, true)))]);
      clearTimeout(timer);
      closed = true;
      if (gaveUp) log(`captures not yet in the database stay in ${spool.dir} for the next start`);
    },

    pending() {
      return { spooled: queue.reduce((n, s) => n + s.count, 0), buffered: appender.unsealed };
    },
  };
}
