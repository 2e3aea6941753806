// Who serves the embedded database right now. The lock names a process and a port; the owner is
// trusted only when that process still runs and its port accepts connections. A crashed owner
// (gone, a zombie, or its PID reused) leaves a stale lock that the next start takes over; an owner
// that is starting up or shutting down is waited for, never taken over while it runs, because two
// processes opening one PGlite directory lose writes.
import { connect } from "node:net";
import { ownerIsAlive, readLockFile, type EmbeddedLock } from "./embedded-lock";

const POLL_MS = 200;

function accepts(port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/**
 * The lock of a running owner that answers on its port, or undefined when there is none (no lock,
 * or its owner is dead). Waits up to `waitMs` for an owner that runs but does not answer yet (still
 * opening the database, or stopping); if it still runs and does not answer then, that is an error
 * naming the process, rather than a second opener.
 */
export async function findLiveOwner(dataDir: string, { waitMs = 30_000 }: { waitMs?: number } = {}): Promise<EmbeddedLock | undefined> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const lock = readLockFile(dataDir);
    if (!lock || !ownerIsAlive(lock)) return undefined;
    if (lock.pid === process.pid) return lock;
    if (lock.port && (await accepts(lock.port))) return lock;
    if (Date.now() >= deadline) {
      throw new Error(
        `Process ${lock.pid} holds the embedded database under ${dataDir} but does not answer on its port. ` +
          `Stop that process, or if it is not Promptuary, remove ${dataDir}/pglite.lock.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
