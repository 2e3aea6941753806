// Every event the app sends, declared once with a zod schema for its data.
import { z } from "zod";

export const events = {
  /** Captures were stored by the proxy's recorder (one event per batch). */
  "capture/request.recorded": z.object({ captureIds: z.array(z.string().min(1)).min(1) }),
} satisfies Record<string, z.ZodType>;

export type EventName = keyof typeof events;
export type EventData<N extends EventName> = z.infer<(typeof events)[N]>;
