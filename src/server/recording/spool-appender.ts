// Puts each capture record in the spool before the proxy lets its call's response complete, and
// keeps that cheap with a group commit: records that arrive while a write is in flight are written
// together by the next one (one write() and one fdatasync per group, not per call), so a lone call
// pays one small write and sync, and a busy proxy a fraction of one per call. The open segment is
// sealed (closed, then handed to the database writer with its records) once it holds `batchSize`
// records or its first record is `sealMs` old; the next segment is created ahead of time, so a
// call never waits for a file to be created. If the disk fails, records still reach the database
// from memory (not crash-safe then; logged once per failure and once on recovery).
import type { CaptureRecord } from "./capture-record";
import { spoolLine, type CaptureSpool, type SpoolSegment } from "./capture-spool";

/** A sealed segment: its file (null if it could not be created) and its records. */
export type SealedSegment = { file: string | null; records: CaptureRecord[] };

export type SpoolAppender = {
  /** Resolves once the record is written to the spool (or, after a disk failure, held in memory only). */
  append(record: CaptureRecord): Promise<void>;
  /** Seals the open segment (after its pending writes); resolves once it has been handed over. */
  seal(): Promise<void>;
  /** Seals, and deletes the segment created ahead of time if it holds nothing. */
  close(): Promise<void>;
  /** Records in the open segment, not sealed yet. */
  readonly unsealed: number;
};

export type SpoolAppenderOptions = {
  spool: CaptureSpool;
  batchSize: number;
  sealMs: number;
  onSealed: (segment: SealedSegment) => void;
  log: (message: string, error?: unknown) => void;
};

type Group = { lines: string[]; done: Promise<void>; resolve: () => void };
type Open = { segment: Promise<SpoolSegment | null>; records: CaptureRecord[]; group: Group | null; timer: NodeJS.Timeout | null };

function newGroup(): Group {
  let resolve!: () => void;
  const done = new Promise<void>((r) => (resolve = r));
  return { lines: [], done, resolve };
}

export function createSpoolAppender(opts: SpoolAppenderOptions): SpoolAppender {
  const { spool, log } = opts;
  let current: Open | null = null;
  let ahead: Promise<SpoolSegment | null> | null = null;
  /** Disk operations, in order: group writes, then the seal of their segment. */
  let tail: Promise<void> = Promise.resolve();
  let diskOk = true;

  const diskFailed = (what: string, error: unknown) => {
    if (diskOk) log(`${what}; captures go to the database from memory until the disk works again`, error);
    diskOk = false;
  };
  const diskWorks = () => {
    if (!diskOk) log("the capture spool is writable again");
    diskOk = true;
  };

  const createSegment = () =>
    spool.create().catch((error: unknown) => {
      diskFailed(`could not create a capture spool segment in ${spool.dir}`, error);
      return null;
    });

  async function write(open: Open, group: Group) {
    if (open.group === group) open.group = null; // records appended from now on form the next group
    const segment = await open.segment;
    if (segment) {
      try {
        await segment.append(group.lines.join(""));
        diskWorks();
      } catch (error) {
        diskFailed(`could not write the capture spool ${segment.file}`, error);
      }
    }
    group.resolve();
  }

  function seal(): Promise<void> {
    const open = current;
    if (!open) return tail;
    current = null;
    if (open.timer) clearTimeout(open.timer);
    ahead ??= createSegment();
    tail = tail.then(async () => {
      const segment = await open.segment;
      await segment?.close().catch(() => {});
      opts.onSealed({ file: segment?.file ?? null, records: open.records });
    });
    return tail;
  }

  return {
    append(record) {
      let open = current;
      if (!open) {
        open = current = { segment: ahead ?? createSegment(), records: [], group: null, timer: null };
        ahead = null;
      }
      open.records.push(record);
      let group = open.group;
      if (!group) {
        const g = (group = open.group = newGroup());
        const o = open;
        tail = tail.then(() => write(o, g));
      }
      group.lines.push(spoolLine(record));
      const done = group.done;
      if (open.records.length >= opts.batchSize) void seal();
      else if (!open.timer) {
        open.timer = setTimeout(() => void seal(), opts.sealMs);
        open.timer.unref?.();
      }
      return done;
    },

    seal,

    async close() {
      await seal();
      const spare = await ahead;
      ahead = null;
      if (spare) {
        await spare.close().catch(() => {});
        await spool.remove(spare.file);
      }
    },

    get unsealed() {
      return current?.records.length ?? 0;
    },
  };
}
