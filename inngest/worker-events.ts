// Events sent in an HTTP worker of `npm start` (a cluster worker) when Inngest is not configured:
// the in-process runner lives in the primary, which owns the database, so sendEvent in a worker
// hands each event to the primary over the cluster's IPC channel and the primary dispatches it to
// its runner. With Inngest configured, workers send to Inngest directly (send-event.ts) and none
// of this is used.
import { registerInProcessDispatcher } from "@/server/jobs/send-event";
import type { InProcessRunner } from "./in-process-runner";

type EventMessage = { type: "promptuary:event"; name: string; data: unknown };

const isEventMessage = (message: unknown): message is EventMessage =>
  (message as { type?: unknown } | null)?.type === "promptuary:event" && typeof (message as EventMessage).name === "string";

/** In a worker: sendEvent's in-process path goes to the primary. */
export function relayEventsToPrimary(): void {
  registerInProcessDispatcher((name, data) => {
    if (!process.send || !process.connected) {
      console.warn(`[jobs] ${name} dropped: the primary process is gone`);
      return;
    }
    process.send({ type: "promptuary:event", name, data } satisfies EventMessage, undefined, undefined, (error: Error | null) => {
      if (error) console.warn(`[jobs] ${name} dropped: ${error.message}`);
    });
  });
}

/** In the primary: a message from a worker that is an event goes to the runner; false otherwise. */
export function dispatchWorkerEvent(runner: InProcessRunner | undefined, message: unknown): boolean {
  if (!isEventMessage(message)) return false;
  if (runner) runner.dispatch(message.name, message.data);
  else console.warn(`[jobs] ${message.name} from a worker dropped: no in-process runner (Inngest is configured)`);
  return true;
}
