// The one way code sends events. With Inngest configured (INNGEST_EVENT_KEY, INNGEST_DEV or
// INNGEST_BASE_URL) events go to Inngest; otherwise to the in-process runner that the composition
// root registered (server.ts). Anything under src/server may import this; the functions that handle
// events (top-level inngest/functions/) are imported only by the composition roots.
import { env } from "@/env";
import { existingSingleton, replaceSingleton } from "@/server/process-singleton";
import { inngest } from "./inngest-client";
import { events, type EventData, type EventName } from "./events";

export type InProcessDispatcher = (name: EventName, data: unknown) => void;

const DISPATCHER = "jobs.in-process-dispatcher";

export function registerInProcessDispatcher(dispatch: InProcessDispatcher | undefined) {
  replaceSingleton(DISPATCHER, dispatch);
}

export const inngestConfigured = () => Boolean(env.INNGEST_EVENT_KEY || env.INNGEST_DEV || env.INNGEST_BASE_URL);

const warnedDropped = new Set<string>();

export async function sendEvent<N extends EventName>(name: N, data: EventData<N>): Promise<void> {
  const parsed = events[name].parse(data);
  if (inngestConfigured()) {
    await inngest.send({ name, data: parsed });
    return;
  }
  const dispatch = existingSingleton<InProcessDispatcher>(DISPATCHER);
  if (!dispatch) {
    // Once per event name: the seed and tests create many prompts before any runner exists.
    if (!warnedDropped.has(name)) console.warn(`[events] ${name} dropped: no Inngest configured and no in-process runner registered`);
    warnedDropped.add(name);
    return;
  }
  dispatch(name, parsed);
}
