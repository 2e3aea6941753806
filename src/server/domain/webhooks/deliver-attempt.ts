// One attempt at a delivery, as the delivery job runs it: claim the row (only a pending, due
// delivery; the claim pushes nextAttemptAt past the attempt's deadline, so a second run or the
// sweep never sends it at the same time), send the stored payload signed with the endpoint's
// secret, then write the attempt to the log and decide: succeeded, retry at a backoff, or failed
// (attempts used up, a replay, which is one attempt a person asked for, or a refusal no retry can
// cure, such as a URL now resolving to a private address).
import "server-only";
import type { Db } from "@/server/db/prisma";
import { DEFAULT_WEBHOOK_RETRY, type WebhookRetryPolicy } from "./webhook-backoff";
import { openWebhookSecret } from "./webhook-secret";
import { sendWebhook, WEBHOOK_TIMEOUT_MS, type SendOutcome } from "./send-webhook";

export type DeliveryTrigger = "retry" | "replay";

export type AttemptResult =
  | { state: "succeeded" | "failed"; attempt: number; statusCode: number | null }
  | { state: "retry"; attempt: number; statusCode: number | null; nextAttemptAt: string }
  /** Not pending (already delivered or failed), or not due (another run holds it, or it waits for a backoff). */
  | { state: "skipped"; reason: string };

export type AttemptOptions = { trigger?: DeliveryTrigger; retry?: WebhookRetryPolicy; allowPrivate?: boolean; timeoutMs?: number };

/** Thrown when the delivery is not there (yet): the event can arrive before the emitting transaction commits. */
export class DeliveryNotFoundError extends Error {
  constructor(deliveryId: string) {
    super(`webhook delivery ${deliveryId} not found (not committed yet, or its endpoint was deleted)`);
    this.name = "DeliveryNotFoundError";
  }
}

const LEASE_MARGIN_MS = 50_000;

export async function attemptWebhookDelivery(db: Db, deliveryId: string, options: AttemptOptions = {}): Promise<AttemptResult> {
  const trigger = options.trigger ?? "retry";
  const retry = options.retry ?? DEFAULT_WEBHOOK_RETRY;
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const now = new Date();
  // A second of slack: a timer can wake a hair before the wall clock reaches the stored time.
  const due = new Date(now.getTime() + 1000);
  const claimed = await db.webhookDelivery.updateMany({
    where: { id: deliveryId, status: "pending", OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: due } }] },
    data: { nextAttemptAt: new Date(now.getTime() + timeoutMs + LEASE_MARGIN_MS) },
  });
  if (claimed.count === 0) {
    const row = await db.webhookDelivery.findUnique({ where: { id: deliveryId }, select: { status: true } });
    if (!row) throw new DeliveryNotFoundError(deliveryId);
    return { state: "skipped", reason: row.status === "pending" ? "not due: another run holds it or it waits for its backoff" : `already ${row.status}` };
  }
  const delivery = await db.webhookDelivery.findUniqueOrThrow({
    where: { id: deliveryId },
    select: { attempts: true, payload: true, endpoint: { select: { id: true, url: true, secretCiphertext: true, disabledAt: true } } },
  });
  const number = delivery.attempts + 1;
  const sent = await send(deliveryId, delivery.endpoint, JSON.stringify(delivery.payload), { timeoutMs, allowPrivate: options.allowPrivate });
  const finished = new Date();
  const giveUp = !sent.ok && (sent.permanent || trigger === "replay" || number >= retry.maxAttempts);
  const state = sent.ok ? "succeeded" : giveUp ? "failed" : "retry";
  const nextAttemptAt = state === "retry" ? new Date(finished.getTime() + retry.delayMs(number)) : null;
  try {
    await db.$transaction([
      db.webhookAttempt.create({ data: { deliveryId, number, trigger, statusCode: sent.statusCode, responseMs: sent.responseMs, error: sent.error } }),
      db.webhookDelivery.update({
        where: { id: deliveryId },
        data: {
          attempts: number,
          status: state === "retry" ? "pending" : state,
          nextAttemptAt,
          lastStatusCode: sent.statusCode,
          lastResponseMs: sent.responseMs,
          lastError: sent.error,
          ...(sent.ok ? { deliveredAt: finished } : {}),
        },
      }),
    ]);
  } catch (error) {
    // The endpoint was deleted during the attempt (its deliveries went with it): nothing to record.
    if (!(await db.webhookDelivery.findUnique({ where: { id: deliveryId }, select: { id: true } }))) return { state: "skipped", reason: "deleted during the attempt" };
    throw error;
  }
  return state === "retry" ? { state, attempt: number, statusCode: sent.statusCode, nextAttemptAt: nextAttemptAt!.toISOString() } : { state, attempt: number, statusCode: sent.statusCode };
}

type EndpointRow = { id: string; url: string; secretCiphertext: string; disabledAt: Date | null };

async function send(deliveryId: string, endpoint: EndpointRow, body: string, options: { timeoutMs: number; allowPrivate?: boolean }): Promise<SendOutcome> {
  if (endpoint.disabledAt) return { ok: false, statusCode: null, responseMs: 0, error: "the endpoint is disabled" };
  let secret: string;
  try {
    secret = openWebhookSecret(endpoint.id, endpoint.secretCiphertext);
  } catch (e) {
    return { ok: false, statusCode: null, responseMs: 0, error: `the signing secret ${(e as Error).message}` };
  }
  return sendWebhook({ url: endpoint.url, secret, messageId: deliveryId, body, timeoutMs: options.timeoutMs, allowPrivate: options.allowPrivate });
}
