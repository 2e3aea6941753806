// The in-process bus a run's cells publish on while they execute here: partial output as it
// streams, each cell when it finishes, the run when every cell has. harness.stream listens to it
// for runs of this process and polls the database for runs executing elsewhere (another replica,
// a server restarted since). One per process (process-singleton.ts), so every module copy shares it.
import "server-only";
import { EventEmitter } from "node:events";
import { processSingleton } from "@/server/process-singleton";

export type LiveRunEvent =
  /** The cell's whole output so far (the same string the cell holds, not a copy). */
  | { type: "output"; position: number; output: string }
  /** A cell's row changed in the database (started, or finished with its figures and assertions). */
  | { type: "cell"; position: number }
  /** Every cell has finished and the run is marked done. */
  | { type: "done" };

type Bus = { emitter: EventEmitter; live: Map<string, Promise<void>> };

const bus = () =>
  processSingleton<Bus>("harness-live-run-bus", () => {
    const emitter = new EventEmitter();
    // One listener per open stream of a run; many browsers may watch runs at once.
    emitter.setMaxListeners(0);
    return { emitter, live: new Map() };
  });

export function publishRunEvent(runId: string, event: LiveRunEvent) {
  bus().emitter.emit(runId, event);
}

/** Listens to one run's events; returns the function that stops listening. */
export function subscribeToRun(runId: string, listener: (event: LiveRunEvent) => void): () => void {
  const { emitter } = bus();
  emitter.on(runId, listener);
  return () => emitter.off(runId, listener);
}

/** Registers a run executing in this process until `work` settles. */
export function trackLiveRun(runId: string, work: Promise<void>) {
  const { live } = bus();
  const tracked = work.finally(() => live.delete(runId));
  live.set(runId, tracked);
}

/** Whether the run is executing in this process (its events will come on the bus). */
export const isLiveHere = (runId: string) => bus().live.has(runId);

/** Resolves when the run executing here has finished (at once if it is not executing here). */
export async function runSettled(runId: string): Promise<void> {
  await bus().live.get(runId);
}

/** Every run executing here, for a shutdown that lets them finish. */
export async function allRunsSettled(): Promise<void> {
  await Promise.allSettled([...bus().live.values()]);
}
