import { formatMoney } from "@/shared/money/format-money";

/**
 * Stripe reports a charge's refunds as running totals; a receipt lists what each refund gave back.
 * Returns one line per refund that added money, oldest first.
 */
export function refundSteps(refunds: { id: string; amountRefundedCents: number; createdAt: Date | string }[], currency: string) {
  let before = 0;
  const steps: { id: string; amountCents: number; label: string; createdAt: Date | string }[] = [];
  for (const r of refunds) {
    const added = r.amountRefundedCents - before;
    before = Math.max(before, r.amountRefundedCents);
    if (added > 0) steps.push({ id: r.id, amountCents: added, label: formatMoney(added, currency), createdAt: r.createdAt });
  }
  return steps;
}
