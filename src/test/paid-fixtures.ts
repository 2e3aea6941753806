// Paid prompts for integration tests, set up with rows directly (as the checkout webhook leaves
// them): an active paid listing, and a paid purchase with its active license.
import type { Db } from "@/server/db/prisma";
import type { makeUser } from "./callers";

type User = Awaited<ReturnType<typeof makeUser>>;

/** An active paid listing (900 cents) on the seller's prompt. */
export async function listForSale(db: Db, seller: User, promptId: string) {
  return db.listing.create({ data: { promptId, sellerId: seller.user.id, priceCents: 900, terms: "Personal use only.", status: "active", coverage: "purchased_and_later" } });
}

/** The buyer's paid purchase of the listing and their active license for every version. */
export async function grantLicense(db: Db, buyer: User, listing: Awaited<ReturnType<typeof listForSale>>) {
  const purchase = await db.purchase.create({
    data: {
      listingId: listing.id,
      promptId: listing.promptId,
      buyerId: buyer.user.id,
      sellerId: listing.sellerId,
      amountCents: listing.priceCents,
      currency: "usd",
      status: "paid",
      versionNumber: 1,
      licenseType: listing.licenseType,
      terms: listing.terms,
      coverage: listing.coverage,
      paidAt: new Date(),
    },
  });
  return db.license.create({
    data: {
      key: `PQL-TEST-${purchase.id}`,
      purchaseId: purchase.id,
      listingId: listing.id,
      promptId: listing.promptId,
      holderId: buyer.user.id,
      licenseType: "personal",
      terms: listing.terms,
      coverage: listing.coverage,
      fromVersion: 1,
      toVersion: null,
      status: "active",
    },
  });
}
