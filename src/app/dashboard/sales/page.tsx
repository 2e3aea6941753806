import type { Metadata } from "next";
import Link from "next/link";
import { ArrowRightIcon } from "@/components/ui/icons";
import { SalesChart } from "@/components/marketplace/sales-chart";
import type { ListingSummary, SalesSummaryData } from "@/components/marketplace/types";
import { ButtonLink } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/components/ui/format-date";
import { plural } from "@/components/ui/plural";
import { requireSignedIn } from "@/server/auth/require-signed-in";
import { serverApi } from "@/trpc/server";
import { firstParam } from "@/app/_components/search-params";
import { LICENSE_TYPES } from "@/shared/marketplace/license-types";
import { LISTING_STATUSES } from "@/shared/marketplace/listing-statuses";
import { SALES_COUNT_RULE } from "@/shared/marketplace/sale-definition";
import { formatMoney, priceLabel } from "@/shared/money/format-money";

export const metadata: Metadata = { title: "Sales" };
export const dynamic = "force-dynamic";

const PERIODS = [7, 30, 90] as const;
type Period = (typeof PERIODS)[number];
const DAY_MS = 86_400_000;

/** The first day of a period ending today (the summary counts whole UTC days). */
const periodStart = (days: Period) => new Date(Date.now() - (days - 1) * DAY_MS);

const editHref = (slug: string) => `/p/${slug}?sell=1#sell`;

export default async function SalesPage({ searchParams }: { searchParams: Promise<{ days?: string | string[] }> }) {
  const sp = await searchParams;
  const raw = Number(firstParam(sp.days));
  const days: Period = PERIODS.includes(raw as Period) ? (raw as Period) : 30;
  const user = await requireSignedIn(days === 30 ? "/dashboard/sales" : `/dashboard/sales?days=${days}`);

  const api = await serverApi();
  const [summary, listings] = await Promise.all([
    api.sales.summary({ from: periodStart(days) }),
    api.listing.list({ sellerHandle: user.handle, sort: "newest", limit: 100 }),
  ]);
  const money = (minor: number) => formatMoney(minor, summary.currency);

  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:py-10">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Sales</h1>
          <p className="mt-1.5 text-sm text-slate-600">
            {summary.listingCount
              ? `What your listings earned from ${formatDate(summary.from)} to ${formatDate(summary.to)}. Sales count on the day they were paid, refunds on the day they were made.`
              : "What your listings earn: sales, the platform fee, refunds and what is left for you."}
          </p>
        </div>
        {summary.listingCount ? <PeriodPicker current={days} /> : null}
      </header>

      {summary.listingCount === 0 ? (
        <div className="mt-8">
          <EmptyState
            title="You are not selling anything yet"
            action={
              <ButtonLink href={`/u/${user.handle}`}>
                Open your prompts
                <ArrowRightIcon />
              </ButtonLink>
            }
          >
            <p>
              Open one of your public or unlisted prompts and choose <strong className="font-semibold text-slate-800">Sell this prompt</strong>. Set a price (or 0 for
              free), a license type and terms; buyers pay through Stripe and get a license key. Your sales show up here.
            </p>
          </EmptyState>
        </div>
      ) : (
        <>
          <section aria-labelledby="totals-heading" className="mt-8">
            <h2 id="totals-heading" className="sr-only">
              Totals for the last {days} days
            </h2>
            <dl className="grid grid-cols-2 gap-3 lg:grid-cols-5">
              <Kpi label="Sales" value={String(summary.salesCount)} detail={summary.refundCount ? `${plural(summary.refundCount, "refund")}; fully refunded sales not counted` : "fully refunded sales not counted"} />
              <Kpi label="Gross" value={money(summary.grossCents)} detail="what buyers paid" />
              <Kpi label="Platform fee" value={money(summary.platformFeeCents)} detail={`${summary.feePercent}% of each sale`} />
              <Kpi label="Refunds" value={money(summary.refundsCents)} detail={summary.refundsCents ? "returned to buyers" : "none"} tone={summary.refundsCents ? "rose" : undefined} />
              <div className="col-span-2 lg:col-span-1">
                <Kpi label="Net" value={money(summary.netCents)} detail="yours, after fee and refunds" tone="indigo" />
              </div>
            </dl>
            <OtherCurrencies summary={summary} />
          </section>

          <section aria-labelledby="chart-heading" className="mt-8">
            <h2 id="chart-heading" className="sr-only">
              Per day
            </h2>
            <SalesChart days={summary.byDay} currency={summary.currency} title={`Gross and net per day, last ${days} days`} />
          </section>

          <section aria-labelledby="by-listing-heading" className="mt-10">
            <h2 id="by-listing-heading" className="text-lg font-semibold text-slate-900">
              By listing
            </h2>
            <p className="mt-1 text-sm text-slate-600">{SALES_COUNT_RULE}</p>
            {summary.byListing.length ? (
              <>
              {/* Phones: one card per listing with its numbers stacked, so none hides off-screen. */}
              <ul className="mt-3 space-y-3 sm:hidden" aria-label={`Sales per listing, last ${days} days`}>
                {summary.byListing.map((row) => {
                  const m = (minor: number) => formatMoney(minor, row.currency);
                  return (
                    <li key={`${row.listingId}-${row.currency}`} className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs">
                      <div className="flex items-start justify-between gap-3">
                        {row.prompt ? (
                          <Link href={`/p/${row.prompt.slug}`} className="font-medium text-slate-900 hover:text-indigo-700 [overflow-wrap:anywhere]">
                            {row.prompt.title}
                          </Link>
                        ) : (
                          <span className="text-slate-500">Deleted prompt</span>
                        )}
                        {row.status ? (
                          <span className="shrink-0">
                            <ListingStatusBadge status={row.status} archived={Boolean(row.prompt?.archivedAt)} />
                          </span>
                        ) : null}
                      </div>
                      <dl className="mt-3 grid grid-cols-3 gap-x-3 gap-y-2 text-sm tabular-nums">
                        {[
                          ["Price", row.priceCents === null ? "—" : priceLabel(row.priceCents, row.currency)],
                          ["Sales", `${row.salesCount}${row.refundCount ? ` (${row.refundCount} refunded)` : ""}`],
                          ["Gross", m(row.grossCents)],
                          ["Fee", m(row.platformFeeCents)],
                          ["Refunds", m(row.refundsCents)],
                          ["Net", m(row.netCents)],
                        ].map(([label, value]) => (
                          <div key={label}>
                            <dt className="text-xs uppercase tracking-wide text-slate-500">{label}</dt>
                            <dd className={label === "Net" ? "font-semibold text-slate-900" : "text-slate-800"}>{value}</dd>
                          </div>
                        ))}
                      </dl>
                    </li>
                  );
                })}
              </ul>
              <div className="relative mt-3 hidden overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-xs sm:block">
                {/* relative: the screen-reader-only labels inside position against this scroller, so they cannot widen the page. */}
                <table className="w-full min-w-[44rem] text-sm">
                  <caption className="sr-only">Sales per listing, last {days} days</caption>
                  <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
                    <tr>
                      <th scope="col" className="px-4 py-2.5 font-medium">Prompt</th>
                      <th scope="col" className="px-4 py-2.5 font-medium">Status</th>
                      <th scope="col" className="px-4 py-2.5 text-right font-medium">Price</th>
                      <th scope="col" className="px-4 py-2.5 text-right font-medium">Sales</th>
                      <th scope="col" className="px-4 py-2.5 text-right font-medium">Gross</th>
                      <th scope="col" className="px-4 py-2.5 text-right font-medium">Fee</th>
                      <th scope="col" className="px-4 py-2.5 text-right font-medium">Refunds</th>
                      <th scope="col" className="px-4 py-2.5 text-right font-medium">Net</th>
                      <th scope="col" className="w-40 px-4 py-2.5 font-medium">
                        <span className="sr-only">Gross compared with your best listing</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100 tabular-nums">
                    {summary.byListing.map((row) => {
                      const m = (minor: number) => formatMoney(minor, row.currency);
                      // Bars compare listings sold in the same currency.
                      const top = Math.max(1, ...summary.byListing.filter((r) => r.currency === row.currency).map((r) => r.grossCents));
                      return (
                        <tr key={`${row.listingId}-${row.currency}`}>
                          <td className="min-w-[12rem] max-w-[18rem] px-4 py-2.5 font-medium text-slate-900">
                            {row.prompt ? (
                              <Link href={`/p/${row.prompt.slug}`} className="line-clamp-2 hover:text-indigo-700">
                                {row.prompt.title}
                              </Link>
                            ) : (
                              <span className="text-slate-500">Deleted prompt</span>
                            )}
                          </td>
                          <td className="whitespace-nowrap px-4 py-2.5">{row.status ? <ListingStatusBadge status={row.status} archived={Boolean(row.prompt?.archivedAt)} /> : null}</td>
                          <td className="px-4 py-2.5 text-right text-slate-700">{row.priceCents === null ? "—" : priceLabel(row.priceCents, row.currency)}</td>
                          <td className="whitespace-nowrap px-4 py-2.5 text-right text-slate-900">
                            {row.salesCount}
                            {row.refundCount ? <span className="text-rose-600"> ({row.refundCount} refunded)</span> : null}
                          </td>
                          <td className="px-4 py-2.5 text-right text-slate-900">{m(row.grossCents)}</td>
                          <td className="px-4 py-2.5 text-right text-slate-600">{m(row.platformFeeCents)}</td>
                          <td className={`px-4 py-2.5 text-right ${row.refundsCents ? "text-rose-700" : "text-slate-600"}`}>{m(row.refundsCents)}</td>
                          <td className="px-4 py-2.5 text-right font-semibold text-slate-900">{m(row.netCents)}</td>
                          <td className="px-4 py-2.5">
                            <ListingShareBar grossCents={row.grossCents} netCents={row.netCents} topCents={top} />
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
              </>
            ) : (
              <p className="mt-3 rounded-xl border border-dashed border-slate-300 bg-white/60 px-4 py-6 text-center text-sm text-slate-600">
                No paid sales or refunds in the last {days} days.{days < 90 ? (
                  <>
                    {" "}
                    <Link href="/dashboard/sales?days=90" className="font-medium text-indigo-600 hover:text-indigo-800">
                      Look at 90 days
                    </Link>
                    .
                  </>
                ) : null}
              </p>
            )}
          </section>

          <YourListings listings={listings.items} />
        </>
      )}
    </main>
  );
}

function PeriodPicker({ current }: { current: Period }) {
  return (
    <nav aria-label="Period" className="inline-flex rounded-lg bg-slate-100 p-1 text-sm font-medium">
      {PERIODS.map((p) => (
        <Link
          key={p}
          href={p === 30 ? "/dashboard/sales" : `/dashboard/sales?days=${p}`}
          aria-current={p === current ? "page" : undefined}
          className={`rounded-md px-3 py-1.5 transition focus-visible:outline-2 focus-visible:outline-indigo-600 ${
            p === current ? "bg-white text-slate-900 shadow-xs" : "text-slate-600 hover:text-slate-900"
          }`}
        >
          {p} days
        </Link>
      ))}
    </nav>
  );
}

function Kpi({ label, value, detail, tone }: { label: string; value: string; detail: string; tone?: "indigo" | "rose" }) {
  const color = tone === "indigo" ? "text-indigo-700" : tone === "rose" ? "text-rose-700" : "text-slate-900";
  return (
    <div className="h-full rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-xs">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className={`mt-1 text-2xl font-semibold tabular-nums tracking-tight ${color}`}>{value}</dd>
      <dd className="mt-0.5 text-xs text-slate-500">{detail}</dd>
    </div>
  );
}

/** Totals never mix currencies: the tiles show the main one, this line the others. */
function OtherCurrencies({ summary }: { summary: SalesSummaryData }) {
  const others = summary.byCurrency.filter((c) => c.currency !== summary.currency);
  if (!others.length) return null;
  return (
    <p className="mt-3 text-sm text-slate-600">
      The totals above are in {summary.currency.toUpperCase()}. Also sold:{" "}
      {others.map((c, i) => (
        <span key={c.currency}>
          {i ? "; " : ""}
          <strong className="font-semibold text-slate-800">{c.currency.toUpperCase()}</strong> {plural(c.salesCount, "sale")}, gross{" "}
          {formatMoney(c.grossCents, c.currency)}, net {formatMoney(c.netCents, c.currency)}
        </span>
      ))}
      .
    </p>
  );
}

/** An archived prompt cannot be bought whatever its listing says; restoring it brings the listing back as it was. */
function ListingStatusBadge({ status, archived }: { status: keyof typeof LISTING_STATUSES; archived: boolean }) {
  if (archived) return <Badge tone="slate">Archived · not for sale</Badge>;
  return <Badge tone={LISTING_STATUSES[status].tone}>{LISTING_STATUSES[status].label}</Badge>;
}

function YourListings({ listings }: { listings: ListingSummary[] }) {
  return (
    <section aria-labelledby="your-listings-heading" className="mt-10">
      <h2 id="your-listings-heading" className="text-lg font-semibold text-slate-900">
        Your listings
      </h2>
      <p className="mt-1 text-sm text-slate-600">Open a prompt to change its price, license or status. {SALES_COUNT_RULE}</p>
      <ul className="mt-3 divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-xs">
        {listings.map((l) => (
          <li key={l.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between sm:gap-4">
            <div className="min-w-0">
              <Link href={`/p/${l.prompt.slug}`} className="font-medium text-slate-900 hover:text-indigo-700 [overflow-wrap:anywhere]">
                {l.prompt.title}
              </Link>
              <p className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-500">
                <ListingStatusBadge status={l.status} archived={Boolean(l.prompt.archivedAt)} />
                <span className="font-semibold text-slate-700 tabular-nums">{l.priceLabel}</span>
                <span aria-hidden>·</span>
                <span>{LICENSE_TYPES[l.licenseType].label} license</span>
                <span aria-hidden>·</span>
                <span className="tabular-nums">
                  {l.salesCount} {l.isFree ? "claimed" : l.salesCount === 1 ? "sale" : "sales"} in all
                </span>
                {l.prompt.visibility !== "public" ? <span>· {l.prompt.visibility}</span> : null}
              </p>
            </div>
            <ButtonLink href={editHref(l.prompt.slug)} variant="secondary" size="sm" className="shrink-0 self-start sm:self-auto" aria-label={`Edit listing: ${l.prompt.title}`}>
              Edit listing
            </ButtonLink>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A row's gross as a bar against the best-selling listing, the net part solid: a chart per listing. */
function ListingShareBar({ grossCents, netCents, topCents }: { grossCents: number; netCents: number; topCents: number }) {
  const gross = Math.max(0, grossCents) / topCents;
  const net = Math.max(0, Math.min(netCents, grossCents)) / topCents;
  return (
    <div
      role="img"
      aria-label={`${Math.round(gross * 100)}% of your best listing's gross; ${grossCents ? Math.round((Math.max(0, netCents) / grossCents) * 100) : 0}% of it is yours`}
      className="relative h-2.5 w-32 overflow-hidden rounded-full bg-slate-100"
    >
      <div className="absolute inset-y-0 left-0 rounded-full bg-indigo-200" style={{ width: `${gross * 100}%` }} />
      <div className="absolute inset-y-0 left-0 rounded-full bg-indigo-600" style={{ width: `${net * 100}%` }} />
    </div>
  );
}
