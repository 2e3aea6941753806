// The recorder's durable spool on disk: one JSONL segment file per batch under `dir`, fsync'd
// together with its directory entry before the write counts as done, so a spooled record survives
// a crash. Segment names start with the time, so listing them sorted replays them in order.
import { mkdir, open, readdir, readFile, unlink } from "node:fs/promises";
import { join } from "node:path";
import type { CaptureRecord } from "./capture-record";

const SEGMENT_SUFFIX = ".jsonl";

export type CaptureSpool = {
  readonly dir: string;
  /** Writes `records` as a new segment, durably; returns its path. */
  write(records: CaptureRecord[]): Promise<string>;
  /** The records of a segment; an unreadable segment has none. */
  read(file: string): Promise<CaptureRecord[]>;
  /** Paths of the segments on disk, oldest first (creates the directory if needed). */
  list(): Promise<string[]>;
  /** Deletes a segment whose records are stored; one already gone is fine. */
  remove(file: string): Promise<void>;
};

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

export function createCaptureSpool(dir: string): CaptureSpool {
  let seq = 0;
  let ready: Promise<void> | null = null;
  const ensureDir = () => (ready ??= mkdir(dir, { recursive: true }).then(() => undefined));

  return {
    dir,

    async write(records) {
      await ensureDir();
      const name = `${String(Date.now()).padStart(15, "0")}-${process.pid}-${String(++seq).padStart(9, "0")}${SEGMENT_SUFFIX}`;
      const path = join(dir, name);
      const handle = await open(path, "wx");
      try {
        await handle.writeFile(records.map((r) => JSON.stringify(r)).join("\n") + "\n");
        await handle.sync();
      } finally {
        await handle.close();
      }
      // The new directory entry must be durable too.
      const dirHandle = await open(dir, "r");
      await dirHandle.sync().finally(() => dirHandle.close());
      return path;
    },

    async read(file) {
      return parseSegment(await readFile(file, "utf8").catch(() => ""));
    },

    async list() {
      await ensureDir();
      const names = (await readdir(dir)).filter((f) => f.endsWith(SEGMENT_SUFFIX)).sort();
      return names.map((name) => join(dir, name));
    },

    async remove(file) {
      await unlink(file).catch(() => {});
    },
  };
}
