// The events an outgoing webhook can subscribe to (Standard Webhooks `type` values).
import { z } from "zod";

export const WEBHOOK_EVENT_TYPES = [
  "version.proposed",
  "version.approved",
  "version.rejected",
  "version.published",
  "listing.purchased",
  "listing.refunded",
  "capture.prompt_detected",
  "template.found",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
export const webhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);
