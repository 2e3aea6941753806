// The lock file that says which process owns the embedded database and where it serves it.
// Only one process may ever open a PGlite directory (a second one silently loses writes).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export type EmbeddedLock = { pid: number; port: number };

const lockPath = (dataDir: string) => join(dataDir, "pglite.lock");

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The live owner's lock, or undefined when nobody (alive) holds it. */
export function readLock(dataDir: string): EmbeddedLock | undefined {
  const path = lockPath(dataDir);
  if (!existsSync(path)) return undefined;
  try {
    const lock = JSON.parse(readFileSync(path, "utf8")) as EmbeddedLock;
    return lock.pid && isAlive(lock.pid) ? lock : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the lock atomically ("wx"); a stale lock from a dead process is replaced. */
export function acquireLock(dataDir: string, port: number): boolean {
  mkdirSync(dataDir, { recursive: true });
  const path = lockPath(dataDir);
  const body = JSON.stringify({ pid: process.pid, port } satisfies EmbeddedLock);
  try {
    writeFileSync(path, body, { flag: "wx" });
    return true;
  } catch {
    if (readLock(dataDir)) return false;
    rmSync(path, { force: true });
    try {
      writeFileSync(path, body, { flag: "wx" });
      return true;
    } catch {
      return false;
    }
  }
}

export function updateLockPort(dataDir: string, port: number) {
  writeFileSync(lockPath(dataDir), JSON.stringify({ pid: process.pid, port } satisfies EmbeddedLock));
}

export function releaseLock(dataDir: string) {
  const lock = readLock(dataDir);
  if (!lock || lock.pid === process.pid) rmSync(lockPath(dataDir), { force: true });
}

export const embeddedUrl = (port: number) => `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
