import { describe, expect, it } from "vitest";
import { hasMalformedPath } from "./malformed-path";

describe("hasMalformedPath", () => {
  it("finds percent-escapes that do not decode, in the path only", () => {
    for (const url of ["/p/%", "/p/%ZZ", "/p/%E0%A4%A", "/u/%", "/c/ab%2", "/o/%?q=1"]) expect(hasMalformedPath(url), url).toBe(true);
    for (const url of ["/", "/p/some-slug", "/p/%25", "/p/%00", "/p/caf%C3%A9", "/explore?q=%", "/explore?q=%ZZ", "/a#%"]) expect(hasMalformedPath(url), url).toBe(false);
  });
});
