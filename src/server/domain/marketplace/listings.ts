// Listings: an owner offers a prompt for sale (or free) under one license type. Prices are read at
// checkout and copied into the purchase, so changing a listing never touches licenses already sold.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Db, DbOrTx } from "@/server/db/prisma";
import { isAdmin, type Actor, type Viewer } from "../actor";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { page, pageResult } from "../pagination";
import { assertCanWritePrompt, findReadablePrompt, notArchivedWhere, readablePromptsWhere } from "../access/prompt-access";
import { averageOf } from "../prompts/prompt-queries";
import { COVERAGES, type Coverage } from "@/shared/marketplace/coverage";
import { LICENSE_TYPES, type LicenseType } from "@/shared/marketplace/license-types";
import type { ListingSort } from "@/shared/marketplace/listing-sorts";
import type { ListingStatus } from "@/shared/marketplace/listing-statuses";
import { MINIMUM_CHARGE_MINOR } from "@/shared/money/currencies";
import { priceLabel } from "@/shared/money/format-money";
import { evidenceBadges } from "../harness/evidence-summary";
import { activeLicenseOf } from "./licenses";
import { purchaseRefusal } from "./purchase-refusal";
import { recordUsage } from "../analytics/record-usage";
import { originFields, type UsageOrigin } from "../analytics/usage-origin";
import { PAID_LISTING_UNAVAILABLE, PAYMENTS_UNAVAILABLE, STRIPE_SETUP_HINT, stripeConfigured } from "./stripe-client";
import { recordAudit, type RequestMeta } from "../audit/record-audit";

type Sample = { title: string; output: string };


const listingSelect = {
  id: true,
  promptId: true,
  sellerId: true,
  priceCents: true,
  currency: true,
  licenseType: true,
  terms: true,
  coverage: true,
  status: true,
  sampleResults: true,
  salesCount: true,
  createdAt: true,
  updatedAt: true,
  prompt: { select: { id: true, slug: true, title: true, description: true, category: true, tags: true, visibility: true, archivedAt: true, ratingCount: true, ratingSum: true, likeCount: true } },
  seller: { select: { id: true, handle: true, name: true, image: true } },
} satisfies Prisma.ListingSelect;

type ListingRow = Prisma.ListingGetPayload<{ select: typeof listingSelect }>;

function present(row: ListingRow) {
  const { prompt, ...listing } = row;
  return {
    ...listing,
    sampleResults: listing.sampleResults as { title: string; output: string }[],
    isFree: listing.priceCents === 0,
    priceLabel: priceLabel(listing.priceCents, listing.currency),
    coverageRule: COVERAGES[listing.coverage].rule,
    prompt: {
      id: prompt.id,
      slug: prompt.slug,
      title: prompt.title,
      description: prompt.description,
      category: prompt.category,
      tags: prompt.tags,
      visibility: prompt.visibility,
      /** Set for the seller's own archived prompts (nobody else lists them): not for sale whatever the status says. */
      archivedAt: prompt.archivedAt,
      likeCount: prompt.likeCount,
      ratingCount: prompt.ratingCount,
      ratingAverage: averageOf(prompt),
    },
  };
}

function assertPrice(priceCents: number) {
  if (priceCents > 0 && priceCents < MINIMUM_CHARGE_MINOR)
    throw new ValidationError(`priceCents: a paid price must be at least ${MINIMUM_CHARGE_MINOR} minor units (Stripe's minimum charge); use 0 for free.`, {
      priceCents: [`must be 0 (free) or at least ${MINIMUM_CHARGE_MINOR}`],
    });
}

/** Without Stripe a paid listing may exist (as a draft or paused) but never go on sale. */
function assertCanGoOnSale(priceCents: number, status: ListingStatus) {
  if (status === "active" && priceCents > 0 && !stripeConfigured())
    throw new ValidationError(`status: ${PAID_LISTING_UNAVAILABLE}`, { status: ["a paid listing cannot be on sale without payments"] });
}

/** What the owner's listing editor needs to know about this instance before saving. */
export function sellingConditions(viewer: Viewer) {
  const paymentsEnabled = stripeConfigured();
  return {
    paymentsEnabled,
    paidListingNote: paymentsEnabled ? null : PAID_LISTING_UNAVAILABLE,
    /** Only administrators are told how to turn payments on. */
    operatorHint: !paymentsEnabled && isAdmin(viewer) ? STRIPE_SETUP_HINT : null,
  };
}

export async function createListing(
  db: Db,
  actor: Actor,
  input: { promptId: string; priceCents: number; currency: string; licenseType: LicenseType; terms?: string; coverage: Coverage; status: ListingStatus; sampleResults: Sample[] },
  request?: RequestMeta | null,
) {
  assertPrice(input.priceCents);
  const prompt = await findReadablePrompt(db, actor, input.promptId);
  assertCanWritePrompt(prompt, actor);
  if (prompt.visibility === "private")
    throw new ValidationError("promptId: a private prompt cannot be listed; make it public or unlisted first.", { promptId: ["is private"] });
  if (prompt.archivedAt) throw new ValidationError("promptId: an archived prompt cannot be listed; restore it first.", { promptId: ["is archived"] });
  assertCanGoOnSale(input.priceCents, input.status);
  const existing = await db.listing.findUnique({ where: { promptId: prompt.id }, select: { id: true } });
  if (existing) throw new ConflictError("This prompt already has a listing; change it with listing.update.", { promptId: ["already listed"] });
  try {
    const row = await db.$transaction(async (tx) => {
      const created = await tx.listing.create({
        data: {
          promptId: prompt.id,
          sellerId: actor.id,
          priceCents: input.priceCents,
          currency: input.currency,
          licenseType: input.licenseType,
          terms: input.terms?.trim() || LICENSE_TYPES[input.licenseType].defaultTerms,
          coverage: input.coverage,
          status: input.status,
          sampleResults: input.sampleResults,
        },
        select: listingSelect,
      });
      // A new listing sets its first price and status: both are in the audit log from the start.
      await auditListingChanges(tx, actor, { id: created.id, orgId: prompt.orgId }, null, created, request);
      return created;
    });
    return present(row);
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new ConflictError("This prompt already has a listing; change it with listing.update.", { promptId: ["already listed"] });
    throw error;
  }
}

export async function updateListing(
  db: Db,
  actor: Actor,
  input: { listingId: string; priceCents?: number; currency?: string; licenseType?: LicenseType; terms?: string; coverage?: Coverage; status?: ListingStatus; sampleResults?: Sample[] },
  request?: RequestMeta | null,
) {
  const listing = await db.listing.findUnique({ where: { id: input.listingId }, include: { prompt: true } });
  if (!listing || (listing.sellerId !== actor.id && !isAdmin(actor) && listing.status === "draft")) throw new NotFoundError("Listing");
  assertCanWritePrompt(listing.prompt, actor);
  if (input.priceCents !== undefined) assertPrice(input.priceCents);
  if (input.status === "active" && listing.prompt.visibility === "private")
    throw new ValidationError("status: a private prompt cannot be on sale; make it public or unlisted first.", { status: ["prompt is private"] });
  if (input.status === "active" && listing.prompt.archivedAt)
    throw new ValidationError("status: an archived prompt cannot be on sale; restore it first.", { status: ["prompt is archived"] });
  // Checked on the result of the change (pricing a free listing on sale is going on sale too); a
  // paid listing already on sale from before payments were switched off can still be edited.
  const wasPaidOnSale = listing.status === "active" && listing.priceCents > 0;
  if (!wasPaidOnSale) assertCanGoOnSale(input.priceCents ?? listing.priceCents, input.status ?? listing.status);
  // Switching license type without new terms brings that type's standard terms, unless the seller wrote their own.
  const licenseType = input.licenseType ?? listing.licenseType;
  const terms =
    input.terms !== undefined
      ? input.terms.trim() || LICENSE_TYPES[licenseType].defaultTerms
      : input.licenseType && listing.terms === LICENSE_TYPES[listing.licenseType].defaultTerms
        ? LICENSE_TYPES[licenseType].defaultTerms
        : undefined;
  const row = await db.$transaction(async (tx) => {
    const updated = await tx.listing.update({
      where: { id: listing.id },
      data: {
        priceCents: input.priceCents,
        currency: input.currency,
        licenseType: input.licenseType,
        terms,
        coverage: input.coverage,
        status: input.status,
        sampleResults: input.sampleResults,
      },
      select: listingSelect,
    });
    await auditListingChanges(tx, actor, { id: listing.id, orgId: listing.prompt.orgId }, listing, updated, request);
    return updated;
  });
  return present(row);
}

type PriceAndStatus = { priceCents: number; currency: string; status: ListingStatus };

/**
 * Audit entries for a listing's price and status changes (from `before`, null for a new listing), in
 * the change's transaction; an organisation's prompt's entries are the organisation's.
 */
async function auditListingChanges(
  tx: DbOrTx,
  actor: Actor,
  listing: { id: string; orgId: string | null },
  before: PriceAndStatus | null,
  after: PriceAndStatus,
  request?: RequestMeta | null,
) {
  const target = { type: "listing", id: listing.id };
  const orgId = listing.orgId;
  if (!before || before.priceCents !== after.priceCents || before.currency !== after.currency)
    await recordAudit(tx, {
      actor,
      action: "listing.price",
      target,
      orgId,
      from: before ? priceLabel(before.priceCents, before.currency) : null,
      to: priceLabel(after.priceCents, after.currency),
      request,
      details: { priceCents: after.priceCents, currency: after.currency, ...(before ? { previousPriceCents: before.priceCents, previousCurrency: before.currency } : {}) },
    });
  if (!before || before.status !== after.status) await recordAudit(tx, { actor, action: "listing.status", target, orgId, from: before?.status ?? null, to: after.status, request });
}

/** Viewer-facing facts about buying: what stops them, if anything. */
async function purchaseState(db: DbOrTx, viewer: Viewer, listing: ListingRow) {
  const license = viewer ? await activeLicenseOf(db, listing.promptId, viewer.id) : null;
  let cannotBuyReason = purchaseRefusal(listing, viewer?.id, Boolean(license))?.message ?? null;
  if (!cannotBuyReason && listing.priceCents > 0 && !stripeConfigured()) cannotBuyReason = PAYMENTS_UNAVAILABLE;
  return {
    viewerLicense: license,
    isSeller: viewer?.id === listing.sellerId,
    canBuy: cannotBuyReason === null && Boolean(viewer),
    cannotBuyReason: cannotBuyReason ?? (viewer ? null : "Sign in to buy."),
    checkoutEnabled: listing.priceCents === 0 || stripeConfigured(),
  };
}

/** The listing of a prompt, or null. Drafts are visible to their seller (and admins) only. */
export async function getListingByPrompt(db: DbOrTx, viewer: Viewer, input: { promptId?: string; slug?: string }) {
  // The readable prompt and its listing are looked up together; the listing is only used once the
  // prompt is known to be readable (by id; a slug needs the prompt's id first).
  const readable = db.prompt.findFirst({
    where: { AND: [input.promptId ? { id: input.promptId } : { slug: input.slug }, readablePromptsWhere(viewer)] },
    select: { id: true },
  });
  const byId = input.promptId ? db.listing.findUnique({ where: { promptId: input.promptId }, select: listingSelect }) : null;
  const [prompt, early] = await Promise.all([readable, byId]);
  if (!prompt) throw new NotFoundError("Prompt");
  const row = byId ? early : await db.listing.findUnique({ where: { promptId: prompt.id }, select: listingSelect });
  if (!row) return null;
  if (row.status === "draft" && row.sellerId !== viewer?.id && !isAdmin(viewer)) return null;
  return { ...present(row), ...(await purchaseState(db, viewer, row)) };
}

/** One listing; an active one read by someone else than its seller is a listing view (the Market's, or the API's). */
export async function getListing(db: DbOrTx, viewer: Viewer, listingId: string, usage?: UsageOrigin) {
  const row = await db.listing.findFirst({ where: { id: listingId, prompt: readablePromptsWhere(viewer) }, select: listingSelect });
  if (!row || (row.status === "draft" && row.sellerId !== viewer?.id && !isAdmin(viewer))) throw new NotFoundError("Listing");
  if (row.status === "active" && row.sellerId !== viewer?.id) {
    recordUsage(db, { kind: "listing_view", promptId: row.promptId, ownerId: row.sellerId, ...originFields(usage, viewer?.id) });
  }
  return { ...present(row), ...(await purchaseState(db, viewer, row)) };
}

const ORDER: Record<ListingSort, Prisma.ListingOrderByWithRelationInput[]> = {
  newest: [{ createdAt: "desc" }, { id: "desc" }],
  best_selling: [{ salesCount: "desc" }, { id: "desc" }],
  price_low: [{ priceCents: "asc" }, { id: "asc" }],
  price_high: [{ priceCents: "desc" }, { id: "desc" }],
};

/**
 * Listings on sale (public prompts only), or one seller's: their own drafts and paused listings
 * too when the seller asks. Cursor is the last listing's id.
 */
export async function listListings(
  db: DbOrTx,
  viewer: Viewer,
  input: { cursor?: string | null; limit: number; sort: ListingSort; sellerHandle?: string; currency?: string; licenseType?: LicenseType; free?: boolean },
) {
  const seller = input.sellerHandle ? await db.user.findUnique({ where: { handle: input.sellerHandle }, select: { id: true } }) : null;
  if (input.sellerHandle && !seller) throw new NotFoundError("User");
  const own = seller && seller.id === viewer?.id;
  const where: Prisma.ListingWhereInput = own
    ? { sellerId: seller.id }
    : { status: "active", prompt: { visibility: "public", ...notArchivedWhere }, ...(seller ? { sellerId: seller.id } : {}) };
  const filters: Prisma.ListingWhereInput = {
    ...(input.currency ? { currency: input.currency } : {}),
    ...(input.licenseType ? { licenseType: input.licenseType } : {}),
    ...(input.free === true ? { priceCents: 0 } : input.free === false ? { priceCents: { gt: 0 } } : {}),
  };
  const rows = await db.listing.findMany({
    where: { AND: [where, filters] },
    orderBy: ORDER[input.sort],
    ...page(input),
    select: listingSelect,
  });
  const { items: onPage, nextCursor } = pageResult(rows, input);
  const held = viewer
    ? new Set((await db.license.findMany({ where: { holderId: viewer.id, status: "active", promptId: { in: onPage.map((r) => r.promptId) } }, select: { promptId: true } })).map((l) => l.promptId))
    : new Set<string>();
  // The card's "Tested on 3 models · 92% pass", from the evidence attached to each listing.
  const evidence = await evidenceBadges(db, onPage.map((r) => r.id));
  const items = onPage.map((row) => ({ ...present(row), viewerHasLicense: held.has(row.promptId), isSeller: row.sellerId === viewer?.id, evidence: evidence.get(row.id) ?? null }));
  return { items, nextCursor };
}

export type ListingView = ReturnType<typeof present>;
