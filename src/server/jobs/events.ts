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
  /** A prompt was created or got a new version: embed its latest body with the current embedder. */
  "prompt/embed.requested": z.object({ promptId: z.string().min(1) }),
  /** Re-embed every prompt and detected prompt with the current embedder; progress in BackgroundJob `jobId`. */
  "embeddings/reembed.requested": z.object({ jobId: z.string().min(1) }),
  /** Re-cluster one owner's captured prompts into templates; progress in BackgroundJob `jobId`. */
  "template/recluster.requested": z.object({ ownerId: z.string().min(1), jobId: z.string().min(1) }),
  /** Roll usage events up to the last complete hour, apply the retention, recompute trending (also every 5 minutes by cron). */
  "analytics/rollup.requested": z.object({}),
  /** Deliver one outgoing webhook (a WebhookDelivery row): attempt, then retry with backoff; "replay" is one attempt a person asked for. */
  "webhook/delivery.requested": z.object({ deliveryId: z.string().min(1), trigger: z.enum(["retry", "replay"]).default("retry") }),
} satisfies Record<string, z.ZodType>;

export type EventName = keyof typeof events;
export type EventData<N extends EventName> = z.infer<(typeof events)[N]>;
