// The recorder's durable spool on disk: JSONL segment files under `dir`. A segment is created,
// appended to (each append is on disk before it counts as done: the file is opened O_DSYNC, one
// write per append, so an appended record survives a crash of the process or of the machine), then
// closed and handed to the database writer. Segment names start with the time, so listing them
// sorted replays them in order. The files hold prompt and response text: the directory is 0700 and
// each segment 0600, also when an earlier version created them with wider modes.
import { constants as fs } from "node:fs";
import { chmod, mkdir, open, readdir, readFile, unlink, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import type { CaptureRecord } from "./capture-record";
import { lockSpoolDir } from "./spool-lock";

const SEGMENT_SUFFIX = ".jsonl";
/** Where the platform has no O_DSYNC (Windows), each append is followed by an fdatasync instead. */
const O_DSYNC = fs.O_DSYNC ?? 0;
const SEGMENT_FLAGS = fs.O_WRONLY | fs.O_CREAT | fs.O_EXCL | fs.O_APPEND | O_DSYNC;
export const SPOOL_DIR_MODE = 0o700;
export const SPOOL_FILE_MODE = 0o600;

/** An open segment being appended to. */
export type SpoolSegment = {
  readonly file: string;
  /** Appends whole lines (JSON records, each ending in "\n") durably. */
  append(text: string): Promise<void>;
  close(): Promise<void>;
};

export type CaptureSpool = {
  readonly dir: string;
  /** Creates a new, empty segment; its directory entry is durable before this resolves. */
  create(): Promise<SpoolSegment>;
  /** The records of a segment; an unreadable segment has none. */
  read(file: string): Promise<CaptureRecord[]>;
  /** Paths of the segments on disk, oldest first (creates the directory if needed). */
  list(): Promise<string[]>;
  /** Deletes a segment whose records are stored; one already gone is fine. */
  remove(file: string): Promise<void>;
  /** Whether `file` was created by this spool and not removed yet (a replay must leave it alone). */
  owns(file: string): boolean;
};

/** One spool line per record. */
export const spoolLine = (record: CaptureRecord) => JSON.stringify(record) + "\n";

function parseSegment(text: string): CaptureRecord[] {
  const records: CaptureRecord[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    try {
      records.push(JSON.parse(line) as CaptureRecord);
    } catch {
      // a torn last line from a crash mid-write: that record's call was never answered in full
    }
  }
  return records;
}

async function syncDir(dir: string) {
  const handle = await open(dir, "r");
  await handle.sync().finally(() => handle.close());
}

function segment(file: string, handle: FileHandle): SpoolSegment {
  return {
    file,
    async append(text) {
      const bytes = Buffer.from(text);
      for (let written = 0; written < bytes.length; ) written += (await handle.write(bytes, written)).bytesWritten;
      if (!O_DSYNC) await handle.datasync();
    },
    close: () => handle.close(),
  };
}

/** Opens the spool in `dir`, locked to this process: throws SpoolLockedError if another process has it (spool-lock.ts). */
export function createCaptureSpool(dir: string): CaptureSpool {
  lockSpoolDir(dir);
  let seq = 0;
  const created = new Set<string>();
  let ready: Promise<void> | null = null;
  const ensureDir = () =>
    (ready ??= (async () => {
      await mkdir(dir, { recursive: true, mode: SPOOL_DIR_MODE });
      // mkdir leaves an existing directory (e.g. from an earlier version, 0755) as it is.
      await chmod(dir, SPOOL_DIR_MODE);
    })().catch((error: unknown) => {
      ready = null;
      throw error;
    }));

  return {
    dir,

    async create() {
      await ensureDir();
      const name = `${String(Date.now()).padStart(15, "0")}-${process.pid}-${String(++seq).padStart(9, "0")}${SEGMENT_SUFFIX}`;
      const file = join(dir, name);
      const handle = await open(file, SEGMENT_FLAGS, SPOOL_FILE_MODE);
      try {
        await syncDir(dir);
      } catch (error) {
        await handle.close();
        throw error;
      }
      created.add(file);
      return segment(file, handle);
    },

    async read(file) {
      return parseSegment(await readFile(file, "utf8").catch(() => ""));
    },

    async list() {
      await ensureDir();
      const files = (await readdir(dir))
        .filter((f) => f.endsWith(SEGMENT_SUFFIX))
        .sort()
        .map((name) => join(dir, name));
      // Segments an earlier version left readable by all (0644) may wait for the database a while.
      await Promise.all(files.map((file) => chmod(file, SPOOL_FILE_MODE).catch(() => {})));
      return files;
    },

    async remove(file) {
      created.delete(file);
      await unlink(file).catch(() => {});
    },

    owns: (file) => created.has(file),
  };
}
