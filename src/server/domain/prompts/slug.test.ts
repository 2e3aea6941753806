import { describe, expect, it } from "vitest";
import { slugify } from "./slug";

describe("slugify", () => {
  it("makes URL-safe lowercase slugs", () => {
    expect(slugify("  Cold Email — Writer (v2)! ")).toBe("cold-email-writer-v2");
    expect(slugify("Résumé Café")).toBe("resume-cafe");
  });
  it("never returns an empty slug", () => {
    expect(slugify("!!!")).toBe("prompt");
  });
  it("caps the length without a trailing dash", () => {
    const s = slugify("a ".repeat(100));
    expect(s.length).toBeLessThanOrEqual(60);
    expect(s.endsWith("-")).toBe(false);
  });
});
