// The inputs of the webhook router, composed from the shared webhook fields.
import { z } from "zod";
import { webhookFields } from "@/shared/governance/webhook-fields";
import { idSchema } from "../ids";
import { paginationSchema } from "../pagination";

export const createWebhookInput = webhookFields.extend({ orgId: idSchema.optional() });

/** Personal endpoints by default; an organisation's by its id or (for the settings page) its slug. */
export const listWebhooksInput = z
  .object({ orgId: idSchema.optional(), orgSlug: z.string({ error: "must be text" }).trim().min(1, "is required").max(100, "is too long").optional() })
  .refine((i) => !(i.orgId && i.orgSlug), { message: "give orgId or orgSlug, not both", path: ["orgSlug"] })
  .default({});

export const deleteWebhookInput = z.object({ id: idSchema });
export const webhookDeliveriesInput = paginationSchema.extend({ endpointId: idSchema });
export const replayWebhookInput = z.object({ deliveryId: idSchema });
