// Buying: paid listings go through Stripe Checkout (the webhook grants the license); free ones are claimed here.
import "server-only";
import type { LicenseCoverage, LicenseType } from "@/generated/prisma/client";
import type { Db, DbOrTx } from "@/server/db/prisma";
import { isAdmin, type Actor } from "../actor";
import { ConflictError, NotFoundError, UpstreamError } from "../errors";
import { readablePromptsWhere } from "../access/prompt-access";
import { latestVersionNumber } from "../versions/version-queries";
import { activeLicenseOf, grantLicense } from "./licenses";
import { purchaseRefusal } from "./purchase-refusal";
import { getStripe } from "./stripe-client";

/** What the buyer agrees to, copied into the purchase so later listing changes never reach it. */
export const agreedTerms = (listing: { licenseType: LicenseType; terms: string; coverage: LicenseCoverage }) => ({
  licenseType: listing.licenseType,
  terms: listing.terms,
  coverage: listing.coverage,
});

/** The listing, if this actor may buy it now; otherwise a clear refusal. */
async function buyableListing(db: DbOrTx, actor: Actor, listingId: string) {
  const listing = await db.listing.findFirst({
    where: { id: listingId, prompt: readablePromptsWhere(actor) },
    include: { prompt: { select: { id: true, slug: true, title: true, description: true, visibility: true, archivedAt: true } } },
  });
  if (!listing || listing.prompt.visibility === "private" || (listing.status === "draft" && listing.sellerId !== actor.id && !isAdmin(actor)))
    throw new NotFoundError("Listing");
  const refusal = purchaseRefusal(listing, actor.id, Boolean(await activeLicenseOf(db, listing.promptId, actor.id)));
  if (refusal) throw refusal;
  return listing;
}

/**
 * Creates a Stripe Checkout Session for a paid listing and records a pending purchase with the
 * price as it is now. Free listings are claimed at once and return the Library URL.
 */
export async function checkoutListing(db: Db, actor: Actor, input: { listingId: string }, origin: string) {
  const listing = await buyableListing(db, actor, input.listingId);
  if (listing.priceCents === 0) {
    const claimed = await claimFreeListing(db, actor, input);
    return { url: `${origin}/library?claimed=${encodeURIComponent(claimed.licenseId)}`, sessionId: null, free: true, licenseId: claimed.licenseId };
  }
  const stripe = getStripe();
  const reusable = await openSessionFor(db, actor, listing);
  if (reusable) return { url: reusable.url, sessionId: reusable.id, free: false, licenseId: null };
  const versionNumber = await latestVersionNumber(db, listing.promptId);
  const metadata = { listingId: listing.id, buyerId: actor.id, promptId: listing.promptId };
  let session: Awaited<ReturnType<typeof stripe.checkout.sessions.create>>;
  try {
    session = await stripe.checkout.sessions.create({
      mode: "payment",
      client_reference_id: actor.id,
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: listing.currency,
            unit_amount: listing.priceCents,
            product_data: {
              name: `${listing.prompt.title} — ${listing.licenseType} license`,
              ...(listing.prompt.description ? { description: listing.prompt.description.slice(0, 500) } : {}),
              metadata: { promptId: listing.promptId },
            },
          },
        },
      ],
      metadata,
      payment_intent_data: { metadata },
      success_url: `${origin}/checkout/success?session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${origin}/p/${listing.prompt.slug}?checkout=cancelled`,
    });
  } catch (error) {
    throw new UpstreamError(`Stripe could not start the checkout: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!session.url) throw new UpstreamError("Stripe did not return a checkout URL.");
  await db.purchase.create({
    data: {
      listingId: listing.id,
      promptId: listing.promptId,
      buyerId: actor.id,
      sellerId: listing.sellerId,
      amountCents: listing.priceCents,
      currency: listing.currency,
      ...agreedTerms(listing),
      versionNumber,
      status: "pending",
      stripeSessionId: session.id,
    },
  });
  return { url: session.url, sessionId: session.id, free: false, licenseId: null };
}

/**
 * The buyer's checkout for this listing that is still open at Stripe, on the same price and terms:
 * clicking Buy twice (or in two tabs) goes to one session, so nobody pays twice for one license.
 */
async function openSessionFor(db: DbOrTx, actor: Actor, listing: { id: string; priceCents: number; currency: string; licenseType: LicenseType; terms: string; coverage: LicenseCoverage }) {
  const pending = await db.purchase.findFirst({
    where: {
      listingId: listing.id,
      buyerId: actor.id,
      status: "pending",
      stripeSessionId: { not: null },
      amountCents: listing.priceCents,
      currency: listing.currency,
      ...agreedTerms(listing),
      createdAt: { gt: new Date(Date.now() - 23 * 3600_000) }, // sessions expire after 24 h
    },
    orderBy: { createdAt: "desc" },
    select: { stripeSessionId: true },
  });
  if (!pending?.stripeSessionId) return null;
  try {
    const session = await getStripe().checkout.sessions.retrieve(pending.stripeSessionId);
    return session.status === "open" && session.url ? { id: session.id, url: session.url } : null;
  } catch {
    return null; // unknown to Stripe now: start afresh
  }
}

/** Free listings: a purchase of 0 and a license, in one transaction, without Stripe. */
export async function claimFreeListing(db: Db, actor: Actor, input: { listingId: string }) {
  return db.$transaction(async (tx) => {
    // The prompt row is locked first (as prompt.update does before going private), so the
    // visibility checked below still holds when the license is written.
    await tx.$queryRaw`SELECT p.id FROM "Prompt" p JOIN "Listing" l ON l."promptId" = p.id WHERE l.id = ${input.listingId} FOR SHARE OF p`;
    const listing = await buyableListing(tx, actor, input.listingId);
    if (listing.priceCents > 0) throw new ConflictError("This listing is not free; buy it with listing.checkout.");
    // Serialise claims by one buyer for one prompt so a double click yields one license.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`claim:${listing.promptId}:${actor.id}`}))`;
    const versionNumber = await latestVersionNumber(tx, listing.promptId);
    const purchase = await tx.purchase.create({
      data: {
        listingId: listing.id,
        promptId: listing.promptId,
        buyerId: actor.id,
        sellerId: listing.sellerId,
        amountCents: 0,
        currency: listing.currency,
        ...agreedTerms(listing),
        versionNumber,
        status: "paid",
        paidAt: new Date(),
      },
    });
    const license = await grantLicense(tx, purchase);
    if (!license) throw new ConflictError("You already hold a license for this prompt; find it in your Library.");
    await tx.listing.update({ where: { id: listing.id }, data: { salesCount: { increment: 1 } } });
    return { licenseId: license.id, key: license.key, purchaseId: purchase.id, promptSlug: listing.prompt.slug };
  });
}

/** Where a checkout stands, for the success page to poll while the webhook is on its way. */
export async function checkoutStatus(db: DbOrTx, actor: Actor, input: { sessionId: string }) {
  const purchase = await db.purchase.findUnique({
    where: { stripeSessionId: input.sessionId },
    select: {
      buyerId: true,
      status: true,
      amountCents: true,
      currency: true,
      prompt: { select: { slug: true, title: true } },
      license: { select: { id: true, key: true, status: true } },
    },
  });
  if (!purchase || (purchase.buyerId !== actor.id && !isAdmin(actor))) throw new NotFoundError("Checkout session");
  return {
    status: purchase.status,
    amountCents: purchase.amountCents,
    currency: purchase.currency,
    prompt: purchase.prompt,
    license: purchase.license,
  };
}

