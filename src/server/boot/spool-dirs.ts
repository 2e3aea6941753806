// Which capture spool each server process appends to, and which spools it replays for processes
// that no longer exist. One process (`WEB_CONCURRENCY=1`, `npm run dev`): DATA_DIR/spool. A cluster:
// worker k (1…N, the same k when it is restarted) DATA_DIR/spool/worker-k, so a worker's spool
// outlives it and its successor replays it. Spools nobody appends to any more are replayed by one
// process: DATA_DIR/spool by worker 1 of a cluster, workers above N (an earlier, larger cluster)
// by worker 1, and every worker's by a single process.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { CaptureRuntimeOptions } from "./capture-runtime";

const WORKER_DIR = /^worker-(\d+)$/;

export const singleProcessSpoolDir = (dataDir: string) => join(dataDir, "spool");
export const workerSpoolDir = (dataDir: string, slot: number) => join(dataDir, "spool", `worker-${slot}`);

/** The worker spools on disk, with their slots. */
function workerSpools(dataDir: string): { slot: number; dir: string }[] {
  let names: string[];
  try {
    names = readdirSync(singleProcessSpoolDir(dataDir));
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const slot = Number(WORKER_DIR.exec(name)?.[1]);
    return Number.isInteger(slot) && slot > 0 ? [{ slot, dir: join(singleProcessSpoolDir(dataDir), name) }] : [];
  });
}

/** The spools of one process: `slot` is the worker's (1…workers), or undefined for a single process. */
export function spoolPlan(dataDir: string, process: { slot?: number; workers: number }): Required<Pick<CaptureRuntimeOptions, "spoolDir" | "adoptSpoolDirs">> {
  if (process.slot === undefined) return { spoolDir: singleProcessSpoolDir(dataDir), adoptSpoolDirs: workerSpools(dataDir).map((w) => w.dir) };
  const adopt =
    process.slot === 1 ? [singleProcessSpoolDir(dataDir), ...workerSpools(dataDir).filter((w) => w.slot > process.workers).map((w) => w.dir)] : [];
  return { spoolDir: workerSpoolDir(dataDir, process.slot), adoptSpoolDirs: adopt };
}
