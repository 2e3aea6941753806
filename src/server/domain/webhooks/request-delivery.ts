// Asks the delivery job to send deliveries. A send that fails is logged, never thrown: the rows are
// pending with a due nextAttemptAt, so the sweep (deliver-webhook-sweep) sends them again.
import "server-only";
import { sendEvent } from "@/server/jobs/send-event";

export function requestWebhookDeliveries(deliveryIds: string[], trigger: "retry" | "replay" = "retry"): void {
  for (const deliveryId of deliveryIds) {
    sendEvent("webhook/delivery.requested", { deliveryId, trigger }).catch((error: unknown) => console.error("[webhooks] delivery event not sent:", error));
  }
}
