import { describe, expect, it } from "vitest";
import { callbackUrlFrom } from "./callback-url";

const SITE = "http://127.0.0.1:3000";

describe("where sign-in goes back to", () => {
  it("follows an explicit callbackUrl, query included, and refuses other sites", () => {
    expect(callbackUrlFrom("/explore?q=x&sort=newest", null, SITE)).toBe("/explore?q=x&sort=newest");
    expect(callbackUrlFrom("//evil.example/x", `${SITE}/market`, SITE)).toBe("/");
    expect(callbackUrlFrom("https://evil.example/", null, SITE)).toBe("/");
  });

  it("without one, returns to the same-site page the link was followed from, with its query", () => {
    expect(callbackUrlFrom(undefined, `${SITE}/explore?q=x`, SITE)).toBe("/explore?q=x");
    expect(callbackUrlFrom(undefined, "https://evil.example/explore?q=x", SITE)).toBe("/");
    expect(callbackUrlFrom(undefined, `${SITE}/signup?callbackUrl=%2Ffeed`, SITE)).toBe("/");
    expect(callbackUrlFrom(undefined, "not a url", SITE)).toBe("/");
    expect(callbackUrlFrom(undefined, null, SITE)).toBe("/");
  });
});
