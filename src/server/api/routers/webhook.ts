// Outgoing webhooks (Settings → Webhooks): register (the signing secret is in this answer only),
// list, delete, the delivery log, replay. Personal endpoints, or an organisation's with webhook.manage.
import { createWebhookEndpoint, deleteWebhookEndpoint, listWebhookEndpoints } from "@/server/domain/webhooks/webhook-endpoints";
import { listWebhookDeliveries, replayWebhookDelivery } from "@/server/domain/webhooks/webhook-deliveries";
import { createWebhookInput, deleteWebhookInput, listWebhooksInput, replayWebhookInput, webhookDeliveriesInput } from "@/server/domain/webhooks/schemas";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const webhookRouter = createTRPCRouter({
  create: protectedProcedure.input(createWebhookInput).mutation(({ ctx, input }) => createWebhookEndpoint(ctx.db, ctx.actor, input, { request: ctx.request })),
  list: protectedProcedure.input(listWebhooksInput).query(({ ctx, input }) => listWebhookEndpoints(ctx.db, ctx.actor, input, { request: ctx.request })),
  delete: protectedProcedure.input(deleteWebhookInput).mutation(({ ctx, input }) => deleteWebhookEndpoint(ctx.db, ctx.actor, input, { request: ctx.request })),
  deliveries: protectedProcedure.input(webhookDeliveriesInput).query(({ ctx, input }) => listWebhookDeliveries(ctx.db, ctx.actor, input)),
  replay: protectedProcedure.input(replayWebhookInput).mutation(({ ctx, input }) => replayWebhookDelivery(ctx.db, ctx.actor, input, { request: ctx.request })),
});
