// An endpoint's delivery log (newest first, each with its attempts: status code, response time,
// error, retry or replay) and Replay: a delivered or failed delivery is sent again, once, with the
// same webhook-id (receivers de-duplicate on it) and a fresh timestamp and signature.
import "server-only";
import type { Db } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { recordAudit, type RequestMeta } from "../audit/record-audit";
import { ConflictError, NotFoundError } from "../errors";
import { page, pageResult } from "../pagination";
import { requestWebhookDeliveries } from "./request-delivery";
import { manageableEndpoint } from "./webhook-access";

export async function listWebhookDeliveries(db: Db, actor: Actor, input: { endpointId: string; cursor?: string | null; limit: number }) {
  const endpoint = await manageableEndpoint(db, actor, input.endpointId);
  const rows = await db.webhookDelivery.findMany({
    where: { endpointId: endpoint.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...page(input),
    select: {
      id: true,
      eventType: true,
      payload: true,
      status: true,
      attempts: true,
      nextAttemptAt: true,
      lastStatusCode: true,
      lastResponseMs: true,
      lastError: true,
      createdAt: true,
      deliveredAt: true,
      attemptLog: { orderBy: { number: "asc" }, select: { id: true, number: true, trigger: true, statusCode: true, responseMs: true, error: true, createdAt: true } },
    },
  });
  return pageResult(rows, input);
}

export async function replayWebhookDelivery(db: Db, actor: Actor, input: { deliveryId: string }, options: { request?: RequestMeta | null } = {}) {
  const delivery = await db.webhookDelivery.findUnique({ where: { id: input.deliveryId }, select: { id: true, endpointId: true, status: true, eventType: true } });
  if (!delivery) throw new NotFoundError("Webhook delivery");
  const endpoint = await manageableEndpoint(db, actor, delivery.endpointId, options.request).catch((error: unknown) => {
    throw error instanceof NotFoundError ? new NotFoundError("Webhook delivery") : error;
  });
  await db.$transaction(async (tx) => {
    // Only from a finished state: a pending delivery is already being tried (or waits for its backoff).
    const moved = await tx.webhookDelivery.updateMany({ where: { id: delivery.id, status: { not: "pending" } }, data: { status: "pending", nextAttemptAt: new Date() } });
    if (moved.count === 0) throw new ConflictError("This delivery is still being tried; replay it once it has succeeded or failed.");
    await recordAudit(tx, {
      actor,
      action: "webhook.replay",
      target: { type: "webhookDelivery", id: delivery.id },
      orgId: endpoint.orgId,
      from: delivery.status,
      to: "pending",
      request: options.request,
      details: { endpointId: endpoint.id, eventType: delivery.eventType },
    });
  });
  requestWebhookDeliveries([delivery.id], "replay");
  return { id: delivery.id, status: "pending" as const };
}
