// API inputs of the marketplace routers, composed from the listing fields the editor shares.
import { z } from "zod";
import {
  coverageSchema,
  currencySchema,
  licenseTypeSchema,
  listingSortSchema,
  listingStatusSchema,
  priceCentsSchema,
  sampleResultsSchema,
  termsSchema,
} from "@/shared/marketplace/listing-fields";
import { idSchema } from "../ids";
import { paginationSchema } from "../pagination";

export const createListingInput = z.object({
  promptId: idSchema,
  priceCents: priceCentsSchema,
  currency: currencySchema.default("usd"),
  licenseType: licenseTypeSchema.default("personal"),
  /** Defaults to the standard terms of the license type. */
  terms: termsSchema.optional(),
  coverage: coverageSchema.default("purchased_and_later"),
  /** Example outputs everyone may see. */
  sampleResults: sampleResultsSchema.default([]),
  /** New listings go on sale at once unless created as drafts. */
  status: listingStatusSchema.default("active"),
});

const listingRef = z
  .object({ listingId: idSchema.optional(), id: idSchema.optional() })
  .refine((i) => i.listingId ?? i.id, { message: "is required", path: ["listingId"] });

export const updateListingInput = z
  .object({
    listingId: idSchema.optional(),
    id: idSchema.optional(),
    priceCents: priceCentsSchema.optional(),
    currency: currencySchema.optional(),
    licenseType: licenseTypeSchema.optional(),
    terms: termsSchema.optional(),
    coverage: coverageSchema.optional(),
    status: listingStatusSchema.optional(),
    sampleResults: sampleResultsSchema.optional(),
  })
  .refine((i) => i.listingId ?? i.id, { message: "is required", path: ["listingId"] })
  .transform(({ id, listingId, ...changes }) => ({ listingId: (listingId ?? id) as string, ...changes }));

export const listingRefInput = listingRef.transform((i) => ({ listingId: (i.listingId ?? i.id) as string }));

export const byPromptInput = z
  .object({ promptId: idSchema.optional(), slug: z.string().trim().min(1).max(120).optional() })
  .refine((i) => i.promptId ?? i.slug, { message: "is required (or give slug)", path: ["promptId"] });

export const listListingsInput = paginationSchema
  .extend({
    sort: listingSortSchema.default("newest"),
    sellerHandle: z.string().trim().max(64).optional(),
    /** Only listings priced in this currency (price sorts compare amounts within one currency). */
    currency: currencySchema.optional(),
    licenseType: licenseTypeSchema.optional(),
    /** true: only free listings; false: only paid ones. */
    free: z.boolean({ error: "must be true or false" }).optional(),
  })
  .default({ limit: 20, sort: "newest" });

export const checkoutStatusInput = z.object({ sessionId: z.string().trim().min(1, "is required").max(255, "is too long") });

export const licenseRefInput = z
  .object({ licenseId: idSchema.optional(), id: idSchema.optional() })
  .refine((i) => i.licenseId ?? i.id, { message: "is required", path: ["licenseId"] })
  .transform((i) => ({ licenseId: (i.licenseId ?? i.id) as string }));

const dateInput = z.coerce.date({ error: "must be a date (YYYY-MM-DD or ISO 8601)" });
export const salesSummaryInput = z
  .object({ from: dateInput.optional(), to: dateInput.optional() })
  .refine((i) => !i.from || !i.to || i.from <= i.to, { message: "must not be after to", path: ["from"] })
  .default({});
