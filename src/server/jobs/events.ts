// Every event the app sends, declared once with a zod schema for its data.
import { z } from "zod";

export const events = {
  /** Captures were stored by the proxy's recorder (one event per batch). */
  "capture/request.recorded": z.object({ captureIds: z.array(z.string().min(1)).min(1) }),
  /** Re-queue captures awaiting identity created before `createdBefore` and not claimed since `claimedBefore` (sent at start-up). */
  "capture/identity.sweep": z.object({ createdBefore: z.iso.datetime(), claimedBefore: z.iso.datetime() }),
  /** A harness batch was stored (or must be resumed): run its pending cells. */
  "harness/batch.requested": z.object({ batchId: z.string().min(1) }),
  /** Resume every queued or running harness batch created before `createdBefore` (sent at start-up). */
  "harness/batches.resume": z.object({ createdBefore: z.iso.datetime() }),
} satisfies Record<string, z.ZodType>;

export type EventName = keyof typeof events;
export type EventData<N extends EventName> = z.infer<(typeof events)[N]>;
