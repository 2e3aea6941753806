import { describe, expect, it } from "vitest";
import { atPage, exploreHref, isExploreCategory, isExploreSort, withFilters } from "./explore-href";

describe("exploreHref", () => {
  it("leaves empty and blank parameters out", () => {
    expect(exploreHref({})).toBe("/explore");
    expect(exploreHref({ q: "", tag: "  ", author: undefined })).toBe("/explore");
    expect(exploreHref({ q: "sql agent" })).toBe("/explore?q=sql+agent");
  });

  it("keeps a fixed order and strips the # and @ a user may type", () => {
    expect(exploreHref({ cursor: "c1", sort: "top_rated", author: "@ana", tag: "#email", category: "writing", q: "cold" })).toBe(
      "/explore?q=cold&category=writing&tag=email&author=ana&sort=top_rated&cursor=c1",
    );
  });

  it("drops the default sort only when there is no query", () => {
    expect(exploreHref({ sort: "newest" })).toBe("/explore");
    expect(exploreHref({ q: "x", sort: "newest" })).toBe("/explore?q=x&sort=newest");
  });
});

describe("changing the sort, a filter or the page", () => {
  const state = { q: "email", category: "marketing", tag: "sales", author: "ana", sort: "most_liked", cursor: "page2" } as const;

  it("keeps every filter when the sort changes, and goes back to the first page", () => {
    expect(withFilters(state, { sort: "top_rated" })).toBe("/explore?q=email&category=marketing&tag=sales&author=ana&sort=top_rated");
  });

  it("keeps the other filters when one changes or is cleared", () => {
    expect(withFilters(state, { category: "writing" })).toBe("/explore?q=email&category=writing&tag=sales&author=ana&sort=most_liked");
    expect(withFilters(state, { category: undefined, tag: "" })).toBe("/explore?q=email&author=ana&sort=most_liked");
  });

  it("keeps every filter and the sort when paging", () => {
    expect(atPage(state, "page3")).toBe("/explore?q=email&category=marketing&tag=sales&author=ana&sort=most_liked&cursor=page3");
    expect(atPage(state, null)).toBe("/explore?q=email&category=marketing&tag=sales&author=ana&sort=most_liked");
  });
});

describe("guards", () => {
  it("accepts only known categories and explore's sorts", () => {
    expect(isExploreCategory("research")).toBe(true);
    expect(isExploreCategory("toString")).toBe(false);
    expect(isExploreSort("top_rated")).toBe(true);
    expect(isExploreSort("relevance")).toBe(false);
    expect(isExploreSort(undefined)).toBe(false);
  });
});
