// The primary's side of the HTTP workers (node:cluster): N workers, each in a slot 1…N that it
// keeps when it is restarted (its spool directory is the slot's, spool-dirs.ts). The primary
// relays page cache writes from one worker to the others, restarts a worker that dies (after a
// delay that grows while it keeps dying young), and at shutdown asks every worker to stop and
// waits for them, so the database outlives every request. Workers leave by themselves when the
// primary dies (http-worker.ts), so none serves without a database.
import cluster, { type Worker } from "node:cluster";
import { isClusterMessage, WORKER_SLOT_ENV, type ClusterMessage } from "./cluster-messages";

/**
 * glibc malloc settings for the HTTP workers, whose large buffers (rendered pages, cached entries)
 * come and go with traffic: a fixed mmap threshold keeps every buffer over 128 KB in its own mapping,
 * given back when freed (by default the threshold rises after the first such free and later ones
 * stay in the heap), fewer arenas and a lower trim threshold give freed heap back sooner. After a
 * burst and 60 s idle, the workers kept about 30% less (bench:load). Set before they start; a value
 * in the environment wins.
 */
const WORKER_MALLOC: Record<string, string> = { MALLOC_ARENA_MAX: "2", MALLOC_MMAP_THRESHOLD_: "131072", MALLOC_TRIM_THRESHOLD_: "1048576" };
const workerMalloc = () => Object.fromEntries(Object.entries(WORKER_MALLOC).filter(([name]) => process.env[name] === undefined));

/**
 * A larger young generation for the HTTP workers: a page render allocates tens of MB of short-lived
 * objects (React elements, RSC rows, query results), and with V8's default 16 MB semi-spaces the
 * scavenger ran every few requests and promoted what was still in flight, so major collections
 * followed. 64 MB: signed-in pages 77.7 → 90.1 req/s, 23.8 → 20.7 ms CPU per request (bench:load).
 * A flag already given (command line or NODE_OPTIONS) wins.
 */
const WORKER_SEMI_SPACE = "--max-semi-space-size=64";
const workerExecArgv = () =>
  [...process.execArgv, process.env.NODE_OPTIONS ?? ""].some((arg) => arg.includes("--max-semi-space-size")) ? process.execArgv : [...process.execArgv, WORKER_SEMI_SPACE];

export type WorkerCluster = {
  /** Resolves with the port once every worker listens; rejects if one exits first. */
  listening: Promise<number>;
  /** Asks every worker to stop, waits up to `graceMs`, then kills those left. */
  stop(graceMs: number): Promise<void>;
};

const YOUNG_MS = 10_000;

export function startWorkerCluster(opts: {
  workers: number;
  /** Environment every worker gets on top of this process's (the embedded database's URL). */
  env: Record<string, string>;
  /** Messages that are not the cluster's own (job events). */
  onMessage: (message: unknown) => void;
  log?: (line: string) => void;
}): WorkerCluster {
  const log = opts.log ?? ((line: string) => console.error(line));
  // Structured clone, not JSON: job events may carry dates.
  cluster.setupPrimary({ serialization: "advanced", execArgv: workerExecArgv() });
  const bySlot = new Map<number, Worker>();
  const crashes = new Map<number, number>();
  let stopping = false;
  let starting = true;
  let listeningCount = 0;
  let resolveListening: (port: number) => void = () => {};
  let rejectListening: (error: Error) => void = () => {};
  const listening = new Promise<number>((resolve, reject) => {
    resolveListening = resolve;
    rejectListening = reject;
  });
  let databaseDown = false;
  const send = (worker: Worker, message: ClusterMessage) => {
    if (worker.isConnected()) worker.send(message, undefined, () => {});
  };

  function fork(slot: number) {
    const worker = cluster.fork({ ...workerMalloc(), ...opts.env, [WORKER_SLOT_ENV]: String(slot) });
    const startedAt = Date.now();
    bySlot.set(slot, worker);
    worker.on("message", (message: unknown) => {
      if (!isClusterMessage(message)) return opts.onMessage(message);
      if (message.type === "promptuary:database-state") {
        // Every worker with traffic notices an outage; it is logged once, when the state changes.
        if (message.reachable === databaseDown) {
          databaseDown = !message.reachable;
          console.error(`[capture] ${message.line}`);
          // A worker that served no lookup in the outage did not notice it: revocations made meanwhile apply there too.
          if (message.reachable) for (const w of bySlot.values()) send(w, { type: "promptuary:key-answers.recheck" });
        }
        return;
      }
      if (message.type === "promptuary:key-answer") {
        for (const [other, w] of bySlot) if (other !== slot) send(w, message);
        return;
      }
      if (message.type === "promptuary:page-cache.entry") {
        for (const [other, w] of bySlot) if (other !== slot) send(w, message);
        return;
      }
      if (message.type !== "promptuary:page-cache.write") return;
      for (const [other, w] of bySlot) if (other !== slot) send(w, { ...message, source: String(slot) });
    });
    worker.once("listening", (address) => {
      if (!starting) return;
      if (++listeningCount === opts.workers) {
        starting = false;
        resolveListening(address.port);
      }
    });
    worker.once("exit", (code, signal) => {
      if (bySlot.get(slot) === worker) bySlot.delete(slot);
      for (const w of bySlot.values()) send(w, { type: "promptuary:page-cache.forget", source: String(slot) });
      if (stopping) return;
      if (starting) {
        stopping = true;
        rejectListening(new Error(`HTTP worker ${slot} exited during start-up (${signal ?? `code ${code}`})`));
        return;
      }
      const young = Date.now() - startedAt < YOUNG_MS;
      const crashCount = young ? (crashes.get(slot) ?? 0) + 1 : 1;
      crashes.set(slot, crashCount);
      const delay = Math.min(30_000, 500 * 2 ** (crashCount - 1));
      log(`✖ HTTP worker ${slot} (pid ${worker.process.pid}) exited (${signal ?? `code ${code}`}); starting it again in ${(delay / 1000).toFixed(1)} s`);
      setTimeout(() => {
        if (!stopping) fork(slot);
      }, delay).unref();
    });
  }

  for (let slot = 1; slot <= opts.workers; slot++) fork(slot);

  return {
    listening,
    async stop(graceMs) {
      stopping = true;
      const workers = [...bySlot.values()];
      const exited = Promise.all(workers.map((w) => (w.isDead() ? Promise.resolve() : new Promise<void>((resolve) => w.once("exit", () => resolve())))));
      for (const w of workers) send(w, { type: "promptuary:stop" });
      let timer: NodeJS.Timeout | undefined;
      const inTime = await Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(resolve, graceMs, false)))]);
      clearTimeout(timer);
      if (!inTime) {
        log(`✖ HTTP workers still running after ${(graceMs / 1000).toFixed(1)} s; killing them`);
        for (const w of workers) if (!w.isDead()) w.process.kill("SIGKILL");
        await exited;
      }
    },
  };
}
