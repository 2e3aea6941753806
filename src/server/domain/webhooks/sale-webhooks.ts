// listing.purchased / listing.refunded for the seller's endpoints (and the organisation's, for an
// organisation's prompt), emitted from the Stripe event's transaction. The buyer is not named: the
// seller's sales page says who bought, to those allowed to see it.
import "server-only";
import type { Tx } from "@/server/db/prisma";
import { emitWebhookEvent } from "./emit-webhook-event";

type SaleRow = { id: string; listingId: string; promptId: string; sellerId: string; amountCents: number; currency: string; licenseType: string; versionNumber: number };

export async function emitSaleWebhook(tx: Tx, type: "listing.purchased" | "listing.refunded", purchase: SaleRow, extra: Record<string, unknown> = {}) {
  const prompt = await tx.prompt.findUnique({ where: { id: purchase.promptId }, select: { orgId: true, slug: true, title: true } });
  await emitWebhookEvent(tx, {
    type,
    userId: purchase.sellerId,
    orgId: prompt?.orgId ?? null,
    data: {
      purchaseId: purchase.id,
      listingId: purchase.listingId,
      promptId: purchase.promptId,
      promptSlug: prompt?.slug ?? null,
      promptTitle: prompt?.title ?? null,
      amountCents: purchase.amountCents,
      currency: purchase.currency,
      licenseType: purchase.licenseType,
      versionNumber: purchase.versionNumber,
      ...extra,
    },
  });
}
