// Registering, listing and deleting webhook endpoints, personal or an organisation's. The URL is
// checked (http(s), a host that resolves to public addresses) before anything is stored; the
// signing secret is returned once, by create, and stored sealed. Create and delete are audited in
// the transaction that makes the change.
import "server-only";
import type { z } from "zod";
import type { Db } from "@/server/db/prisma";
import { MAX_WEBHOOK_ENDPOINTS } from "@/shared/governance/webhook-fields";
import type { WebhookEventType } from "@/shared/governance/webhook-events";
import type { Actor } from "../actor";
import { recordAudit, type RequestMeta } from "../audit/record-audit";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import type { createWebhookInput, listWebhooksInput } from "./schemas";
import { assertCanManageOwner, manageableEndpoint } from "./webhook-access";
import { newWebhookSecret, sealWebhookSecret } from "./webhook-secret";
import { parseWebhookUrl, privateUrlsAllowed, urlRefusal } from "./url-safety";

export type WebhookEndpointView = {
  id: string;
  url: string;
  description: string;
  events: WebhookEventType[];
  orgId: string | null;
  createdAt: Date;
  /** The last delivery's status and when it was created, or null before the first. */
  lastDelivery: { status: "pending" | "succeeded" | "failed"; createdAt: Date } | null;
  deliveries: { succeeded: number; failed: number; pending: number };
};

type Options = { request?: RequestMeta | null; allowPrivate?: boolean };

export async function createWebhookEndpoint(db: Db, actor: Actor, input: z.output<typeof createWebhookInput>, options: Options = {}) {
  const owner = { ownerId: input.orgId ? null : actor.id, orgId: input.orgId ?? null };
  await assertCanManageOwner(db, actor, owner, options.request);
  const url = parseWebhookUrl(input.url);
  if (!(url instanceof URL)) throw new ValidationError(`url: ${url.problem}`, { url: [url.problem] });
  const refusal = await urlRefusal(url, options.allowPrivate ?? privateUrlsAllowed());
  if (refusal) throw new ValidationError(`url: ${refusal}`, { url: [refusal] });
  const count = await db.webhookEndpoint.count({ where: owner.orgId ? { orgId: owner.orgId } : { ownerId: actor.id } });
  if (count >= MAX_WEBHOOK_ENDPOINTS) throw new ConflictError(`At most ${MAX_WEBHOOK_ENDPOINTS} webhooks; delete one first.`);
  const secret = newWebhookSecret();
  return db.$transaction(async (tx) => {
    // The secret is sealed to the endpoint's id, which exists only once the row does.
    const row = await tx.webhookEndpoint.create({
      data: { ...owner, url: url.href, description: input.description, events: input.events, secretCiphertext: "" },
      select: { id: true, url: true, description: true, events: true, orgId: true, createdAt: true },
    });
    await tx.webhookEndpoint.update({ where: { id: row.id }, data: { secretCiphertext: sealWebhookSecret(row.id, secret) } });
    await recordAudit(tx, {
      actor,
      action: "webhook.create",
      target: { type: "webhook", id: row.id },
      orgId: owner.orgId,
      to: row.url,
      request: options.request,
      details: { events: input.events, description: input.description },
    });
    return { ...row, events: row.events as WebhookEventType[], secret };
  });
}

async function orgOf(db: Db, actor: Actor, input: z.output<typeof listWebhooksInput>, request?: RequestMeta | null) {
  if (!input.orgId && !input.orgSlug) return null;
  const org = await db.organization.findUnique({ where: input.orgId ? { id: input.orgId } : { slug: input.orgSlug }, select: { id: true, slug: true, name: true } });
  if (!org) throw new NotFoundError("Organisation");
  await assertCanManageOwner(db, actor, { ownerId: null, orgId: org.id }, request);
  return org;
}

export async function listWebhookEndpoints(db: Db, actor: Actor, input: z.output<typeof listWebhooksInput>, options: Options = {}) {
  const org = await orgOf(db, actor, input, options.request);
  const rows = await db.webhookEndpoint.findMany({
    where: org ? { orgId: org.id } : { ownerId: actor.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      url: true,
      description: true,
      events: true,
      orgId: true,
      createdAt: true,
      deliveries: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1, select: { status: true, createdAt: true } },
    },
  });
  const counts = rows.length
    ? await db.webhookDelivery.groupBy({ by: ["endpointId", "status"], where: { endpointId: { in: rows.map((r) => r.id) } }, _count: { _all: true } })
    : [];
  const endpoints: WebhookEndpointView[] = rows.map(({ deliveries, events, ...row }) => {
    const tally = { succeeded: 0, failed: 0, pending: 0 };
    for (const c of counts) if (c.endpointId === row.id) tally[c.status] = c._count._all;
    return { ...row, events: events as WebhookEventType[], lastDelivery: deliveries[0] ?? null, deliveries: tally };
  });
  return { org, endpoints };
}

export async function deleteWebhookEndpoint(db: Db, actor: Actor, input: { id: string }, options: Options = {}) {
  const endpoint = await manageableEndpoint(db, actor, input.id, options.request);
  await db.$transaction(async (tx) => {
    await tx.webhookEndpoint.delete({ where: { id: endpoint.id } });
    await recordAudit(tx, { actor, action: "webhook.delete", target: { type: "webhook", id: endpoint.id }, orgId: endpoint.orgId, from: endpoint.url, request: options.request });
  });
  return { id: endpoint.id };
}
