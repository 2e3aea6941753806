// The lock file that says which process owns the embedded database and where it serves it.
// Only one process may ever open a PGlite directory (a second one silently loses writes).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** `started` is the owner's start time as the kernel counts it, so a reused PID is told apart. */
export type EmbeddedLock = { pid: number; port: number; started?: string };

const lockPath = (dataDir: string) => join(dataDir, "pglite.lock");

/** State and start time of a process from /proc (Linux); undefined where /proc is not there. */
function procStat(pid: number): { state: string; started: string } | null | undefined {
  if (!existsSync("/proc/self/stat")) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { state: fields[0], started: fields[19] };
  } catch {
    return null; // no such process
  }
}

const ownStart = () => procStat(process.pid)?.started;

/**
 * Whether the process that wrote `lock` still runs. A zombie (killed, not yet reaped by its parent)
 * is dead, and so is a different process that was given the same PID since.
 */
export function ownerIsAlive(lock: EmbeddedLock): boolean {
  const stat = procStat(lock.pid);
  if (stat === null) return false;
  if (stat) return stat.state !== "Z" && stat.state !== "X" && (!lock.started || lock.started === stat.started);
  try {
    process.kill(lock.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The lock as written, whether or not its owner still runs. */
export function readLockFile(dataDir: string): EmbeddedLock | undefined {
  const path = lockPath(dataDir);
  if (!existsSync(path)) return undefined;
  try {
    const lock = JSON.parse(readFileSync(path, "utf8")) as EmbeddedLock;
    return lock.pid ? lock : undefined;
  } catch {
    return undefined;
  }
}

/** The live owner's lock, or undefined when nobody (alive) holds it. */
export function readLock(dataDir: string): EmbeddedLock | undefined {
  const lock = readLockFile(dataDir);
  return lock && ownerIsAlive(lock) ? lock : undefined;
}

const lockBody = (port: number) => JSON.stringify({ pid: process.pid, port, started: ownStart() } satisfies EmbeddedLock);

/** Takes the lock atomically ("wx"); a lock whose owner no longer runs is replaced. */
export function acquireLock(dataDir: string, port: number): boolean {
  mkdirSync(dataDir, { recursive: true });
  const path = lockPath(dataDir);
  try {
    writeFileSync(path, lockBody(port), { flag: "wx" });
    return true;
  } catch {
    if (readLock(dataDir)) return false;
    rmSync(path, { force: true });
    try {
      writeFileSync(path, lockBody(port), { flag: "wx" });
      return true;
    } catch {
      return false;
    }
  }
}

export function updateLockPort(dataDir: string, port: number) {
  writeFileSync(lockPath(dataDir), lockBody(port));
}

export function releaseLock(dataDir: string) {
  const lock = readLock(dataDir);
  if (!lock || lock.pid === process.pid) rmSync(lockPath(dataDir), { force: true });
}

export const embeddedUrl = (port: number) => `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
