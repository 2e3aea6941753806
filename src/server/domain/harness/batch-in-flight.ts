// Batches being processed in this process, each with the controller that aborts its calls in
// flight, so a cancel from this process stops them at once (another process notices the cancelled
// status within a poll) and one batch is never processed twice here at the same time.
import "server-only";
import { setMaxListeners } from "node:events";
import { processSingleton } from "@/server/process-singleton";

const inFlight = () => processSingleton("harness.batches-in-flight", () => new Map<string, AbortController>());

/** Claims the batch for this process: a controller, or null when it is already being processed here. */
export function claimBatchInFlight(batchId: string): AbortController | null {
  const map = inFlight();
  if (map.has(batchId)) return null;
  const controller = new AbortController();
  // Every call in flight (up to the provider limits) listens to this one signal.
  setMaxListeners(0, controller.signal);
  map.set(batchId, controller);
  return controller;
}

export function releaseBatchInFlight(batchId: string, controller: AbortController) {
  if (inFlight().get(batchId) === controller) inFlight().delete(batchId);
}

/** Aborts the calls in flight of a batch processed here; false when it is not processed here. */
export function abortBatchInFlight(batchId: string): boolean {
  const controller = inFlight().get(batchId);
  controller?.abort();
  return Boolean(controller);
}
