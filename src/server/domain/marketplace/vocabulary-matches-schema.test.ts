// The marketplace words are declared once in src/shared; the database declares the same enums in
// schema.prisma. A word added to one and not the other would fail at run time: fail here instead.
import { describe, expect, it } from "vitest";
import { LicenseCoverage, LicenseType, ListingStatus } from "@/generated/prisma/enums";
import { COVERAGE_NAMES } from "@/shared/marketplace/coverage";
import { LICENSE_TYPE_NAMES } from "@/shared/marketplace/license-types";
import { LISTING_STATUS_NAMES } from "@/shared/marketplace/listing-statuses";

const sorted = (names: readonly string[]) => [...names].sort();

describe("marketplace vocabulary", () => {
  it("names exactly the license types, listing statuses and coverages the database knows", () => {
    expect(sorted(LICENSE_TYPE_NAMES)).toEqual(sorted(Object.values(LicenseType)));
    expect(sorted(LISTING_STATUS_NAMES)).toEqual(sorted(Object.values(ListingStatus)));
    expect(sorted(COVERAGE_NAMES)).toEqual(sorted(Object.values(LicenseCoverage)));
  });
});
