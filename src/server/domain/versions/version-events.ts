// The outgoing webhook events of a version's life (proposed, approved, rejected, published), sent
// after the change committed to the organisation's endpoints, or for a personal prompt to its
// owner's own. (Not an org prompt's creator's personal endpoints: they may leave the org.) emitWebhookEvent never throws.
import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import type { WebhookEventType } from "@/shared/governance/webhook-events";
import type { Actor } from "../actor";
import { emitWebhookEvent } from "../webhooks/emit-webhook-event";

type VersionEventType = Extract<WebhookEventType, `version.${string}`>;

export async function emitVersionEvent(
  db: DbOrTx,
  type: VersionEventType,
  event: { prompt: { id: string; slug: string; orgId: string | null; ownerId: string }; version: { id: string; number: number }; actor: Actor; comment?: string | null },
) {
  await emitWebhookEvent(db, {
    type,
    orgId: event.prompt.orgId,
    userId: event.prompt.orgId ? null : event.prompt.ownerId,
    data: {
      promptId: event.prompt.id,
      promptSlug: event.prompt.slug,
      versionId: event.version.id,
      versionNumber: event.version.number,
      actor: event.actor.handle,
      ...(event.comment ? { comment: event.comment } : {}),
    },
  });
}
