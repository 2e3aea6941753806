// The fields of a webhook endpoint, checked alike by the settings form (before sending) and the
// router, and the words the page shows for each event type and delivery status.
import { z } from "zod";
import { WEBHOOK_EVENT_TYPES, webhookEventTypeSchema, type WebhookEventType } from "./webhook-events";

export const MAX_WEBHOOK_ENDPOINTS = 20;

export const webhookUrlSchema = z
  .string({ error: "is required" })
  .trim()
  .min(1, "is required")
  .max(2000, "is at most 2000 characters")
  .refine((raw) => {
    try {
      const url = new URL(raw);
      return url.protocol === "https:" || url.protocol === "http:";
    } catch {
      return false;
    }
  }, "must be an http:// or https:// URL");

export const webhookFields = z.object({
  url: webhookUrlSchema,
  events: z
    .array(webhookEventTypeSchema, { error: "must be a list of event types" })
    .max(WEBHOOK_EVENT_TYPES.length, "lists an event twice")
    .refine((list) => new Set(list).size === list.length, "lists an event twice")
    .default([]),
  description: z.string({ error: "must be text" }).trim().max(200, "is at most 200 characters").default(""),
});

export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  "version.proposed": "A version was proposed for review",
  "version.approved": "A version was approved",
  "version.rejected": "A version was rejected",
  "version.published": "A version was published without review",
  "listing.purchased": "A listing was bought",
  "listing.refunded": "A purchase was refunded",
  "capture.prompt_detected": "The proxy detected a new prompt",
  "template.found": "A new template was found in captures",
};

export const WEBHOOK_DELIVERY_STATUS_LABELS = { pending: "Pending", succeeded: "Delivered", failed: "Failed" } as const;
