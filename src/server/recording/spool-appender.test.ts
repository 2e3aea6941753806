import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CaptureRecord } from "./capture-record";
import { createCaptureSpool, type CaptureSpool, type SpoolSegment } from "./capture-spool";
import { createSpoolAppender, type SealedSegment } from "./spool-appender";

const record = (id: string) => ({ id, promptText: `prompt ${id}` }) as unknown as CaptureRecord;
const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});
async function tempDir() {
  const dir = await mkdtemp(join(tmpdir(), "pq-appender-"));
  dirs.push(dir);
  return dir;
}

/** A spool in memory whose appends complete when the test says so. */
function manualSpool() {
  const writes: { file: string; text: string; finish: () => void }[] = [];
  let n = 0;
  const spool: CaptureSpool = {
    dir: "/mem",
    create: async () => {
      const file = `/mem/${++n}.jsonl`;
      const segment: SpoolSegment = {
        file,
        append: (text) => new Promise<void>((finish) => writes.push({ file, text, finish })),
        close: async () => {},
      };
      return segment;
    },
    read: async () => [],
    list: async () => [],
    remove: async () => {},
    owns: () => true,
  };
  return { spool, writes };
}

const tick = () => new Promise((r) => setImmediate(r));

describe("spool appender", () => {
  it("resolves an append only once its write is done, and writes records that arrive meanwhile together (group commit)", async () => {
    const { spool, writes } = manualSpool();
    const sealed: SealedSegment[] = [];
    const appender = createSpoolAppender({ spool, batchSize: 100, sealMs: 10_000, onSealed: (s) => sealed.push(s), log: () => {} });
    let firstDone = false;
    void appender.append(record("a")).then(() => (firstDone = true));
    await tick();
    expect(writes).toHaveLength(1);
    expect(writes[0].text).toBe(JSON.stringify(record("a")) + "\n");

    // Three calls end while the first write is in flight: one write for all three.
    const later = ["b", "c", "d"].map((id) => appender.append(record(id)));
    let laterDone = 0;
    for (const p of later) void p.then(() => laterDone++);
    await tick();
    expect(writes).toHaveLength(1);
    expect(firstDone).toBe(false);
    writes[0].finish();
    await tick();
    expect(firstDone).toBe(true);
    expect(writes).toHaveLength(2);
    expect(writes[1].text.trim().split("\n").map((l) => JSON.parse(l).id)).toEqual(["b", "c", "d"]);
    expect(laterDone).toBe(0);
    writes[1].finish();
    await Promise.all(later);

    await appender.seal();
    expect(sealed).toEqual([{ file: "/mem/1.jsonl", records: ["a", "b", "c", "d"].map(record) }]);
  });

  it("seals a segment at batchSize records or sealMs after its first, into a segment created ahead of time", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const spool = createCaptureSpool(await tempDir());
      const sealed: SealedSegment[] = [];
      const appender = createSpoolAppender({ spool, batchSize: 3, sealMs: 50, onSealed: (s) => sealed.push(s), log: () => {} });
      await Promise.all(["a", "b", "c", "d"].map((id) => appender.append(record(id))));
      await vi.waitFor(() => expect(sealed).toHaveLength(1));
      expect(sealed[0].records.map((r) => r.id)).toEqual(["a", "b", "c"]);
      await vi.advanceTimersByTimeAsync(60);
      await vi.waitFor(() => expect(sealed).toHaveLength(2));
      expect(sealed[1].records.map((r) => r.id)).toEqual(["d"]);
      expect(sealed[1].file).not.toBe(sealed[0].file);
      expect(await spool.read(sealed[0].file!)).toEqual(["a", "b", "c"].map(record));
      expect(await spool.read(sealed[1].file!)).toEqual([record("d")]);
      // The next segment exists already (empty); close() removes it.
      expect(await readdir(spool.dir)).toHaveLength(3);
      await appender.close();
      expect((await readdir(spool.dir)).sort()).toEqual([sealed[0].file!, sealed[1].file!].map((f) => f.slice(spool.dir.length + 1)).sort());
    } finally {
      vi.useRealTimers();
    }
  });

  it("keeps records going to the database from memory when the disk fails, logging once", async () => {
    const spool: CaptureSpool = { ...manualSpool().spool, create: async () => Promise.reject(new Error("ENOSPC")) };
    const log = vi.fn();
    const sealed: SealedSegment[] = [];
    const appender = createSpoolAppender({ spool, batchSize: 2, sealMs: 10_000, onSealed: (s) => sealed.push(s), log });
    await Promise.all(["a", "b", "c", "d"].map((id) => appender.append(record(id))));
    await appender.seal();
    expect(sealed.map((s) => [s.file, s.records.map((r) => r.id)])).toEqual([
      [null, ["a", "b"]],
      [null, ["c", "d"]],
    ]);
    expect(log).toHaveBeenCalledTimes(1);
  });
});
