// The outgoing webhook events of a version's life (proposed, approved, rejected, published), sent
// to the organisation's endpoints after the change committed. emitWebhookEvent never throws.
import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import type { WebhookEventType } from "@/shared/governance/webhook-events";
import type { Actor } from "../actor";
import { emitWebhookEvent } from "../webhooks/emit-webhook-event";

type VersionEventType = Extract<WebhookEventType, `version.${string}`>;

export async function emitVersionEvent(
  db: DbOrTx,
  type: VersionEventType,
  event: { prompt: { id: string; slug: string; orgId: string | null }; version: { id: string; number: number }; actor: Actor; comment?: string | null },
) {
  await emitWebhookEvent(db, {
    type,
    orgId: event.prompt.orgId,
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
