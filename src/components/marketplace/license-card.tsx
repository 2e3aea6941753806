import Link from "next/link";
import { DateTime } from "@/components/ui/date-time";
import { formatDate } from "@/components/ui/format-date";
import { Badge } from "@/components/ui/card";
import { LicenseKey } from "./license-key";
import { LicenseStatusBadge } from "./license-status-badge";
import { refundSteps } from "./refund-steps";
import { TermsDisclosure } from "./terms-disclosure";
import type { LicenseData } from "./types";
import { LICENSE_TYPES } from "@/shared/marketplace/license-types";

/** One license in the Library: what it is for, its key, what it covers, its terms and its receipt. */
export function LicenseCard({ license, highlighted = false }: { license: LicenseData; highlighted?: boolean }) {
  const { prompt, receipt } = license;
  const revoked = license.status === "revoked";
  const headingId = `license-${license.id}`;
  const steps = refundSteps(receipt.refunds, receipt.currency);
  return (
    <article
      aria-labelledby={headingId}
      className={`rounded-xl border bg-white shadow-xs ${highlighted ? "border-emerald-300 ring-2 ring-emerald-200" : "border-slate-200"} ${revoked ? "bg-slate-50/60" : ""}`}
    >
      <div className="flex flex-col gap-3 border-b border-slate-100 p-4 sm:flex-row sm:items-start sm:justify-between sm:p-5">
        <div className="min-w-0">
          <h2 id={headingId} className="text-lg font-semibold leading-snug text-slate-900 [overflow-wrap:anywhere]">
            <Link href={`/p/${prompt.slug}`} className="hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-600">
              {prompt.title}
            </Link>
          </h2>
          <p className="mt-0.5 text-sm text-slate-600">
            by{" "}
            <Link href={`/u/${prompt.owner.handle}`} className="font-medium text-slate-800 hover:text-indigo-700">
              {prompt.owner.name ? `${prompt.owner.name} ` : ""}
              <span className={prompt.owner.name ? "font-normal text-slate-500" : ""}>@{prompt.owner.handle}</span>
            </Link>
          </p>
        </div>
        <div className="flex shrink-0 flex-wrap items-center gap-1.5">
          <Badge tone="indigo">{LICENSE_TYPES[license.licenseType].label} license</Badge>
          <LicenseStatusBadge status={license.status} receiptStatus={receipt.status} />
        </div>
      </div>

      <div className="grid gap-5 p-4 sm:p-5 md:grid-cols-2 md:gap-8">
        <div className="min-w-0 space-y-4">
          {revoked ? (
            <p className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-inset ring-rose-200">
              This license was revoked{license.revokedAt ? <> on {formatDate(license.revokedAt)}</> : null}
              {license.revokedReason === "refunded" ? " because the purchase was refunded." : license.revokedReason ? `: ${license.revokedReason.replace(/\.?$/, ".")}` : "."} The key no longer
              unlocks the prompt.
            </p>
          ) : null}
          <div className={revoked ? "opacity-60" : ""}>
            <LicenseKey value={license.key} />
          </div>
          <div>
            <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Covers</p>
            <p className="mt-0.5 text-sm font-medium text-slate-900">{license.coveredVersions}</p>
            <p className="text-sm text-slate-600">{license.coverageRule}</p>
          </div>
          <TermsDisclosure terms={license.terms} />
        </div>

        <section aria-label={`Receipt for ${prompt.title}`} className="min-w-0">
          <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500">Receipt</h3>
          <dl className="mt-1 divide-y divide-slate-100 text-sm">
            <div className="flex justify-between gap-4 py-2">
              <dt className="text-slate-500">Amount</dt>
              <dd className="font-semibold text-slate-900 tabular-nums">{receipt.amountLabel}</dd>
            </div>
            <div className="flex justify-between gap-4 py-2">
              <dt className="text-slate-500">{receipt.amountCents === 0 ? "Claimed" : receipt.paidAt ? "Paid" : "Ordered"}</dt>
              <dd className="text-slate-900">
                <DateTime value={receipt.paidAt ?? receipt.createdAt} />
              </dd>
            </div>
            {receipt.paymentReference ? (
              <div className="flex justify-between gap-4 py-2">
                <dt className="shrink-0 text-slate-500">Payment reference</dt>
                <dd className="min-w-0 truncate font-mono text-xs leading-5 text-slate-700" title={receipt.paymentReference}>
                  {receipt.paymentReference}
                </dd>
              </div>
            ) : null}
            {steps.map((step) => (
              <div key={step.id} className="flex justify-between gap-4 py-2">
                <dt className="text-slate-500">
                  Refund · <DateTime value={step.createdAt} />
                </dt>
                <dd className="font-medium text-rose-700 tabular-nums">−{step.label}</dd>
              </div>
            ))}
            {receipt.refundedLabel && steps.length === 0 ? (
              <div className="flex justify-between gap-4 py-2">
                <dt className="text-slate-500">Refunded</dt>
                <dd className="font-medium text-rose-700 tabular-nums">−{receipt.refundedLabel}</dd>
              </div>
            ) : null}
          </dl>
          <Link href={`/library/${license.id}`} className="mt-2 inline-flex text-sm font-medium text-indigo-600 hover:text-indigo-800">
            Printable receipt <span aria-hidden>&nbsp;→</span>
          </Link>
        </section>
      </div>
    </article>
  );
}
