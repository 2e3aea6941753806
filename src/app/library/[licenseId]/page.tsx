import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { DateTime } from "@/components/ui/date-time";
import { LicenseStatusBadge } from "@/components/marketplace/license-status-badge";
import { PrintButton } from "@/components/marketplace/print-button";
import { refundSteps } from "@/components/marketplace/refund-steps";
import { requireSignedIn } from "@/server/auth/require-signed-in";
import { serverApi } from "@/trpc/server";
import { notFoundOnMissing } from "@/trpc/not-found-on-missing";
import { LICENSE_TYPES } from "@/shared/marketplace/license-types";
import { formatMoney } from "@/shared/money/format-money";

export const metadata: Metadata = { title: "Receipt" };
export const dynamic = "force-dynamic";

/** A printable receipt for one license: what was bought, from whom, for how much, and any refunds. */
export default async function ReceiptPage({ params }: { params: Promise<{ licenseId: string }> }) {
  const { licenseId } = await params;
  await requireSignedIn(`/library/${licenseId}`);

  const license = await (await serverApi()).license.byId({ licenseId }).catch(notFoundOnMissing);
  const { receipt, prompt } = license;
  const steps = refundSteps(receipt.refunds, receipt.currency);
  const paidCents = receipt.amountCents - receipt.refundedCents;

  const rows: [string, ReactNode][] = [
    ["Receipt number", <span key="n" className="font-mono text-xs">{receipt.purchaseId}</span>],
    ["Date", <DateTime key="d" value={receipt.paidAt ?? receipt.createdAt} />],
    ["Licensee", `${license.holder.name ? `${license.holder.name} ` : ""}@${license.holder.handle}`],
    ["Seller", `${prompt.owner.name ? `${prompt.owner.name} ` : ""}@${prompt.owner.handle}`],
    ["License key", <span key="k" className="font-mono">{license.key}</span>],
    ["Covers", `${license.coveredVersions} — ${license.coverageRule}`],
  ];
  if (receipt.paymentReference) rows.push(["Payment reference", <span key="p" className="break-all font-mono text-xs">{receipt.paymentReference}</span>]);

  return (
    <main className="mx-auto w-full max-w-3xl px-4 py-8 sm:py-10 print:max-w-none print:p-0">
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link href="/library" className="text-sm font-medium text-indigo-600 hover:text-indigo-800">
          <span aria-hidden>←&nbsp;</span>Library
        </Link>
        <PrintButton />
      </div>

      <article className="rounded-xl border border-slate-200 bg-white p-6 shadow-xs sm:p-8 print:border-0 print:shadow-none">
        <header className="flex flex-wrap items-start justify-between gap-4 border-b border-slate-200 pb-6">
          <div>
            <p className="flex items-center gap-2 text-sm font-bold text-slate-900">
              <span aria-hidden className="inline-flex h-6 w-6 items-center justify-center rounded-md bg-indigo-600 text-xs text-white">P</span>
              Promptuary
            </p>
            <h1 className="mt-4 text-2xl font-bold tracking-tight text-slate-900">Receipt</h1>
          </div>
          <LicenseStatusBadge status={license.status} receiptStatus={receipt.status} />
        </header>

        <dl className="mt-6 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[10rem_minmax(0,1fr)]">
          {rows.map(([term, value]) => (
            <div key={term} className="space-y-0.5 sm:contents">
              <dt className="text-slate-500">{term}</dt>
              <dd className="text-slate-900 [overflow-wrap:anywhere]">{value}</dd>
            </div>
          ))}
        </dl>

        <table className="mt-8 w-full text-sm">
          <caption className="sr-only">Items and amounts</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500">
              <th scope="col" className="pb-2 font-medium">Item</th>
              <th scope="col" className="pb-2 text-right font-medium">Amount</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            <tr>
              <td className="py-3 pr-4">
                <p className="font-medium text-slate-900">{prompt.title}</p>
                <p className="text-slate-500">{LICENSE_TYPES[license.licenseType].label} license</p>
              </td>
              <td className="py-3 text-right tabular-nums text-slate-900">{receipt.amountLabel}</td>
            </tr>
            {steps.map((s) => (
              <tr key={s.id}>
                <td className="py-3 pr-4 text-slate-700">
                  Refund, <DateTime value={s.createdAt} />
                </td>
                <td className="py-3 text-right tabular-nums text-rose-700">−{s.label}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t-2 border-slate-200">
              <th scope="row" className="pt-3 text-left font-semibold text-slate-900">
                {steps.length ? "Total paid after refunds" : "Total paid"}
              </th>
              <td className="pt-3 text-right font-semibold tabular-nums text-slate-900">{receipt.amountCents === 0 ? "Free" : formatMoney(paidCents, receipt.currency)}</td>
            </tr>
          </tfoot>
        </table>

        <section aria-labelledby="terms-heading" className="mt-8 border-t border-slate-200 pt-6">
          <h2 id="terms-heading" className="text-sm font-semibold text-slate-900">License terms</h2>
          <p className="mt-2 whitespace-pre-wrap text-sm leading-relaxed text-slate-700">{license.terms}</p>
        </section>
      </article>
    </main>
  );
}
