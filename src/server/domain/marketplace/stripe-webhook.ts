// POST /api/stripe/webhook, minus the HTTP: verify the signature over the raw body, then apply the event.
import "server-only";
import type { Db } from "@/server/db/prisma";
import { handleStripeEvent } from "./stripe-events";
import { verifyWebhook } from "./stripe-client";

export type WebhookReply = { status: number; body: Record<string, unknown> };

export async function receiveStripeWebhook(db: Db, input: { payload: string; signature: string | null; secret: string | undefined }): Promise<WebhookReply> {
  if (!input.secret)
    return { status: 503, body: { error: "Stripe webhooks are not configured: set STRIPE_WEBHOOK_SECRET (the endpoint's signing secret) and restart." } };
  if (!input.signature) return { status: 400, body: { error: "Missing Stripe-Signature header." } };
  const verified = verifyWebhook(input.payload, input.signature, input.secret);
  if ("error" in verified) return { status: 400, body: { error: verified.error } };
  const event = verified.event;
  const object = (event as { data?: { object?: unknown } } | null)?.data?.object;
  if (!event || typeof event.id !== "string" || typeof event.type !== "string" || !object || typeof object !== "object")
    return { status: 400, body: { error: "The event has no id, type or data.object." } };
  const outcome = await handleStripeEvent(db, event);
  return { status: 200, body: { received: true, id: event.id, type: event.type, outcome } };
}
