import { describe, expect, it } from "vitest";
import { canonicalListingSort, isListingSort } from "./listing-sorts";

describe("listing sorts", () => {
  it("maps the other names clients use to the sort they stand for", () => {
    expect(canonicalListingSort("price_asc")).toBe("price_low");
    expect(canonicalListingSort("popular")).toBe("best_selling");
    expect(canonicalListingSort("recent")).toBe("newest");
    expect(canonicalListingSort("price_high")).toBe("price_high");
    expect(canonicalListingSort("cheapest")).toBe("cheapest");
  });

  it("recognises only the sorts themselves as sorts", () => {
    expect(isListingSort("newest")).toBe(true);
    expect(isListingSort("price_asc")).toBe(false);
    expect(isListingSort("toString")).toBe(false);
  });
});
