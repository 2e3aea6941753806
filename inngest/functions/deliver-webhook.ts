// webhook/delivery.requested → deliver one outgoing webhook: an attempt per step, and between
// failed attempts a durable sleep until the backoff the domain wrote (nextAttemptAt), so retries
// survive as Inngest runs and, in-process, as the sweep's work after a restart. A replay is one
// attempt. "Not found" (the event can arrive before the emitting transaction commits) is retried
// by the function's own retries; what still escapes is the sweep's (deliver-webhook-sweep).
import { getDb } from "@/server/db/client";
import type { Db } from "@/server/db/prisma";
import { attemptWebhookDelivery, type AttemptOptions } from "@/server/domain/webhooks/deliver-attempt";
import { DEFAULT_WEBHOOK_RETRY } from "@/server/domain/webhooks/webhook-backoff";
import { events } from "@/server/jobs/events";
import { inngest } from "@/server/jobs/inngest-client";

export type DeliverWebhookDeps = { db: () => Db; attempt?: Omit<AttemptOptions, "trigger"> };

export function createDeliverWebhook(deps: DeliverWebhookDeps) {
  const maxAttempts = deps.attempt?.retry?.maxAttempts ?? DEFAULT_WEBHOOK_RETRY.maxAttempts;
  return inngest.createFunction(
    {
      id: "deliver-webhook",
      name: "Deliver a webhook",
      triggers: [{ event: "webhook/delivery.requested" }],
      retries: 4,
      concurrency: [{ key: "event.data.deliveryId", limit: 1 }],
    },
    async ({ event, step }) => {
      const { deliveryId, trigger } = events["webhook/delivery.requested"].parse(event.data);
      for (let n = 1; n <= maxAttempts; n++) {
        const result = await step.run(`attempt-${n}`, () => attemptWebhookDelivery(deps.db(), deliveryId, { ...deps.attempt, trigger }));
        if (result.state !== "retry") return result;
        await step.sleepUntil(`backoff-${n}`, result.nextAttemptAt);
      }
      return { state: "exhausted" };
    },
  );
}

export const deliverWebhook = createDeliverWebhook({ db: getDb });
