import { z } from "zod";
import { MAX_PAGE_SIZE, idSchema } from "../prompts/schemas";
import { SUPPORTED_CURRENCIES } from "./money";

export const MAX_PRICE_MINOR = 99_999_999;
export const TERMS_MAX_LENGTH = 5000;

export const licenseTypeSchema = z.enum(["personal", "commercial", "team"], { error: "must be one of: personal, commercial, team" });
export const listingStatusSchema = z.enum(["draft", "active", "paused"], { error: "must be one of: draft, active, paused" });
export const coverageSchema = z.enum(["purchased_and_later", "purchased_only"], { error: "must be purchased_and_later or purchased_only" });

const priceCents = z
  .number({ error: "must be a whole number of minor units (cents), 0 for free" })
  .int("must be a whole number of minor units (cents), 0 for free")
  .min(0, "cannot be negative")
  .max(MAX_PRICE_MINOR, `is at most ${MAX_PRICE_MINOR}`);
const currency = z
  .string({ error: `must be one of: ${SUPPORTED_CURRENCIES.join(", ")}` })
  .trim()
  .toLowerCase()
  .pipe(z.enum(SUPPORTED_CURRENCIES, { error: `must be one of: ${SUPPORTED_CURRENCIES.join(", ")}` }));
const terms = z.string().trim().max(TERMS_MAX_LENGTH, `is at most ${TERMS_MAX_LENGTH} characters`);
export const MAX_SAMPLE_RESULTS = 5;
const sampleResults = z
  .array(
    z.object({
      title: z.string().trim().max(120, "a sample title is at most 120 characters").default(""),
      output: z.string().trim().min(1, "a sample output cannot be empty").max(5000, "a sample output is at most 5000 characters"),
    }),
  )
  .max(MAX_SAMPLE_RESULTS, `at most ${MAX_SAMPLE_RESULTS} samples`);

export const createListingInput = z.object({
  promptId: idSchema,
  priceCents,
  currency: currency.default("usd"),
  licenseType: licenseTypeSchema.default("personal"),
  /** Defaults to the standard terms of the license type. */
  terms: terms.optional(),
  coverage: coverageSchema.default("purchased_and_later"),
  /** Example outputs everyone may see. */
  sampleResults: sampleResults.default([]),
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
    priceCents: priceCents.optional(),
    currency: currency.optional(),
    licenseType: licenseTypeSchema.optional(),
    terms: terms.optional(),
    coverage: coverageSchema.optional(),
    status: listingStatusSchema.optional(),
    sampleResults: sampleResults.optional(),
  })
  .refine((i) => i.listingId ?? i.id, { message: "is required", path: ["listingId"] })
  .transform(({ id, listingId, ...changes }) => ({ listingId: (listingId ?? id) as string, ...changes }));

export const listingRefInput = listingRef.transform((i) => ({ listingId: (i.listingId ?? i.id) as string }));

export const byPromptInput = z
  .object({ promptId: idSchema.optional(), slug: z.string().trim().min(1).max(120).optional() })
  .refine((i) => i.promptId ?? i.slug, { message: "is required (or give slug)", path: ["promptId"] });

/** Other names clients use for the same orders. */
const SORT_ALIASES: Record<string, string> = {
  recent: "newest",
  new: "newest",
  popular: "best_selling",
  bestselling: "best_selling",
  best_selling: "best_selling",
  top_selling: "best_selling",
  price_asc: "price_low",
  price_desc: "price_high",
};

export const listListingsInput = z
  .object({
    cursor: z.string().max(200).nullish(),
    limit: z.number().int().min(1, "must be at least 1").max(MAX_PAGE_SIZE, `is at most ${MAX_PAGE_SIZE}`).default(20),
    sort: z
      .preprocess(
        (v) => (typeof v === "string" ? (SORT_ALIASES[v] ?? v) : v),
        z.enum(["newest", "best_selling", "price_low", "price_high"], { error: "must be one of: newest, best_selling, price_low, price_high" }),
      )
      .default("newest"),
    sellerHandle: z.string().trim().max(64).optional(),
    /** Only listings priced in this currency (price sorts compare amounts within one currency). */
    currency: currency.optional(),
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

export const DEFAULT_TERMS: Record<z.infer<typeof licenseTypeSchema>, string> = {
  personal:
    "Personal license: one person may use this prompt in their own projects, including paid client work they do themselves. You may adapt it. You may not resell, share or publish the prompt text.",
  commercial:
    "Commercial license: one organisation may use this prompt in its products and services, including customer-facing software. You may adapt it. You may not resell, share or publish the prompt text.",
  team: "Team license: up to 25 members of one organisation may use this prompt in their work and in the organisation's products. You may adapt it. You may not resell, share or publish the prompt text outside the team.",
};
