// A seller's revenue: sales, gross, platform fee, refunds and net, per day and per listing.
// Sales count on the day they were paid; refunds on the day they were recorded, so a period's
// figures do not change when an old sale is refunded later.
import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import { env } from "@/env";
import type { Actor } from "../actor";
import { platformFee } from "./platform-fee";

type Figures = { salesCount: number; refundCount: number; grossCents: number; platformFeeCents: number; refundsCents: number; netCents: number };
const zero = (): Figures => ({ salesCount: 0, refundCount: 0, grossCents: 0, platformFeeCents: 0, refundsCents: 0, netCents: 0 });

const DAY_MS = 86_400_000;
const dayKey = (d: Date) => d.toISOString().slice(0, 10);

export async function salesSummary(db: DbOrTx, actor: Actor, input: { from?: Date; to?: Date }) {
  const to = input.to ?? new Date();
  const from = input.from ?? new Date(to.getTime() - 29 * DAY_MS);
  // A bare date "to" means the whole of that day.
  const toEnd = to.getUTCHours() === 0 && to.getUTCMinutes() === 0 && to.getUTCSeconds() === 0 && to.getUTCMilliseconds() === 0 ? new Date(to.getTime() + DAY_MS - 1) : to;
  const fromStart = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  const feePercent = env.PLATFORM_FEE_PERCENT;

  const [sales, refunds, listings] = await Promise.all([
    db.purchase.findMany({
      // Free claims are sales too (shared/marketplace/sale-definition.ts); they add nothing to the money.
      where: { sellerId: actor.id, paidAt: { gte: fromStart, lte: toEnd }, status: { in: ["paid", "partially_refunded", "refunded"] } },
      select: { id: true, listingId: true, amountCents: true, currency: true, paidAt: true, status: true },
    }),
    db.refund.findMany({
      where: { purchase: { sellerId: actor.id }, createdAt: { gte: fromStart, lte: toEnd } },
      select: { purchaseId: true, amountRefundedCents: true, createdAt: true, purchase: { select: { listingId: true, currency: true, amountCents: true } } },
      orderBy: { createdAt: "asc" },
    }),
    db.listing.findMany({ where: { sellerId: actor.id }, select: { id: true, priceCents: true, currency: true, status: true, prompt: { select: { id: true, slug: true, title: true, archivedAt: true } } } }),
  ]);

  // Refund events carry cumulative totals per charge: each refund row adds what it adds over the previous one.
  const previousTotals = new Map<string, number>();
  if (refunds.length) {
    const earlier = await db.refund.groupBy({
      by: ["purchaseId"],
      where: { purchaseId: { in: [...new Set(refunds.map((r) => r.purchaseId!))] }, createdAt: { lt: fromStart } },
      _max: { amountRefundedCents: true },
    });
    for (const e of earlier) previousTotals.set(e.purchaseId!, e._max.amountRefundedCents ?? 0);
  }

  const byCurrency = new Map<string, Figures>();
  const byDay = new Map<string, Figures & { day: string; currency: string }>();
  const byListing = new Map<string, Figures & { listingId: string; currency: string }>();
  const bucket = (currency: string, day: string, listingId: string) => {
    const c = byCurrency.get(currency) ?? zero();
    byCurrency.set(currency, c);
    const dKey = `${day}|${currency}`;
    const d = byDay.get(dKey) ?? { ...zero(), day, currency };
    byDay.set(dKey, d);
    const lKey = `${listingId}|${currency}`;
    const l = byListing.get(lKey) ?? { ...zero(), listingId, currency };
    byListing.set(lKey, l);
    return [c, d, l];
  };

  // Every listing has a row, quiet ones included.
  for (const l of listings) byListing.set(`${l.id}|${l.currency}`, { ...zero(), listingId: l.id, currency: l.currency });
  for (const sale of sales) {
    for (const f of bucket(sale.currency, dayKey(sale.paidAt!), sale.listingId)) {
      // A fully refunded sale is no sale (shared/marketplace/sale-definition.ts); its money still
      // counts in gross, and its refund comes off below.
      if (sale.status !== "refunded") f.salesCount += 1;
      f.grossCents += sale.amountCents;
      f.platformFeeCents += platformFee(sale.amountCents, feePercent);
    }
  }
  for (const r of refunds) {
    if (!r.purchase || !r.purchaseId) continue;
    const amount = r.purchase.amountCents;
    const before = previousTotals.get(r.purchaseId) ?? 0;
    const after = Math.max(before, Math.min(r.amountRefundedCents, amount));
    previousTotals.set(r.purchaseId, after);
    if (after === before) continue;
    // The platform gives back its share of refunded money: its fee is always the fee on what is kept,
    // so several partial refunds add up to exactly the fee of the whole.
    const feeBack = platformFee(amount - before, feePercent) - platformFee(amount - after, feePercent);
    for (const f of bucket(r.purchase.currency, dayKey(r.createdAt), r.purchase.listingId)) {
      f.refundCount += 1;
      f.refundsCents += after - before;
      f.platformFeeCents -= feeBack;
    }
  }
  const finish = <T extends Figures>(f: T): T => ({ ...f, netCents: f.grossCents - f.refundsCents - f.platformFeeCents });

  const currencies = [...byCurrency.entries()].map(([currency, f]) => ({ currency, ...finish(f) })).sort((a, b) => b.grossCents - a.grossCents);
  const primary = currencies[0] ?? { currency: listings[0]?.currency ?? "usd", ...zero() };
  const listingInfo = new Map(listings.map((l) => [l.id, l]));

  // Every day of the period, zeros included, in the primary currency: what a chart needs.
  const days: (Figures & { day: string })[] = [];
  for (let t = fromStart.getTime(); t <= toEnd.getTime(); t += DAY_MS) {
    const day = dayKey(new Date(t));
    const f = byDay.get(`${day}|${primary.currency}`);
    days.push({ day, ...finish(f ?? zero()) });
  }

  return {
    from: fromStart,
    to: toEnd,
    feePercent,
    currency: primary.currency,
    salesCount: primary.salesCount,
    refundCount: primary.refundCount,
    grossCents: primary.grossCents,
    platformFeeCents: primary.platformFeeCents,
    refundsCents: primary.refundsCents,
    netCents: primary.netCents,
    /** Present when the seller sold in more than one currency; totals never mix currencies. */
    byCurrency: currencies,
    byDay: days,
    byListing: [...byListing.values()]
      .map((f) => {
        const info = listingInfo.get(f.listingId);
        return { ...finish(f), listingId: f.listingId, currency: f.currency, status: info?.status ?? null, priceCents: info?.priceCents ?? null, prompt: info?.prompt ?? null };
      })
      .sort((a, b) => b.grossCents - a.grossCents || b.salesCount - a.salesCount),
    listingCount: listings.length,
  };
}
