import { describe, expect, it } from "vitest";
import { ifNoneMatchHits, strongEtag } from "./etag";

describe("ETag / If-None-Match", () => {
  it("tags a representation by its bytes", () => {
    expect(strongEtag('{"a":1}')).toBe(strongEtag('{"a":1}'));
    expect(strongEtag('{"a":1}')).not.toBe(strongEtag('{"a":2}'));
    expect(strongEtag("x")).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
  });

  it("compares weakly, in a list, and with *", () => {
    const tag = strongEtag("body");
    expect(ifNoneMatchHits(tag, tag)).toBe(true);
    expect(ifNoneMatchHits(`W/${tag}`, tag)).toBe(true);
    expect(ifNoneMatchHits(`"other", ${tag}`, tag)).toBe(true);
    expect(ifNoneMatchHits("*", tag)).toBe(true);
    expect(ifNoneMatchHits('"other"', tag)).toBe(false);
    expect(ifNoneMatchHits(null, tag)).toBe(false);
    expect(ifNoneMatchHits(tag.slice(1, -1), tag)).toBe(false);
  });
});
