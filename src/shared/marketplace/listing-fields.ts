// The fields of a listing as the API validates them and as the listing editor limits them:
// one declaration for both (the editor's maxLength and counters read the same numbers).
import { z } from "zod";
import { visibleText } from "../text/visible-text";
import { MAX_PRICE_MINOR, SUPPORTED_CURRENCIES } from "../money/currencies";
import { COVERAGE_NAMES } from "./coverage";
import { LICENSE_TYPE_NAMES } from "./license-types";
import { canonicalListingSort, LISTING_SORT_NAMES } from "./listing-sorts";
import { LISTING_STATUS_NAMES } from "./listing-statuses";

export const TERMS_MAX_LENGTH = 5000;
export const MAX_SAMPLE_RESULTS = 5;
export const SAMPLE_TITLE_MAX_LENGTH = 120;
export const SAMPLE_OUTPUT_MAX_LENGTH = 5000;

const oneOf = (names: readonly string[]) => `must be one of: ${names.join(", ")}`;

export const licenseTypeSchema = z.enum(LICENSE_TYPE_NAMES, { error: oneOf(LICENSE_TYPE_NAMES) });
export const listingStatusSchema = z.enum(LISTING_STATUS_NAMES, { error: oneOf(LISTING_STATUS_NAMES) });
export const coverageSchema = z.enum(COVERAGE_NAMES, { error: `must be ${COVERAGE_NAMES.join(" or ")}` });

/** A sort name or one of its aliases ("price_asc"), answered as the sort it stands for. */
export const listingSortSchema = z.preprocess(
  (v) => (typeof v === "string" ? canonicalListingSort(v) : v),
  z.enum(LISTING_SORT_NAMES, { error: oneOf(LISTING_SORT_NAMES) }),
);

export const priceCentsSchema = z
  .number({ error: "must be a whole number of minor units (cents), 0 for free" })
  .int("must be a whole number of minor units (cents), 0 for free")
  .min(0, "cannot be negative")
  .max(MAX_PRICE_MINOR, `is at most ${MAX_PRICE_MINOR}`);

export const currencySchema = z
  .string({ error: oneOf(SUPPORTED_CURRENCIES) })
  .trim()
  .toLowerCase()
  .pipe(z.enum(SUPPORTED_CURRENCIES, { error: oneOf(SUPPORTED_CURRENCIES) }));

export const termsSchema = visibleText(z.string().trim().max(TERMS_MAX_LENGTH, `is at most ${TERMS_MAX_LENGTH} characters`));

export const sampleResultsSchema = z
  .array(
    z.object({
      title: visibleText(z.string().trim().max(SAMPLE_TITLE_MAX_LENGTH, `a sample title is at most ${SAMPLE_TITLE_MAX_LENGTH} characters`)).default(""),
      output: visibleText(
        z
          .string()
          .trim()
          .min(1, "a sample output cannot be empty")
          .max(SAMPLE_OUTPUT_MAX_LENGTH, `a sample output is at most ${SAMPLE_OUTPUT_MAX_LENGTH} characters`),
      ),
    }),
  )
  .max(MAX_SAMPLE_RESULTS, `at most ${MAX_SAMPLE_RESULTS} samples`);
