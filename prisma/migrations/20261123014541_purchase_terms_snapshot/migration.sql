-- A purchase remembers the license type, terms and coverage the buyer agreed to at checkout.
-- Existing purchases take them from their license if granted, otherwise from the listing.
ALTER TABLE "Purchase" ADD COLUMN "coverage" "LicenseCoverage",
ADD COLUMN "licenseType" "LicenseType",
ADD COLUMN "terms" TEXT;
UPDATE "Purchase" p SET "coverage" = li."coverage", "licenseType" = li."licenseType", "terms" = li."terms" FROM "Listing" li WHERE li.id = p."listingId";
UPDATE "Purchase" p SET "coverage" = l."coverage", "licenseType" = l."licenseType", "terms" = l."terms" FROM "License" l WHERE l."purchaseId" = p.id;
ALTER TABLE "Purchase" ALTER COLUMN "coverage" SET NOT NULL, ALTER COLUMN "licenseType" SET NOT NULL, ALTER COLUMN "terms" SET NOT NULL;
