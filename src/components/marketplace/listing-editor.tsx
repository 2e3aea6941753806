"use client";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useMutation } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { useFieldErrors, useFocusFirstInvalid } from "@/components/ui/use-field-errors";
import { EvidenceManager } from "@/components/harness/evidence-manager";
import { useTRPC } from "@/trpc/react";
import type { SavedListing } from "./types";
import { LICENSE_TYPE_NAMES, LICENSE_TYPES, type LicenseType } from "@/shared/marketplace/license-types";
import { COVERAGE_NAMES, COVERAGES, type Coverage } from "@/shared/marketplace/coverage";
import { LISTING_STATUS_NAMES, LISTING_STATUSES, type ListingStatus } from "@/shared/marketplace/listing-statuses";
import { SUPPORTED_CURRENCIES, isCurrency, type Currency } from "@/shared/money/currencies";
import { formatMoney } from "@/shared/money/format-money";
import { minorToMajorText, parseMajorPrice } from "@/shared/money/price-text";
import { MAX_SAMPLE_RESULTS, SAMPLE_OUTPUT_MAX_LENGTH, SAMPLE_TITLE_MAX_LENGTH, TERMS_MAX_LENGTH } from "@/shared/marketplace/listing-fields";
import type { Visibility } from "@/shared/prompts/visibility";
import { SALES_COUNT_RULE } from "@/shared/marketplace/sale-definition";

type Sample = { title: string; output: string };
type ListingFields = { priceCents: number; currency: Currency; licenseType: LicenseType; terms: string; coverage: Coverage; status: ListingStatus; sampleResults: Sample[] };
type FormValues = { price: string; currency: Currency; licenseType: LicenseType; terms: string; coverage: Coverage; status: ListingStatus; samples: Sample[] };
/** The parts of a listing the editor reads (byPrompt's view and create/update's answer both have them). */
/** What this instance allows (listing.sellingConditions): without payments a paid listing cannot go on sale. */
export type SellingConditions = { paymentsEnabled: boolean; paidListingNote: string | null; operatorHint: string | null };
type EditableListing = Pick<SavedListing, "id" | "priceCents" | "priceLabel" | "currency" | "licenseType" | "terms" | "coverage" | "status" | "sampleResults" | "salesCount" | "isFree">;


function valuesOf(listing: EditableListing | null): FormValues {
  if (!listing) return { price: "", currency: "usd", licenseType: "personal", terms: "", coverage: "purchased_and_later", status: "active", samples: [] };
  return {
    price: minorToMajorText(listing.priceCents, listing.currency),
    currency: isCurrency(listing.currency) ? listing.currency : "usd",
    licenseType: listing.licenseType,
    // Standard terms stay empty in the form, so switching the license type brings that type's terms.
    terms: listing.terms === LICENSE_TYPES[listing.licenseType].defaultTerms ? "" : listing.terms,
    coverage: listing.coverage,
    status: listing.status,
    samples: listing.sampleResults.map((s) => ({ title: s.title, output: s.output })),
  };
}

/**
 * The owner's "Sell this prompt" panel on a prompt page: a one-line summary of the listing (or an
 * invitation to sell), which opens the editor. `?sell=1` opens it directly (links from the sales dashboard).
 */
export function ListingEditor({ promptId, visibility, listing, selling }: { promptId: string; visibility: Visibility; listing: EditableListing | null; selling: SellingConditions }) {
  const params = useSearchParams();
  const [current, setCurrent] = useState<EditableListing | null>(listing);
  const [open, setOpen] = useState(params.get("sell") === "1" && (visibility !== "private" || listing !== null));
  const headingId = useId();
  const formId = useId();
  const isPrivate = visibility === "private";

  return (
    <section aria-labelledby={headingId} id="sell" className="scroll-mt-20">
      <Card className={current ? "" : "border-indigo-200 bg-gradient-to-br from-white to-indigo-50/60"}>
        <div className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between sm:p-5">
          <div className="min-w-0">
            <h2 id={headingId} className="text-lg font-semibold text-slate-900">
              {current ? "Your listing" : "Sell this prompt"}
            </h2>
            {current ? (
              <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-600">
                <span className="font-semibold text-slate-900 tabular-nums">{current.priceLabel}</span>
                <span aria-hidden>·</span>
                <span>{LICENSE_TYPES[current.licenseType].label} license</span>
                <Badge tone={LISTING_STATUSES[current.status].tone}>{LISTING_STATUSES[current.status].label}</Badge>
                <span aria-hidden>·</span>
                <span title={SALES_COUNT_RULE}>
                  {current.salesCount} {current.isFree ? "claimed" : current.salesCount === 1 ? "sale" : "sales"}
                  <span className="text-slate-500"> (refunds not counted)</span>
                </span>
                {current.salesCount > 0 ? (
                  <Link href="/dashboard/sales" className="font-medium text-indigo-600 hover:text-indigo-800">
                    See sales
                  </Link>
                ) : null}
              </p>
            ) : isPrivate ? (
              <p className="mt-1 text-sm text-slate-600">
                Private prompts cannot be sold: buyers could never see what they paid for.{" "}
                {/* Opens the owner's "Edit details" dialog on the prompt page. */}
                <a href="#edit-details" className="font-medium text-indigo-600 underline-offset-2 hover:text-indigo-800 hover:underline">
                  Make this prompt public or unlisted
                </a>{" "}
                first, then set a price here.
              </p>
            ) : (
              <p className="mt-1 text-sm text-slate-600">Set a price and a license. Buyers get the full text; everyone else sees its variables and your sample results.</p>
            )}
          </div>
          {!current && isPrivate ? null : (
            <Button variant={current || open ? "secondary" : "primary"} className="shrink-0 self-start sm:self-auto" aria-expanded={open} aria-controls={formId} onClick={() => setOpen((o) => !o)}>
              {open ? "Close" : current ? "Edit listing" : "Sell this prompt"}
            </Button>
          )}
        </div>
        {open ? (
          <div id={formId} className="border-t border-slate-100">
            <ListingForm
              promptId={promptId}
              visibility={visibility}
              listing={current}
              selling={selling}
              onSaved={(saved) => setCurrent(saved)}
            />
          </div>
        ) : null}
        {current ? (
          <div className="border-t border-slate-100">
            <EvidenceManager listingId={current.id} />
          </div>
        ) : null}
      </Card>
    </section>
  );
}

function ListingForm({
  promptId,
  visibility,
  listing,
  selling,
  onSaved,
}: {
  promptId: string;
  visibility: Visibility;
  listing: EditableListing | null;
  selling: SellingConditions;
  onSaved: (listing: SavedListing) => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  // Without payments a new listing starts as a draft: "On sale" is only open to free ones.
  const [values, setValues] = useState<FormValues>(() => ({ ...valuesOf(listing), ...(!listing && !selling.paymentsEnabled ? { status: "draft" as const } : {}) }));
  const [priceError, setPriceError] = useState<string | null>(null);
  const [statusError, setStatusError] = useState<string | null>(null);
  /** The request waiting for the seller's "yes" before the listing goes on sale. */
  const [confirming, setConfirming] = useState<ListingFields | null>(null);
  const [saved, setSaved] = useState<"created" | "saved" | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const id = useId();

  const onSuccess = (result: SavedListing) => {
    onSaved(result);
    setValues(valuesOf(result));
    setSaved(listing ? "saved" : "created");
    router.refresh();
  };
  const create = useMutation(trpc.listing.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.listing.update.mutationOptions({ onSuccess }));
  const mutation = listing ? update : create;

  const sampleFields = values.samples.flatMap((_, i) => [`sampleResults.${i}.title`, `sampleResults.${i}.output`]);
  const fe = useFieldErrors(mutation.error, ["priceCents", "currency", "licenseType", "terms", "coverage", "status", ...sampleFields]);
  useFocusFirstInvalid(formRef, mutation.error);
  const err = {
    price: priceError ?? fe.errorFor("priceCents", "Price"),
    currency: fe.errorFor("currency", "Currency"),
    licenseType: fe.errorFor("licenseType", "License type"),
    terms: fe.errorFor("terms", "Terms"),
    coverage: fe.errorFor("coverage", "Coverage"),
    status: statusError ?? fe.errorFor("status", "Status"),
  };

  function change<K extends keyof FormValues>(key: K, value: FormValues[K], field: string) {
    setSaved(null);
    setConfirming(null);
    if (field === "status" || field === "priceCents") setStatusError(null);
    fe.touch(field);
    setValues((v) => ({ ...v, [key]: value }));
  }
  function changeSample(index: number, key: keyof Sample, value: string) {
    setSaved(null);
    fe.touch(`sampleResults.${index}.${key}`);
    setValues((v) => ({ ...v, samples: v.samples.map((s, i) => (i === index ? { ...s, [key]: value } : s)) }));
  }
  function removeSample(index: number) {
    setSaved(null);
    // Errors were keyed by position; after a removal they no longer point at the right sample.
    sampleFields.forEach((f) => fe.touch(f));
    setValues((v) => ({ ...v, samples: v.samples.filter((_, i) => i !== index) }));
  }

  const parsed = parseMajorPrice(values.price, values.currency);
  const isPaid = parsed.ok && parsed.minor > 0;
  // A paid listing already on sale from before payments were switched off may stay so; nothing else may go on sale unpaid-for.
  const grandfathered = listing !== null && listing.status === "active" && listing.priceCents > 0;
  const cannotSellPaid = !selling.paymentsEnabled && isPaid && !grandfathered;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSaved(null);
    setConfirming(null);
    fe.reset();
    create.reset();
    update.reset();
    if (!parsed.ok) {
      setPriceError(parsed.error);
      document.getElementById(`${id}-price`)?.focus();
      return;
    }
    setPriceError(null);
    if (cannotSellPaid && values.status === "active") {
      setStatusError("A paid listing cannot be on sale here (this instance does not take payments): choose Draft, or set the price to 0.");
      return;
    }
    setStatusError(null);
    // Samples left completely empty are dropped rather than refused.
    const samples = values.samples.filter((s) => s.title.trim() || s.output.trim());
    if (samples.length !== values.samples.length) setValues((v) => ({ ...v, samples }));
    const fields: ListingFields = {
      priceCents: parsed.minor,
      currency: values.currency,
      licenseType: values.licenseType,
      terms: values.terms,
      coverage: values.coverage,
      status: values.status,
      sampleResults: samples,
    };
    // Going on sale, or changing what buyers pay while on sale, waits for the seller's confirmation.
    const goesOnSale = fields.status === "active" && (!listing || listing.status !== "active" || listing.priceCents !== fields.priceCents || listing.currency !== fields.currency);
    if (goesOnSale) setConfirming(fields);
    else save(fields);
  }

  function save(fields: ListingFields) {
    setConfirming(null);
    if (listing) update.mutate({ listingId: listing.id, ...fields });
    else create.mutate({ promptId, ...fields });
  }


  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={listing ? "Edit listing" : "Create listing"}>
      <div className="space-y-6 p-4 sm:p-5">
        {visibility === "private" ? (
          <Alert tone="warning" title="This prompt is private">
            Private prompts cannot be on sale: nobody else can open them.{" "}
            <a href="#edit-details" className="font-medium underline underline-offset-2">
              Make the prompt public or unlisted
            </a>{" "}
            to sell it; until then the listing can only be a draft or paused.
          </Alert>
        ) : visibility === "unlisted" ? (
          <Alert tone="info">This prompt is unlisted, so its listing does not appear in the Market. Share the prompt&apos;s link to sell it.</Alert>
        ) : null}
        {!selling.paymentsEnabled ? (
          <Alert tone="warning" title="Paid listings can't be bought here">
            <p>{selling.paidListingNote}</p>
            {selling.operatorHint ? <p className="mt-1 text-xs">{selling.operatorHint}</p> : null}
          </Alert>
        ) : null}

        <div className="grid grid-cols-[minmax(0,1fr)_7rem] gap-4 sm:grid-cols-[minmax(0,1fr)_8rem_minmax(0,1fr)]">
          <Field
            label="Price"
            htmlFor={`${id}-price`}
            error={err.price}
            hint={
              parsed.ok ? (
                parsed.minor === 0 ? (
                  "Free: anyone signed in can claim a license."
                ) : (
                  <>
                    Buyers pay <strong className="font-semibold text-slate-700">{formatMoney(parsed.minor, values.currency)}</strong>. 0 makes it free.
                  </>
                )
              ) : values.currency === "jpy" ? (
                "Whole yen, like 1500. 0 makes it free."
              ) : (
                "Like 12.00. 0 makes it free."
              )
            }
          >
            <Input
              id={`${id}-price`}
              name="price"
              inputMode={values.currency === "jpy" ? "numeric" : "decimal"}
              autoComplete="off"
              placeholder={values.currency === "jpy" ? "1500" : "12.00"}
              value={values.price}
              onChange={(e) => {
                setPriceError(null);
                change("price", e.target.value, "priceCents");
                // A paid price cannot stay "on sale" without payments: fall back to a draft rather than leave a disabled choice selected.
                const next = parseMajorPrice(e.target.value, values.currency);
                if (!selling.paymentsEnabled && !grandfathered && next.ok && next.minor > 0 && values.status === "active") change("status", "draft", "status");
              }}
              // Said when the seller leaves the field rather than at every keystroke.
              onBlur={() => {
                if (values.price.trim() && !parsed.ok) setPriceError(parsed.error);
              }}
              aria-invalid={err.price ? true : undefined}
              aria-describedby={err.price ? `${id}-price-error` : undefined}
            />
          </Field>
          <Field label="Currency" htmlFor={`${id}-currency`} error={err.currency}>
            <Select
              id={`${id}-currency`}
              name="currency"
              value={values.currency}
              onChange={(e) => change("currency", e.target.value as Currency, "currency")}
              aria-invalid={err.currency ? true : undefined}
              aria-describedby={err.currency ? `${id}-currency-error` : undefined}
            >
              {SUPPORTED_CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c.toUpperCase()}
                </option>
              ))}
            </Select>
          </Field>
          <div className="col-span-2 sm:col-span-1">
            <Field label="License type" htmlFor={`${id}-license`} error={err.licenseType} hint={LICENSE_TYPES[values.licenseType].summary}>
              <Select
                id={`${id}-license`}
                name="licenseType"
                value={values.licenseType}
                onChange={(e) => change("licenseType", e.target.value as LicenseType, "licenseType")}
                aria-invalid={err.licenseType ? true : undefined}
                aria-describedby={err.licenseType ? `${id}-license-error` : undefined}
              >
                {LICENSE_TYPE_NAMES.map((t) => (
                  <option key={t} value={t}>
                    {LICENSE_TYPES[t].label}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
        </div>

        <Field
          label="License terms"
          htmlFor={`${id}-terms`}
          error={err.terms}
          hint={values.terms.trim() ? `${values.terms.length} / ${TERMS_MAX_LENGTH}` : `Leave empty to use the standard ${LICENSE_TYPES[values.licenseType].label.toLowerCase()} terms (shown greyed out).`}
        >
          <Textarea
            id={`${id}-terms`}
            name="terms"
            rows={5}
            maxLength={TERMS_MAX_LENGTH}
            value={values.terms}
            placeholder={LICENSE_TYPES[values.licenseType].defaultTerms}
            onChange={(e) => change("terms", e.target.value, "terms")}
            aria-invalid={err.terms ? true : undefined}
            aria-describedby={err.terms ? `${id}-terms-error` : undefined}
          />
        </Field>

        <ChoiceGroup legend="What a license covers" error={err.coverage} errorId={`${id}-coverage-error`}>
          {COVERAGE_NAMES.map((c) => (
            <Choice
              key={c}
              name={`${id}-coverage`}
              checked={values.coverage === c}
              onChange={() => change("coverage", c, "coverage")}
              label={COVERAGES[c].label}
              description={COVERAGES[c].sellerExplanation}
            />
          ))}
        </ChoiceGroup>

        <ChoiceGroup legend="Status" error={err.status} errorId={`${id}-status-error`} columns={3}>
          {LISTING_STATUS_NAMES.map((s) => (
            <Choice
              key={s}
              name={`${id}-status`}
              checked={values.status === s}
              onChange={() => change("status", s, "status")}
              label={LISTING_STATUSES[s].label}
              description={LISTING_STATUSES[s].explanation}
              disabled={s === "active" && (visibility === "private" || cannotSellPaid)}
            />
          ))}
        </ChoiceGroup>

        <fieldset>
          <legend className="text-sm font-medium text-slate-800">Sample results</legend>
          <p className="mt-0.5 text-xs text-slate-500">
            Up to {MAX_SAMPLE_RESULTS} outputs the prompt produced, shown to everyone so buyers know what they get. Optional.
          </p>
          {values.samples.length ? (
            <ol className="mt-3 space-y-3">
              {values.samples.map((s, i) => {
                const titleError = fe.errorFor(`sampleResults.${i}.title`, "The title");
                const outputError = fe.errorFor(`sampleResults.${i}.output`, "The output");
                return (
                  <li key={i} className="rounded-lg bg-slate-50 p-3 ring-1 ring-inset ring-slate-200 sm:p-4">
                    <div className="flex items-center justify-between gap-2">
                      <p className="text-sm font-semibold text-slate-700">Sample {i + 1}</p>
                      <Button variant="ghost" size="sm" onClick={() => removeSample(i)} aria-label={`Remove sample ${i + 1}`}>
                        Remove
                      </Button>
                    </div>
                    <div className="mt-2 space-y-3">
                      <Field label="Title" htmlFor={`${id}-sample-${i}-title`} error={titleError}>
                        <Input
                          id={`${id}-sample-${i}-title`}
                          value={s.title}
                          maxLength={SAMPLE_TITLE_MAX_LENGTH}
                          placeholder="e.g. Release notes for v2.3"
                          onChange={(e) => changeSample(i, "title", e.target.value)}
                          aria-invalid={titleError ? true : undefined}
                          aria-describedby={titleError ? `${id}-sample-${i}-title-error` : undefined}
                        />
                      </Field>
                      <Field label="Output" htmlFor={`${id}-sample-${i}-output`} error={outputError}>
                        <Textarea
                          id={`${id}-sample-${i}-output`}
                          rows={4}
                          value={s.output}
                          maxLength={SAMPLE_OUTPUT_MAX_LENGTH}
                          placeholder="Paste what the model answered."
                          onChange={(e) => changeSample(i, "output", e.target.value)}
                          aria-invalid={outputError ? true : undefined}
                          aria-describedby={outputError ? `${id}-sample-${i}-output-error` : undefined}
                        />
                      </Field>
                    </div>
                  </li>
                );
              })}
            </ol>
          ) : null}
          {values.samples.length < MAX_SAMPLE_RESULTS ? (
            <Button
              variant="secondary"
              size="sm"
              className="mt-3"
              onClick={() => {
                setSaved(null);
                setValues((v) => ({ ...v, samples: [...v.samples, { title: "", output: "" }] }));
              }}
            >
              <span aria-hidden>+</span> Add a sample
            </Button>
          ) : (
            <p className="mt-3 text-xs text-slate-500">That is the maximum of {MAX_SAMPLE_RESULTS} samples.</p>
          )}
        </fieldset>

        <FormErrorSummary error={mutation.error} state={fe} />
      </div>
      {confirming ? (
        <div role="alertdialog" aria-labelledby={`${id}-confirm-title`} aria-describedby={`${id}-confirm-text`} className="border-t border-amber-200 bg-amber-50 px-4 py-4 sm:px-5">
          <p id={`${id}-confirm-title`} className="text-sm font-semibold text-slate-900">
            {confirming.priceCents === 0 ? "Give this prompt away free?" : `Put this prompt on sale for ${formatMoney(confirming.priceCents, confirming.currency)}?`}
          </p>
          <p id={`${id}-confirm-text`} className="mt-1 text-sm text-slate-700">
            {confirming.priceCents === 0
              ? `Anyone signed in can claim a ${LICENSE_TYPES[confirming.licenseType].label.toLowerCase()} license as soon as you confirm.`
              : `Buyers are charged ${formatMoney(confirming.priceCents, confirming.currency)} (${confirming.currency.toUpperCase()}) for a ${LICENSE_TYPES[confirming.licenseType].label.toLowerCase()} license, as soon as you confirm. Licenses already sold keep their price and terms.`}
          </p>
          <div className="mt-3 flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={() => setConfirming(null)}>
              Back to editing
            </Button>
            <Button autoFocus onClick={() => save(confirming)}>
              {confirming.priceCents === 0 ? "Make it free" : `Put on sale for ${formatMoney(confirming.priceCents, confirming.currency)}`}
            </Button>
          </div>
        </div>
      ) : null}
      <div className="flex flex-wrap items-center justify-end gap-3 rounded-b-xl border-t border-slate-100 bg-slate-50/70 px-4 py-3 sm:px-5">
        <p aria-live="polite" className="mr-auto text-sm font-medium text-emerald-700">
          {saved ? (
            <>
              <span aria-hidden>✓</span> {saved === "created" ? "Listing created" : "Listing saved"}
            </>
          ) : null}
        </p>
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? "Saving…" : "Save listing"}
        </Button>
      </div>
    </form>
  );
}

function ChoiceGroup({ legend, error, errorId, columns = 2, children }: { legend: string; error?: string; errorId: string; columns?: 2 | 3; children: ReactNode }) {
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className={`mt-2 grid gap-2 ${columns === 3 ? "sm:grid-cols-3" : "sm:grid-cols-2"}`}>{children}</div>
      {error ? (
        <p id={errorId} role="alert" className="mt-1.5 text-sm text-rose-600">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

function Choice({ name, checked, onChange, label, description, disabled }: { name: string; checked: boolean; onChange: () => void; label: string; description: string; disabled?: boolean }) {
  return (
    <label
      className={`flex gap-3 rounded-lg p-3 ring-1 ring-inset transition ${
        checked ? "bg-indigo-50/70 ring-2 ring-indigo-500" : "bg-white ring-slate-200 hover:ring-slate-300"
      } ${disabled ? "cursor-not-allowed opacity-50" : "cursor-pointer"} has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-indigo-600`}
    >
      <input type="radio" name={name} checked={checked} onChange={onChange} disabled={disabled} className="mt-0.5 h-4 w-4 shrink-0 accent-indigo-600 focus:outline-none" />
      <span className="min-w-0">
        <span className="block text-sm font-medium text-slate-900">{label}</span>
        <span className="mt-0.5 block text-xs leading-relaxed text-slate-600">{description}</span>
      </span>
    </label>
  );
}
