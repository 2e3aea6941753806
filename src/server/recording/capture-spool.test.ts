import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { CaptureRecord } from "./capture-record";
import { createCaptureSpool } from "./capture-spool";

const record = (id: string) => ({ id, promptText: `prompt ${id}` }) as unknown as CaptureRecord;
let root: string | undefined;
afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
  root = undefined;
});

describe("capture spool", () => {
  it("writes segments 0600 in a 0700 directory (they hold prompts and responses), narrowing an existing directory's mode in a 0700 directory, and an existing directory's mode is narrowed", async () => {
    root = await mkdtemp(join(tmpdir(), "pq-spool-modes-"));
    const dir = join(root, "spool");
    await mkdir(dir, { mode: 0o755 });
    await writeFile(join(dir, "000000000000001-1-000000001.jsonl"), JSON.stringify(record("old")) + "\n", { mode: 0o644 });
    const spool = createCaptureSpool(dir);
    expect(await spool.list()).toEqual([join(dir, "000000000000001-1-000000001.jsonl")]);
    expect((await stat(join(dir, "000000000000001-1-000000001.jsonl"))).mode & 0o777).toBe(0o600);
    const segment = await spool.create();
    await segment.append(JSON.stringify(record("a")) + "\n");
    await segment.close();
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await stat(segment.file)).mode & 0o777).toBe(0o600);
    expect(await readFile(segment.file, "utf8")).toContain('"id":"a"');

    const fresh = createCaptureSpool(join(root, "fresh", "spool"));
    const created = await fresh.create();
    await created.close();
    expect((await stat(fresh.dir)).mode & 0o777).toBe(0o700);
    expect((await stat(created.file)).mode & 0o777).toBe(0o600);
    expect(await spool.read(segment.file)).toEqual([record("a")]);
    expect(spool.owns(segment.file)).toBe(true);
    await spool.remove(segment.file);
    expect(spool.owns(segment.file)).toBe(false);
  });
});
