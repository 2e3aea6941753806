"use client";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useId, useState, type ReactNode } from "react";
import { useMutation } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Avatar } from "@/components/ui/avatar";
import { Button, ButtonLink } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { CheckIcon } from "@/components/ui/icons";
import { useTRPC } from "@/trpc/react";
import { LicenseKey } from "./license-key";
import { SampleResults } from "./sample-results";
import { TermsDisclosure } from "./terms-disclosure";
import type { ListingForViewer } from "./types";
import { LICENSE_TYPES, licenseTypePhrase } from "@/shared/marketplace/license-types";
import { signInHref } from "@/shared/auth/sign-in-href";

/** Stripe's "not configured" refusal: worth its own explanation rather than a bare disabled button. */
const isCheckoutDisabled = (listing: ListingForViewer) => !listing.checkoutEnabled && !listing.isFree;

/**
 * The Buy box on a prompt page: price, license, coverage, terms and samples, and the one action that
 * fits the viewer — buy, claim free, sign in, or (for a license holder) their key.
 */
export function BuyBox({
  listing,
  slug,
  signedIn,
  className = "",
  openFirstSample = true,
  evidenceLine = null,
}: {
  listing: ListingForViewer;
  slug: string;
  signedIn: boolean;
  className?: string;
  /** Phones get the samples closed, so the prompt itself stays near the top. */
  openFirstSample?: boolean;
  /** "Tested on 3 models · 92% pass", linking to the evidence panel, when the listing has evidence. */
  evidenceLine?: ReactNode;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const headingId = useId();
  const [redirecting, setRedirecting] = useState(false);
  const [claimed, setClaimed] = useState<{ key: string } | null>(null);

  const checkout = useMutation(
    trpc.listing.checkout.mutationOptions({
      onSuccess: (result) => {
        setRedirecting(true);
        window.location.assign(result.url);
      },
    }),
  );
  const claim = useMutation(
    trpc.listing.claimFree.mutationOptions({
      onSuccess: (result) => {
        setClaimed({ key: result.key });
        router.refresh();
      },
    }),
  );
  const error = checkout.error ?? claim.error;
  const owned = listing.viewerLicense ?? (claimed ? { key: claimed.key } : null);
  const busy = checkout.isPending || claim.isPending || redirecting;
  const buyLabel = listing.isFree ? "Get it free" : `Buy for ${listing.priceLabel}`;

  function buy() {
    checkout.reset();
    claim.reset();
    if (listing.isFree) claim.mutate({ listingId: listing.id });
    else checkout.mutate({ listingId: listing.id });
  }

  let action;
  if (owned) {
    action = (
      <div className="rounded-lg border border-emerald-200 bg-emerald-50 p-4">
        <p className="flex items-start gap-2 font-semibold text-emerald-800">
          <CheckIcon width={16} height={16} className="mt-1 shrink-0" />
          You own {licenseTypePhrase(listing.licenseType)}
        </p>
        <div className="mt-3">
          <LicenseKey value={owned.key} tone="emerald" />
        </div>
        <Link href="/library" className="mt-3 inline-flex text-sm font-semibold text-emerald-800 underline-offset-2 hover:underline">
          Open your Library <span aria-hidden>&nbsp;→</span>
        </Link>
      </div>
    );
  } else if (listing.isSeller) {
    action = <p className="rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-600 ring-1 ring-inset ring-slate-200">This is your listing. Buyers see this box.</p>;
  } else if (!signedIn) {
    action = (
      <ButtonLink href={signInHref(`/p/${slug}`)} size="lg" className="w-full">
        Sign in to buy
      </ButtonLink>
    );
  } else {
    action = (
      <div className="space-y-3">
        <Button size="lg" className="w-full" onClick={buy} disabled={!listing.canBuy || busy} aria-describedby={listing.cannotBuyReason ? `${headingId}-reason` : undefined}>
          {redirecting ? "Opening checkout…" : checkout.isPending ? "Starting checkout…" : claim.isPending ? "Adding to your Library…" : buyLabel}
        </Button>
        {listing.cannotBuyReason ? (
          isCheckoutDisabled(listing) ? (
            <Alert tone="warning" title="Checkout is not available">
              <p id={`${headingId}-reason`}>{listing.cannotBuyReason}</p>
            </Alert>
          ) : (
            <p id={`${headingId}-reason`} className="text-center text-sm text-slate-600">
              {listing.cannotBuyReason}
            </p>
          )
        ) : !listing.isFree ? (
          <p className="text-center text-xs text-slate-500">Secure payment with Stripe. One-time purchase.</p>
        ) : null}
        {error ? (
          <Alert tone="error" title={listing.isFree ? "Could not add it to your Library" : "Could not start checkout"}>
            {error.message}
          </Alert>
        ) : null}
      </div>
    );
  }

  return (
    <div className={`space-y-4 ${className}`}>
      <CheckoutCancelledNotice />
      <Card>
        <section aria-labelledby={headingId} className="p-5">
          <div className="flex items-center justify-between gap-2">
            <h2 id={headingId} className="text-sm font-semibold uppercase tracking-wide text-slate-500">
              {owned ? "Your license" : listing.isFree ? "Claim a license" : "Buy a license"}
            </h2>
            {listing.status === "paused" ? <Badge tone="amber">Sales paused</Badge> : listing.status === "draft" ? <Badge>Draft</Badge> : null}
          </div>
          <p className="mt-2 flex flex-wrap items-baseline gap-x-2">
            <span className="text-3xl font-bold tracking-tight text-slate-900 tabular-nums">{listing.priceLabel}</span>
            {!listing.isFree ? <span className="text-sm text-slate-500">one-time</span> : null}
          </p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <Badge tone="indigo">{LICENSE_TYPES[listing.licenseType].label} license</Badge>
            {listing.salesCount > 0 ? (
              <span className="text-xs text-slate-500">
                {listing.salesCount} {listing.salesCount === 1 ? "license" : "licenses"} {listing.isFree ? "claimed" : "sold"}
              </span>
            ) : null}
          </div>
          <p className="mt-2 text-sm text-slate-600">{LICENSE_TYPES[listing.licenseType].summary}</p>
          {evidenceLine ? <div className="mt-2">{evidenceLine}</div> : null}

          <div className="mt-4">{action}</div>

          <dl className="mt-5 space-y-3 border-t border-slate-100 pt-4 text-sm">
            <div>
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Covers</dt>
              <dd className="mt-0.5 text-slate-700">{listing.coverageRule}</dd>
            </div>
            <div>
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Seller</dt>
              <dd className="mt-1">
                <Link href={`/u/${listing.seller.handle}`} className="inline-flex items-center gap-2 rounded font-medium text-slate-800 hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-600">
                  <Avatar name={listing.seller.name} handle={listing.seller.handle} image={listing.seller.image} size={22} />
                  {listing.seller.name ? <span>{listing.seller.name}</span> : null}
                  <span className={listing.seller.name ? "font-normal text-slate-500" : ""}>@{listing.seller.handle}</span>
                </Link>
              </dd>
            </div>
          </dl>
          <TermsDisclosure terms={listing.terms} className="mt-4" />
        </section>
      </Card>
      {listing.sampleResults.length ? <SampleResults samples={listing.sampleResults} openFirst={openFirstSample} /> : null}
    </div>
  );
}

/** After Stripe's "back" link (?checkout=cancelled): say nothing was charged; dismissing drops the parameter. */
function CheckoutCancelledNotice() {
  const params = useSearchParams();
  const pathname = usePathname();
  const [dismissed, setDismissed] = useState(false);
  if (dismissed || params.get("checkout") !== "cancelled") return null;
  function dismiss() {
    setDismissed(true);
    const rest = new URLSearchParams(params.toString());
    rest.delete("checkout");
    const query = rest.toString();
    window.history.replaceState(null, "", `${pathname}${query ? `?${query}` : ""}${window.location.hash}`);
  }
  return (
    <div role="status" className="flex items-start gap-3 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <p className="min-w-0 flex-1">
        <span className="font-semibold">Checkout cancelled — you were not charged.</span> You can buy whenever you are ready.
      </p>
      <button type="button" onClick={dismiss} aria-label="Dismiss" className="-m-1 shrink-0 rounded p-1 text-amber-700 hover:bg-amber-100 focus-visible:outline-2 focus-visible:outline-amber-600">
        <span aria-hidden className="block h-4 w-4 text-base leading-4">×</span>
      </button>
    </div>
  );
}
