// POST /api/stripe/webhook, minus the HTTP: check the configuration and the signature header, read
// at most MAX_WEBHOOK_BYTES of the body, verify the signature over the raw body, then apply the event.
import "server-only";
import type { Db } from "@/server/db/prisma";
import { handleStripeEvent } from "./stripe-events";
import { verifyWebhook } from "./stripe-client";

export type WebhookReply = { status: number; body: Record<string, unknown> };

/** Stripe events are a few kilobytes; a body past this is refused (413) without being read further. */
export const MAX_WEBHOOK_BYTES = 1024 * 1024;

/**
 * The raw body, or a reader that returns it when it is at most `maxBytes` long (`{ tooLarge }`
 * otherwise): it is called only once the configuration and the signature header are there.
 */
export type WebhookPayload = string | ((maxBytes: number) => Promise<{ text: string } | { tooLarge: true }>);

export async function receiveStripeWebhook(db: Db, input: { payload: WebhookPayload; signature: string | null; secret: string | undefined }): Promise<WebhookReply> {
  if (!input.secret)
    return { status: 503, body: { error: "Stripe webhooks are not configured: set STRIPE_WEBHOOK_SECRET (the endpoint's signing secret) and restart." } };
  if (!input.signature) return { status: 400, body: { error: "Missing Stripe-Signature header." } };
  const read = typeof input.payload === "string" ? { text: input.payload } : await input.payload(MAX_WEBHOOK_BYTES);
  if ("tooLarge" in read || Buffer.byteLength(read.text) > MAX_WEBHOOK_BYTES)
    return { status: 413, body: { error: `The request body is larger than ${MAX_WEBHOOK_BYTES / 1024 / 1024} MB; Stripe events are far smaller.` } };
  const verified = verifyWebhook(read.text, input.signature, input.secret);
  if ("error" in verified) return { status: 400, body: { error: verified.error } };
  const event = verified.event;
  const object = (event as { data?: { object?: unknown } } | null)?.data?.object;
  if (!event || typeof event.id !== "string" || typeof event.type !== "string" || !object || typeof object !== "object")
    return { status: 400, body: { error: "The event has no id, type or data.object." } };
  const outcome = await handleStripeEvent(db, event);
  return { status: 200, body: { received: true, id: event.id, type: event.type, outcome } };
}
