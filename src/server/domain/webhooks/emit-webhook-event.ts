// Emits one webhook event: a pending WebhookDelivery per matching endpoint (the user's own and/or
// the org's, not disabled, subscribed to the type or to everything), then asks the delivery job to
// send each. Pass the change's `tx` so deliveries exist exactly when the change does. Never throws:
// a receiver that is down, or a job queue that is, must not fail the request that caused the event
// (a delivery whose event is lost is re-sent by the sweep, deliver-webhook-sweep).
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { DbOrTx } from "@/server/db/prisma";
import type { WebhookEventType } from "@/shared/governance/webhook-events";
import { requestWebhookDeliveries } from "./request-delivery";

export type WebhookEvent = { type: WebhookEventType; userId?: string | null; orgId?: string | null; data: Record<string, unknown> };

/** The Standard Webhooks payload: what is signed and sent, byte for byte, on every attempt. */
export type WebhookPayload = { type: WebhookEventType; timestamp: string; data: Record<string, unknown> };

export async function emitWebhookEvent(db: DbOrTx, event: WebhookEvent): Promise<void> {
  try {
    const owners: Prisma.WebhookEndpointWhereInput[] = [];
    if (event.userId) owners.push({ ownerId: event.userId });
    if (event.orgId) owners.push({ orgId: event.orgId });
    if (owners.length === 0) return;
    const endpoints = await db.webhookEndpoint.findMany({
      where: { OR: owners, disabledAt: null },
      select: { id: true, events: true },
    });
    const matching = endpoints.filter((e) => e.events.length === 0 || e.events.includes(event.type));
    if (matching.length === 0) return;
    const payload: WebhookPayload = { type: event.type, timestamp: new Date().toISOString(), data: event.data };
    const now = new Date();
    // As it will be sent: Dates become ISO strings, undefined fields go.
    const json = JSON.parse(JSON.stringify(payload)) as Prisma.InputJsonValue;
    const deliveries = await db.webhookDelivery.createManyAndReturn({
      data: matching.map((e) => ({ endpointId: e.id, eventType: event.type, payload: json, nextAttemptAt: now })),
      select: { id: true },
    });
    requestWebhookDeliveries(deliveries.map((d) => d.id));
  } catch (error) {
    console.error(`[webhooks] ${event.type} not emitted:`, error);
  }
}
