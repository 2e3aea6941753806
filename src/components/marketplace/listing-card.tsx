import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/card";
import { Stars, formatStars } from "@/components/social/stars";
import { EvidenceLine } from "@/components/harness/evidence-panel";
import { categoryLabel } from "@/shared/prompts/categories";
import type { ListingSummary } from "./types";
import { LICENSE_TYPES } from "@/shared/marketplace/license-types";
import { LISTING_STATUSES } from "@/shared/marketplace/listing-statuses";

/** A listing in the Market: the whole card opens the prompt; the seller keeps their own link. */
export function ListingCard({ listing, showStatus = false }: { listing: ListingSummary; showStatus?: boolean }) {
  const { prompt, seller } = listing;
  return (
    <article className="group relative flex h-full flex-col rounded-xl border border-slate-200 bg-white p-5 shadow-xs transition hover:border-indigo-300 hover:shadow-md focus-within:border-indigo-400">
      <div className="flex items-center justify-between gap-2">
        <span className="text-xs font-semibold uppercase tracking-wide text-indigo-600">{categoryLabel(prompt.category)}</span>
        <div className="flex items-center gap-1.5">
          {showStatus && listing.status !== "active" ? <Badge tone={LISTING_STATUSES[listing.status].tone}>{LISTING_STATUSES[listing.status].label}</Badge> : null}
          {listing.viewerHasLicense ? <Badge tone="emerald">Owned</Badge> : listing.isSeller && !showStatus ? <Badge tone="slate">Yours</Badge> : null}
          <span
            className={`rounded-full px-2.5 py-0.5 text-sm font-semibold tabular-nums ring-1 ring-inset ${
              listing.isFree ? "bg-emerald-50 text-emerald-700 ring-emerald-200" : "bg-indigo-600 text-white ring-indigo-600"
            }`}
          >
            <span className="sr-only">Price: </span>
            {listing.priceLabel}
          </span>
        </div>
      </div>
      <h3 className="mt-2 text-base font-semibold leading-snug text-slate-900">
        <Link
          href={`/p/${prompt.slug}`}
          className="after:absolute after:inset-0 after:rounded-xl focus-visible:outline-none focus-visible:after:ring-2 focus-visible:after:ring-indigo-600 group-hover:text-indigo-700"
        >
          {prompt.title}
        </Link>
      </h3>
      {prompt.description ? (
        <p className="mt-1.5 line-clamp-3 text-sm leading-relaxed text-slate-600">{prompt.description}</p>
      ) : (
        <p className="mt-1.5 text-sm italic text-slate-400">No description</p>
      )}
      <div className="mt-auto pt-4">
        {listing.evidence ? <EvidenceLine models={listing.evidence.models} passRate={listing.evidence.passRate} className="mb-2" /> : null}
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5 text-xs text-slate-500">
          <Badge tone="indigo">{LICENSE_TYPES[listing.licenseType].label} license</Badge>
          {prompt.ratingCount && prompt.ratingAverage !== null ? (
            <span className="inline-flex items-center gap-1 tabular-nums">
              <Stars value={prompt.ratingAverage} size={13} />
              <span aria-hidden>
                {formatStars(prompt.ratingAverage)} ({prompt.ratingCount})
              </span>
            </span>
          ) : (
            <span>No ratings yet</span>
          )}
          {listing.salesCount ? (
            <span className="tabular-nums">
              {listing.salesCount} {listing.isFree ? "claimed" : "sold"}
            </span>
          ) : null}
        </div>
        <div className="mt-3 border-t border-slate-100 pt-3 text-xs text-slate-500">
          <Link
            href={`/u/${seller.handle}`}
            className="relative z-10 inline-flex min-w-0 max-w-full items-center gap-1.5 rounded font-medium text-slate-700 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            <Avatar name={seller.name} handle={seller.handle} image={seller.image} size={20} />
            <span className="truncate">{seller.name ? `${seller.name} · ` : ""}@{seller.handle}</span>
          </Link>
        </div>
      </div>
    </article>
  );
}
