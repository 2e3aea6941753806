// Who may manage an endpoint: a personal one only its owner (anyone else gets NOT_FOUND, as for a
// private prompt); an organisation's one whoever holds webhook.manage there (assertOrgAction:
// NOT_FOUND for non-members, FORBIDDEN naming the role otherwise). Site admins get no more.
import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import type { Actor } from "../actor";
import type { RequestMeta } from "../audit/record-audit";
import { NotFoundError } from "../errors";
import { assertOrgAction } from "../governance/org-authorization";

export type ManagedEndpoint = { id: string; ownerId: string | null; orgId: string | null; url: string };

export async function assertCanManageOwner(db: DbOrTx, actor: Actor, owner: { ownerId: string | null; orgId: string | null }, request?: RequestMeta | null) {
  if (owner.orgId) await assertOrgAction(db, actor, owner.orgId, "webhook.manage", { request, target: { type: "organization", id: owner.orgId } });
  else if (owner.ownerId !== actor.id) throw new NotFoundError("Webhook");
}

export async function manageableEndpoint(db: DbOrTx, actor: Actor, endpointId: string, request?: RequestMeta | null): Promise<ManagedEndpoint> {
  const endpoint = await db.webhookEndpoint.findUnique({ where: { id: endpointId }, select: { id: true, ownerId: true, orgId: true, url: true } });
  if (!endpoint) throw new NotFoundError("Webhook");
  await assertCanManageOwner(db, actor, endpoint, request).catch((error: unknown) => {
    // An outsider hears what a wrong id gets, not "Organisation not found" (which says whose it is).
    throw error instanceof NotFoundError ? new NotFoundError("Webhook") : error;
  });
  return endpoint;
}
