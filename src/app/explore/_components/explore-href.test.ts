import { describe, expect, it } from "vitest";
import { atPage, exploreHref, isExploreCategory, isExploreMode, isExploreSort, withFilters } from "./explore-href";

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

describe("the match mode", () => {
  it("is kept with a query, after the sort and before the page, and left out without one", () => {
    expect(exploreHref({ q: "tea", mode: "semantic" })).toBe("/explore?q=tea&mode=semantic");
    expect(exploreHref({ q: "tea", sort: "newest", mode: "hybrid", cursor: "c2" })).toBe("/explore?q=tea&sort=newest&mode=hybrid&cursor=c2");
    expect(exploreHref({ q: " ", mode: "semantic" })).toBe("/explore");
    expect(exploreHref({ category: "writing", mode: "hybrid" })).toBe("/explore?category=writing");
  });

  it("survives filter, sort and page changes", () => {
    const state = { q: "tea", mode: "semantic", category: "writing" } as const;
    expect(withFilters(state, { sort: "top_rated" })).toBe("/explore?q=tea&category=writing&sort=top_rated&mode=semantic");
    expect(atPage(state, "p2")).toBe("/explore?q=tea&category=writing&mode=semantic&cursor=p2");
    expect(withFilters(state, { mode: undefined })).toBe("/explore?q=tea&category=writing");
  });

  it("accepts only the non-default modes", () => {
    expect(isExploreMode("semantic")).toBe(true);
    expect(isExploreMode("hybrid")).toBe(true);
    expect(isExploreMode("text")).toBe(false);
    expect(isExploreMode("vibes")).toBe(false);
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

describe("the trending window", () => {
  it("is kept only with the trending sort, and left out when it is the default", () => {
    expect(exploreHref({ sort: "trending", window: "24h" })).toBe("/explore?sort=trending&window=24h");
    expect(exploreHref({ sort: "trending", window: "7d" })).toBe("/explore?sort=trending");
    expect(exploreHref({ sort: "most_liked", window: "30d" })).toBe("/explore?sort=most_liked");
    expect(withFilters({ sort: "trending", window: "30d", cursor: "c1" }, { category: "writing" })).toBe("/explore?category=writing&sort=trending&window=30d");
    expect(atPage({ q: "tea", sort: "trending", window: "24h" }, "c3")).toBe("/explore?q=tea&sort=trending&window=24h&cursor=c3");
  });
});
