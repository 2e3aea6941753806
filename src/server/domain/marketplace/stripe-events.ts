// Stripe webhook events → purchases, licenses and refunds. Each event is applied in one transaction
// together with the record of its id, so a repeated delivery changes nothing and a failure is retried
// by Stripe as a whole. Events may arrive in any order:
// - a refund that arrives before its checkout waits (keyed by payment intent) and is applied when the
//   purchase is fulfilled;
// - an expiry after a completion, or a completion delivered twice, finds the purchase already settled.
import "server-only";
import type Stripe from "stripe";
import { env } from "@/env";
import type { Db, Tx } from "@/server/db/prisma";
import { latestVersionNumber } from "../versions/version-queries";
import { agreedTerms } from "./checkout";
import { grantLicense, revokeLicenseOf } from "./licenses";
import { getStripe, stripeConfigured } from "./stripe-client";
import { platformFee } from "./platform-fee";
import { notifyRefund } from "../notifications/event-notifications";
import { recordUsage, type UsageEventInput } from "../analytics/record-usage";
import { recordAudit } from "../audit/record-audit";
import { emitSaleWebhook } from "../webhooks/sale-webhooks";

export type EventOutcome = "applied" | "ignored" | "duplicate";

/** Work for after the transaction commits (calls to Stripe never hold a database transaction open). */
type AfterCommit = (task: () => Promise<void>) => void;
/** A usage event (purchase, refund) recorded once the transaction commits, so a retried delivery records it once. */
type Usage = (event: UsageEventInput) => void;
type Handler = (tx: Tx, event: Stripe.Event, afterCommit: AfterCommit, usage: Usage) => Promise<"applied" | "ignored">;

const idOf = (value: string | { id: string } | null | undefined) => (typeof value === "string" ? value : (value?.id ?? null));

async function lock(tx: Tx, key: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}

/** The pending purchase a completed session pays for, or one rebuilt from the session's metadata. */
async function purchaseForSession(tx: Tx, session: Stripe.Checkout.Session) {
  const existing = await tx.purchase.findUnique({ where: { stripeSessionId: session.id } });
  if (existing) return existing;
  const metadata = session.metadata ?? {};
  const listingId = metadata.listingId ?? metadata.listing_id;
  const buyerId = metadata.buyerId ?? metadata.buyer_id ?? session.client_reference_id ?? undefined;
  if (!listingId || !buyerId) return null;
  const [listing, buyer] = await Promise.all([
    tx.listing.findUnique({ where: { id: listingId } }),
    tx.user.findUnique({ where: { id: buyerId }, select: { id: true } }),
  ]);
  if (!listing || !buyer || listing.sellerId === buyer.id) return null;
  return tx.purchase.create({
    data: {
      listingId: listing.id,
      promptId: listing.promptId,
      buyerId: buyer.id,
      sellerId: listing.sellerId,
      amountCents: session.amount_total ?? listing.priceCents,
      currency: session.currency ?? listing.currency,
      ...agreedTerms(listing),
      versionNumber: await latestVersionNumber(tx, listing.promptId),
      stripeSessionId: session.id,
    },
  });
}

const fulfil: Handler = async (tx, event, afterCommit, usage) => {
  const session = event.data.object as Stripe.Checkout.Session;
  if (typeof session.id !== "string") return "ignored";
  // Delayed payment methods complete the session unpaid; async_payment_succeeded follows.
  if (event.type === "checkout.session.completed" && session.payment_status === "unpaid") return "ignored";
  await lock(tx, `session:${session.id}`);
  const purchase = await purchaseForSession(tx, session);
  if (!purchase || purchase.status !== "pending" && purchase.status !== "expired") return "ignored";
  const paymentIntentId = idOf(session.payment_intent);
  if (paymentIntentId) await lock(tx, `pi:${paymentIntentId}`);
  const amountCents = session.amount_total ?? purchase.amountCents;
  const paid = await tx.purchase.update({
    where: { id: purchase.id },
    data: {
      status: "paid",
      paidAt: new Date(event.created * 1000),
      amountCents,
      currency: session.currency ?? purchase.currency,
      platformFeeCents: platformFee(amountCents, env.PLATFORM_FEE_PERCENT),
      stripePaymentIntentId: paymentIntentId,
    },
  });
  usage({ kind: "purchase", source: "web", promptId: paid.promptId, ownerId: paid.sellerId, actorId: paid.buyerId, amountCents });
  await emitSaleWebhook(tx, "listing.purchased", paid);
  const license = await grantLicense(tx, paid);
  if (license) await tx.listing.update({ where: { id: paid.listingId }, data: { salesCount: { increment: 1 } } });
  // Paid twice for a prompt they already hold (two sessions completed): give the second payment back.
  else if (paymentIntentId) afterCommit(() => refundDuplicatePayment(paymentIntentId, paid.id));
  // Refunds that overtook this completion.
  if (paymentIntentId) {
    const early = await tx.refund.findMany({ where: { stripePaymentIntentId: paymentIntentId, purchaseId: null } });
    if (early.length) {
      await tx.refund.updateMany({ where: { id: { in: early.map((r) => r.id) } }, data: { purchaseId: paid.id } });
      await applyRefundTotal(tx, paid.id, Math.max(...early.map((r) => r.amountRefundedCents)), early.some((r) => r.amountRefundedCents >= amountCents), usage);
    }
  }
  return "applied";
};

const expire: Handler = async (tx, event) => {
  const session = event.data.object as Stripe.Checkout.Session;
  if (typeof session.id !== "string") return "ignored";
  await lock(tx, `session:${session.id}`);
  const { count } = await tx.purchase.updateMany({ where: { stripeSessionId: session.id, status: "pending" }, data: { status: "expired" } });
  return count ? "applied" : "ignored";
};

/**
 * Stripe reports the charge's cumulative refunded amount, so applying the largest total seen is
 * order-independent. A full refund revokes the license; a partial one is recorded and keeps it.
 */
async function applyRefundTotal(tx: Tx, purchaseId: string, refundedTotal: number, fullyRefunded: boolean, usage: Usage) {
  const purchase = await tx.purchase.findUniqueOrThrow({ where: { id: purchaseId } });
  const refundedCents = Math.min(purchase.amountCents, Math.max(purchase.refundedCents, refundedTotal));
  const full = fullyRefunded || refundedCents >= purchase.amountCents;
  await tx.purchase.update({
    where: { id: purchase.id },
    data: {
      refundedCents: full ? purchase.amountCents : refundedCents,
      status: full ? "refunded" : "partially_refunded",
      // The platform keeps its share only of what the seller keeps.
      platformFeeCents: platformFee(purchase.amountCents - (full ? purchase.amountCents : refundedCents), env.PLATFORM_FEE_PERCENT),
    },
  });
  // Only money newly given back tells the seller: an older total arriving late changes nothing.
  const newlyRefunded = (full ? purchase.amountCents : refundedCents) - purchase.refundedCents;
  if (newlyRefunded > 0) {
    // Refunds are made in Stripe and reach us as its events: the system records them (no actor).
    const prompt = await tx.prompt.findUnique({ where: { id: purchase.promptId }, select: { orgId: true } });
    await recordAudit(tx, {
      actor: null,
      action: "refund.create",
      target: { type: "purchase", id: purchase.id },
      orgId: prompt?.orgId ?? null,
      from: purchase.status,
      to: full ? "refunded" : "partially_refunded",
      details: { refundedCents: newlyRefunded, totalRefundedCents: full ? purchase.amountCents : refundedCents, amountCents: purchase.amountCents, currency: purchase.currency, listingId: purchase.listingId, sellerId: purchase.sellerId, buyerId: purchase.buyerId },
    });
    await notifyRefund(tx, purchase, { refundedCents: newlyRefunded, full });
    usage({ kind: "refund", source: "web", promptId: purchase.promptId, ownerId: purchase.sellerId, actorId: purchase.buyerId, amountCents: -newlyRefunded });
    await emitSaleWebhook(tx, "listing.refunded", purchase, { refundedCents: newlyRefunded, totalRefundedCents: full ? purchase.amountCents : refundedCents, full });
  }
  if (full && (await revokeLicenseOf(tx, purchase.id, "refunded")))
    await tx.listing.update({ where: { id: purchase.listingId }, data: { salesCount: { decrement: 1 } } });
}

async function refundDuplicatePayment(paymentIntentId: string, purchaseId: string) {
  if (!stripeConfigured()) return console.warn(`[stripe] purchase ${purchaseId} paid for a prompt the buyer already holds; refund it in Stripe (no STRIPE_SECRET_KEY here).`);
  try {
    // Stripe then sends charge.refunded, which records the refund like any other.
    await getStripe().refunds.create({ payment_intent: paymentIntentId, reason: "duplicate", metadata: { purchaseId } }, { idempotencyKey: `duplicate-${purchaseId}` });
  } catch (error) {
    console.error(`[stripe] could not refund duplicate purchase ${purchaseId}:`, error instanceof Error ? error.message : error);
  }
}

/**
 * The purchase a charge paid for: by payment intent (how Stripe links them), else by the metadata we
 * put on the payment intent (listingId, buyerId), which senders may copy onto the charge.
 */
async function purchaseForCharge(tx: Tx, charge: Stripe.Charge, paymentIntentId: string | null) {
  if (paymentIntentId) {
    const byIntent = await tx.purchase.findUnique({ where: { stripePaymentIntentId: paymentIntentId } });
    if (byIntent) return byIntent;
  }
  const metadata = charge.metadata ?? {};
  if (metadata.purchaseId) return tx.purchase.findUnique({ where: { id: metadata.purchaseId } });
  if (!metadata.listingId || !metadata.buyerId) return null;
  return tx.purchase.findFirst({
    where: {
      listingId: metadata.listingId,
      buyerId: metadata.buyerId,
      status: { in: ["paid", "partially_refunded"] },
      // Never another payment's purchase.
      ...(paymentIntentId ? { stripePaymentIntentId: null } : {}),
    },
    orderBy: { paidAt: "desc" },
  });
}

const refund: Handler = async (tx, event, _afterCommit, usage) => {
  const charge = event.data.object as Stripe.Charge;
  const paymentIntentId = idOf(charge.payment_intent);
  if (paymentIntentId) await lock(tx, `pi:${paymentIntentId}`);
  const purchase = await purchaseForCharge(tx, charge, paymentIntentId);
  if (!purchase && !paymentIntentId) return "ignored";
  // Stripe always sends amount_refunded; when a sender leaves it out, charge.refunded means "all of it".
  const refundedTotal = charge.amount_refunded ?? (purchase?.amountCents ?? charge.amount ?? 0);
  const fullyRefunded = charge.refunded === true || (charge.amount_refunded === undefined && charge.refunded !== false) || (charge.amount !== undefined && refundedTotal >= charge.amount);
  await tx.refund.create({
    data: {
      purchaseId: purchase?.id ?? null,
      stripeChargeId: typeof charge.id === "string" ? charge.id : "unknown",
      stripePaymentIntentId: paymentIntentId,
      amountRefundedCents: fullyRefunded ? Math.max(refundedTotal, charge.amount ?? 0, purchase?.amountCents ?? 0) : refundedTotal,
      currency: charge.currency ?? purchase?.currency ?? "usd",
      stripeEventId: event.id,
    },
  });
  if (!purchase) return "applied"; // waits for its checkout.session.completed
  await applyRefundTotal(tx, purchase.id, refundedTotal, fullyRefunded, usage);
  return "applied";
};

const HANDLERS: Partial<Record<string, Handler>> = {
  "checkout.session.completed": fulfil,
  "checkout.session.async_payment_succeeded": fulfil,
  "checkout.session.expired": expire,
  "checkout.session.async_payment_failed": expire,
  "charge.refunded": refund,
};

export async function handleStripeEvent(db: Db, event: Stripe.Event): Promise<EventOutcome> {
  const tasks: (() => Promise<void>)[] = [];
  let usage: UsageEventInput[] = [];
  const outcome = await db.$transaction(async (tx) => {
    usage = []; // a retried transaction starts over
    const inserted = await tx.$executeRaw`
      INSERT INTO "StripeEvent" (id, type, outcome) VALUES (${event.id}, ${event.type}, 'pending') ON CONFLICT (id) DO NOTHING`;
    if (inserted === 0) return "duplicate" as const;
    const handler = HANDLERS[event.type];
    const result = handler ? await handler(tx, event, (task) => tasks.push(task), (e) => usage.push(e)) : "ignored";
    await tx.stripeEvent.update({ where: { id: event.id }, data: { outcome: result } });
    return result;
  });
  for (const e of usage) recordUsage(db, e);
  for (const task of tasks) await task();
  return outcome;
}
