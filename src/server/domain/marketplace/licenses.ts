// Licenses: granted once per paid purchase (or free claim), revoked by a full refund.
import "server-only";
import { randomBytes } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { DbOrTx, Tx } from "@/server/db/prisma";
import { isAdmin, type Actor } from "../actor";
import { NotFoundError } from "../errors";
import { COVERAGES } from "@/shared/marketplace/coverage";
import { formatMoney, priceLabel } from "@/shared/money/format-money";
import { notifySale } from "../notifications/event-notifications";

const KEY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I: keys get read aloud and retyped

/** A license key like PQL-7H3K-9QZP-M2XA-4D8F (80 random bits). */
export function newLicenseKey() {
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => KEY_ALPHABET[b % KEY_ALPHABET.length]);
  const groups = [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join(""));
  return `PQL-${groups.join("-")}`;
}

type PurchaseForLicense = {
  id: string;
  listingId: string;
  promptId: string;
  buyerId: string;
  sellerId: string;
  amountCents: number;
  currency: string;
  versionNumber: number;
  licenseType: "personal" | "commercial" | "team";
  terms: string;
  coverage: "purchased_and_later" | "purchased_only";
};

/** The active license a user holds for a prompt, if any (at most one: a partial unique index). */
export function activeLicenseOf(db: DbOrTx, promptId: string, holderId: string) {
  return db.license.findFirst({
    where: { promptId, holderId, status: "active" },
    select: { id: true, key: true, licenseType: true, fromVersion: true, toVersion: true, createdAt: true },
  });
}

/**
 * Grants the license a purchase pays for, on the terms the buyer agreed to at checkout. Returns null when
 * the buyer already holds an active license for the prompt (a second paid session for the same
 * prompt: the money is recorded, the seller can refund it).
 */
export async function grantLicense(tx: Tx, purchase: PurchaseForLicense) {
  const existing = await tx.license.findUnique({ where: { purchaseId: purchase.id } });
  if (existing) return existing;
  if (await activeLicenseOf(tx, purchase.promptId, purchase.buyerId)) return null;
  const license = await tx.license.create({
    data: {
      key: newLicenseKey(),
      purchaseId: purchase.id,
      listingId: purchase.listingId,
      promptId: purchase.promptId,
      holderId: purchase.buyerId,
      licenseType: purchase.licenseType,
      terms: purchase.terms,
      coverage: purchase.coverage,
      fromVersion: purchase.versionNumber,
      toVersion: purchase.coverage === "purchased_only" ? purchase.versionNumber : null,
    },
  });
  // Created once per purchase (a repeated webhook finds the license above), so the seller is told once.
  await notifySale(tx, purchase);
  return license;
}

/** Returns how many licenses were revoked (0 or 1). */
export async function revokeLicenseOf(tx: Tx, purchaseId: string, reason: string) {
  const { count } = await tx.license.updateMany({ where: { purchaseId, status: "active" }, data: { status: "revoked", revokedAt: new Date(), revokedReason: reason } });
  return count;
}

const licenseSelect = {
  id: true,
  key: true,
  status: true,
  licenseType: true,
  terms: true,
  coverage: true,
  fromVersion: true,
  toVersion: true,
  createdAt: true,
  revokedAt: true,
  revokedReason: true,
  holderId: true,
  holder: { select: { id: true, handle: true, name: true } },
  prompt: { select: { id: true, slug: true, title: true, description: true, category: true, owner: { select: { id: true, handle: true, name: true } } } },
  purchase: {
    select: {
      id: true,
      amountCents: true,
      currency: true,
      refundedCents: true,
      status: true,
      createdAt: true,
      paidAt: true,
      stripeSessionId: true,
      stripePaymentIntentId: true,
      refunds: { select: { id: true, amountRefundedCents: true, createdAt: true }, orderBy: { createdAt: "asc" } },
    },
  },
} satisfies Prisma.LicenseSelect;

type LicenseRow = Prisma.LicenseGetPayload<{ select: typeof licenseSelect }>;

function present(row: LicenseRow) {
  const { purchase, ...license } = row;
  return {
    ...license,
    coverageRule: COVERAGES[license.coverage].rule,
    coveredVersions: license.toVersion === null ? `v${license.fromVersion} and later` : `v${license.fromVersion} only`,
    receipt: {
      purchaseId: purchase.id,
      status: purchase.status,
      amountCents: purchase.amountCents,
      refundedCents: purchase.refundedCents,
      currency: purchase.currency,
      amountLabel: priceLabel(purchase.amountCents, purchase.currency),
      refundedLabel: purchase.refundedCents ? formatMoney(purchase.refundedCents, purchase.currency) : null,
      paidAt: purchase.paidAt,
      createdAt: purchase.createdAt,
      paymentReference: purchase.stripePaymentIntentId ?? purchase.stripeSessionId,
      refunds: purchase.refunds,
    },
  };
}

/** Everything the actor holds or held, newest first (revoked licenses stay listed, marked). */
export async function listMyLicenses(db: DbOrTx, actor: Actor) {
  const rows = await db.license.findMany({ where: { holderId: actor.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: licenseSelect });
  return rows.map(present);
}

/** A license is visible to its holder, the seller of the prompt, and admins. */
export async function getLicense(db: DbOrTx, actor: Actor, licenseId: string) {
  const row = await db.license.findUnique({ where: { id: licenseId }, select: licenseSelect });
  if (!row || (row.holderId !== actor.id && row.prompt.owner.id !== actor.id && !isAdmin(actor))) throw new NotFoundError("License");
  return present(row);
}

export type LicenseView = ReturnType<typeof present>;
