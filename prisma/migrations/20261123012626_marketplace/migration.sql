CREATE TYPE "LicenseType" AS ENUM ('personal', 'commercial', 'team');
CREATE TYPE "ListingStatus" AS ENUM ('draft', 'active', 'paused');
CREATE TYPE "LicenseCoverage" AS ENUM ('purchased_and_later', 'purchased_only');
CREATE TYPE "PurchaseStatus" AS ENUM ('pending', 'paid', 'expired', 'refunded', 'partially_refunded');
CREATE TYPE "LicenseStatus" AS ENUM ('active', 'revoked');
CREATE TABLE "Listing" (
    "id" TEXT NOT NULL,
    "promptId" TEXT NOT NULL,
    "sellerId" TEXT NOT NULL,
    "priceCents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'usd',
    "licenseType" "LicenseType" NOT NULL DEFAULT 'personal',
    "terms" TEXT NOT NULL,
    "coverage" "LicenseCoverage" NOT NULL DEFAULT 'purchased_and_later',
    "status" "ListingStatus" NOT NULL DEFAULT 'draft',
    "sampleResults" JSONB NOT NULL DEFAULT '[]',
    "salesCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Listing_pkey" PRIMARY KEY ("id")
);
CREATE TABLE "Purchase" (
    "id" TEXT NOT NULL,
    "listingId" TEXT NOT NULL,
    "promptId" TEXT NOT NULL,
    "buyerId" TEXT NOT NULL,
    "sellerId" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "platformFeeCents" INTEGER NOT NULL DEFAULT 0,
    "refundedCents" INTEGER NOT NULL DEFAULT 0,
    "status" "PurchaseStatus" NOT NULL DEFAULT 'pending',
    "versionNumber" INTEGER NOT NULL,
    "stripeSessionId" TEXT,
    "stripePaymentIntentId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "paidAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Purchase_pkey" PRIMARY KEY ("id")
);
CREATE TABLE "License" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "purchaseId" TEXT NOT NULL,
    "listingId" TEXT NOT NULL,
    "promptId" TEXT NOT NULL,
    "holderId" TEXT NOT NULL,
    "licenseType" "LicenseType" NOT NULL,
    "terms" TEXT NOT NULL,
    "coverage" "LicenseCoverage" NOT NULL,
    "fromVersion" INTEGER NOT NULL,
    "toVersion" INTEGER,
    "status" "LicenseStatus" NOT NULL DEFAULT 'active',
    "revokedAt" TIMESTAMP(3),
    "revokedReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "License_pkey" PRIMARY KEY ("id")
);
CREATE TABLE "Refund" (
    "id" TEXT NOT NULL,
    "purchaseId" TEXT,
    "stripeChargeId" TEXT NOT NULL,
    "stripePaymentIntentId" TEXT,
    "amountRefundedCents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "stripeEventId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Refund_pkey" PRIMARY KEY ("id")
);
CREATE TABLE "StripeEvent" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StripeEvent_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Listing_promptId_key" ON "Listing"("promptId");
CREATE INDEX "Listing_status_createdAt_idx" ON "Listing"("status", "createdAt" DESC);
CREATE INDEX "Listing_status_salesCount_idx" ON "Listing"("status", "salesCount" DESC);
CREATE INDEX "Listing_sellerId_createdAt_idx" ON "Listing"("sellerId", "createdAt" DESC);
CREATE UNIQUE INDEX "Purchase_stripeSessionId_key" ON "Purchase"("stripeSessionId");
CREATE UNIQUE INDEX "Purchase_stripePaymentIntentId_key" ON "Purchase"("stripePaymentIntentId");
CREATE INDEX "Purchase_buyerId_createdAt_idx" ON "Purchase"("buyerId", "createdAt" DESC);
CREATE INDEX "Purchase_sellerId_paidAt_idx" ON "Purchase"("sellerId", "paidAt");
CREATE INDEX "Purchase_listingId_buyerId_idx" ON "Purchase"("listingId", "buyerId");
CREATE UNIQUE INDEX "License_key_key" ON "License"("key");
CREATE UNIQUE INDEX "License_purchaseId_key" ON "License"("purchaseId");
CREATE INDEX "License_holderId_createdAt_idx" ON "License"("holderId", "createdAt" DESC);
CREATE INDEX "License_promptId_holderId_status_idx" ON "License"("promptId", "holderId", "status");
CREATE UNIQUE INDEX "Refund_stripeEventId_key" ON "Refund"("stripeEventId");
CREATE INDEX "Refund_purchaseId_idx" ON "Refund"("purchaseId");
CREATE INDEX "Refund_stripePaymentIntentId_idx" ON "Refund"("stripePaymentIntentId");
ALTER TABLE "Listing" ADD CONSTRAINT "Listing_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "Prompt"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Listing" ADD CONSTRAINT "Listing_sellerId_fkey" FOREIGN KEY ("sellerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Purchase" ADD CONSTRAINT "Purchase_listingId_fkey" FOREIGN KEY ("listingId") REFERENCES "Listing"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Purchase" ADD CONSTRAINT "Purchase_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "Prompt"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Purchase" ADD CONSTRAINT "Purchase_buyerId_fkey" FOREIGN KEY ("buyerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Purchase" ADD CONSTRAINT "Purchase_sellerId_fkey" FOREIGN KEY ("sellerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "License" ADD CONSTRAINT "License_purchaseId_fkey" FOREIGN KEY ("purchaseId") REFERENCES "Purchase"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "License" ADD CONSTRAINT "License_listingId_fkey" FOREIGN KEY ("listingId") REFERENCES "Listing"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "License" ADD CONSTRAINT "License_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "Prompt"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "License" ADD CONSTRAINT "License_holderId_fkey" FOREIGN KEY ("holderId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_purchaseId_fkey" FOREIGN KEY ("purchaseId") REFERENCES "Purchase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: rules the schema language cannot state.
ALTER TABLE "Listing" ADD CONSTRAINT "Listing_priceCents_check" CHECK ("priceCents" >= 0 AND "priceCents" <= 99999999);
ALTER TABLE "Listing" ADD CONSTRAINT "Listing_currency_check" CHECK ("currency" ~ '^[a-z]{3}$');
ALTER TABLE "Purchase" ADD CONSTRAINT "Purchase_amounts_check" CHECK ("amountCents" >= 0 AND "platformFeeCents" >= 0 AND "refundedCents" >= 0 AND "refundedCents" <= "amountCents");
-- A buyer holds at most one active license per prompt, whatever races the webhooks run.
CREATE UNIQUE INDEX "License_one_active_per_holder" ON "License" ("promptId", "holderId") WHERE "status" = 'active';
