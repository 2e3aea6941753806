// One process per capture spool. Two processes appending to and replaying the same spool directory
// would each store (and delete) the other's segments while they are still being written, so the
// spool's directory is locked for the life of the process that opens it: a lock file beside it,
// `<dir>.lock` (beside, so the spool holds nothing but segments), naming its holder. A second
// process that opens the same directory fails at once with a message saying whose it is. A lock
// whose holder is gone is taken over: on the same machine, when no process with its pid and start
// time runs (a kill -9, a crash, a container restarted with the same pid); a holder on another
// machine (a shared volume) cannot be asked, so its lock counts as gone once it has not been
// refreshed for `staleMs`. The same process opening the directory again gets its own lock back.
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, rmdirSync, statSync, unlinkSync, utimes, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

export type SpoolLockHolder = { pid: number; host: string; boot: string | null; start: string | null; token: string; since: string };

export type SpoolLock = {
  readonly file: string;
  readonly holder: SpoolLockHolder;
  /** Deletes the lock file if it is still this process's (also done when the process exits). */
  release(): void;
};

export class SpoolLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: SpoolLockHolder,
  ) {
    super(
      `The capture spool ${dir} is in use by process ${holder.pid} on ${holder.host} (since ${holder.since}). ` +
        `Each server process needs its own spool: give every replica its own DATA_DIR. ` +
        `If that process is gone, its lock (${dir}.lock) is taken over: at once on the same machine, after ${DEFAULT_STALE_MS / 1000} s without refresh from another.`,
    );
    this.name = "SpoolLockedError";
  }
}

/** A holder on another machine that has not refreshed its lock for this long is gone. */
const DEFAULT_STALE_MS = 30_000;
/** A takeover in progress that is older than this was left by a process that died doing it. */
const TAKEOVER_STALE_MS = 10_000;

const readText = (file: string) => {
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    return null;
  }
};

const bootId = () => readText("/proc/sys/kernel/random/boot_id");

/** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot (Linux only). */
function startTimeOf(pid: number): string | null {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return null;
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
}

const self = (): Omit<SpoolLockHolder, "token" | "since"> => ({ pid: process.pid, host: hostname(), boot: bootId(), start: startTimeOf(process.pid) });

const isSelf = (holder: SpoolLockHolder) => {
  const me = self();
  return holder.pid === me.pid && holder.host === me.host && holder.boot === me.boot && holder.start === me.start;
};

function readHolder(file: string): SpoolLockHolder | null {
  const text = readText(file);
  if (!text) return null;
  try {
    const holder = JSON.parse(text) as SpoolLockHolder;
    return typeof holder.pid === "number" && typeof holder.token === "string" ? holder : null;
  } catch {
    return null;
  }
}

function ageMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return Infinity;
  }
}

/** Whether the holder may still be running. */
function holderAlive(holder: SpoolLockHolder, file: string, staleMs: number): boolean {
  const me = self();
  if (holder.host !== me.host || holder.boot !== me.boot) return ageMs(file) < staleMs;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
  }
  // The pid runs (or exists under another user); it is the holder only if it started when the holder did.
  const start = startTimeOf(holder.pid);
  return !(holder.start && start && start !== holder.start);
}

const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Creates `file` with `text` atomically (never seen half written); false if it exists. */
function createExclusive(file: string, text: string): boolean {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(temp, text, { mode: 0o600 });
  try {
    linkSync(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    unlinkSync(temp);
  }
}

/** Removes the lock of a holder judged gone, unless someone else replaced it meanwhile (one takeover at a time). */
function takeOver(file: string, gone: SpoolLockHolder | null) {
  const mutex = `${file}.takeover`;
  try {
    mkdirSync(mutex);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    if (ageMs(mutex) > TAKEOVER_STALE_MS) rmdirSync(mutex);
    else sleepSync(50);
    return;
  }
  try {
    const now = readHolder(file);
    if ((now?.token ?? null) === (gone?.token ?? null)) unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  } finally {
    rmdirSync(mutex);
  }
}

const held = new Map<string, SpoolLock>();
let exitHook: (() => void) | undefined;

/**
 * Locks the spool directory `dir` for this process (creating its parent directory if needed), or
 * throws SpoolLockedError naming the process that holds it.
 */
export function lockSpoolDir(dir: string, opts: { staleMs?: number } = {}): SpoolLock {
  const staleMs = opts.staleMs ?? DEFAULT_STALE_MS;
  const file = `${resolve(dir)}.lock`;
  const mine = held.get(file);
  if (mine && isSelf(readHolder(file) ?? ({} as SpoolLockHolder))) return mine;
  mkdirSync(dirname(file), { recursive: true });
  const holder: SpoolLockHolder = { ...self(), token: randomBytes(12).toString("hex"), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 50; attempt++) {
    if (createExclusive(file, JSON.stringify(holder) + "\n")) return remember(file, holder, staleMs);
    const current = readHolder(file);
    if (!current && ageMs(file) < 1_000) {
      sleepSync(20); // created by link(), so never half written; unreadable only while being replaced
      continue;
    }
    if (current && isSelf(current)) return remember(file, current, staleMs);
    if (current && holderAlive(current, file, staleMs)) throw new SpoolLockedError(resolve(dir), current);
    takeOver(file, current);
  }
  throw new Error(`Could not lock the capture spool ${resolve(dir)} (${file} keeps changing)`);
}

function remember(file: string, holder: SpoolLockHolder, staleMs: number): SpoolLock {
  // Refreshed so a process on another machine sharing the volume can tell the lock is live.
  const heartbeat = setInterval(() => {
    const now = new Date();
    utimes(file, now, now, () => {});
  }, staleMs / 3);
  heartbeat.unref();
  const release = () => {
    clearInterval(heartbeat);
    held.delete(file);
    if (readHolder(file)?.token !== holder.token) return;
    try {
      unlinkSync(file);
    } catch {
      // already gone
    }
  };
  if (!exitHook) process.once("exit", (exitHook = () => [...held.values()].forEach((lock) => lock.release())));
  const lock: SpoolLock = { file, holder, release };
  held.set(file, lock);
  return lock;
}
