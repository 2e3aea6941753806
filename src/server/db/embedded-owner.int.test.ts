// A crash leaves pglite.lock behind. The next start must take over from a dead owner (gone, or its
// PID given to another process since), reach a live one through its port, and never open the
// directory while a live owner that does not answer still runs.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openEmbeddedDatabase } from "./embedded";
import { readLock } from "./embedded-lock";

const dirs: string[] = [];
const newDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "pq-owner-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const writeLock = (dir: string, lock: object) => writeFileSync(join(dir, "pglite.lock"), JSON.stringify(lock));

async function selectOne(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query("SELECT 1 AS one")).rows[0].one;
  } finally {
    await client.end();
  }
}

describe("embedded database owner", () => {
  it("takes over the lock of a process that no longer runs", async () => {
    const dir = newDir();
    const gone = spawnSync(process.execPath, ["-e", ""]).pid!;
    writeLock(dir, { pid: gone, port: 1 });
    const db = await openEmbeddedDatabase(dir, { waitForOwnerMs: 2000 });
    try {
      expect(db.owned).toBe(true);
      expect(await selectOne(db.url)).toBe(1);
      expect(readLock(dir)?.pid).toBe(process.pid);
    } finally {
      await db.stop();
    }
  });

  it("takes over when the lock's PID now belongs to another process", async () => {
    const dir = newDir();
    // Our parent runs, but it is not the process that wrote this lock (another start time).
    writeLock(dir, { pid: process.ppid, port: 1, started: "1" });
    const db = await openEmbeddedDatabase(dir, { waitForOwnerMs: 2000 });
    try {
      expect(db.owned).toBe(true);
    } finally {
      await db.stop();
    }
  });

  it("refuses, naming the process, to open a directory whose running owner does not answer", async () => {
    const dir = newDir();
    const silent = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const started = readFileSync(`/proc/${silent.pid}/stat`, "utf8").split(") ")[1].split(" ")[19];
      writeLock(dir, { pid: silent.pid, port: 0, started });
      await expect(openEmbeddedDatabase(dir, { waitForOwnerMs: 1000 })).rejects.toThrow(`Process ${silent.pid} holds the embedded database`);
    } finally {
      silent.kill("SIGKILL");
    }
  });

  it("shares a live owner's database through its port", async () => {
    const dir = newDir();
    const owner = await openEmbeddedDatabase(dir);
    try {
      const second = await openEmbeddedDatabase(dir);
      expect(second.owned).toBe(false);
      expect(second.url).toBe(owner.url);
    } finally {
      await owner.stop();
    }
  });
});
