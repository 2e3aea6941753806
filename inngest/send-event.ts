// The one way code sends events. With Inngest configured (INNGEST_EVENT_KEY, INNGEST_DEV or
// INNGEST_BASE_URL) events go to Inngest; otherwise to the in-process runner that the composition
// root registered (server.ts). Domain code may import this, never inngest/functions/.
import { env } from "@/env";
import { inngest } from "./client";
import { events, type EventData, type EventName } from "./events";

export type InProcessDispatcher = (name: EventName, data: unknown) => void;

const holder = globalThis as unknown as { __promptuaryDispatcher?: InProcessDispatcher };

export function registerInProcessDispatcher(dispatch: InProcessDispatcher | undefined) {
  holder.__promptuaryDispatcher = dispatch;
}

export const inngestConfigured = () => Boolean(env.INNGEST_EVENT_KEY || env.INNGEST_DEV || env.INNGEST_BASE_URL);

export async function sendEvent<N extends EventName>(name: N, data: EventData<N>): Promise<void> {
  const parsed = events[name].parse(data);
  if (inngestConfigured()) {
    await inngest.send({ name, data: parsed });
    return;
  }
  const dispatch = holder.__promptuaryDispatcher;
  if (!dispatch) {
    console.warn(`[events] ${name} dropped: no Inngest configured and no in-process runner registered`);
    return;
  }
  dispatch(name, parsed);
}
