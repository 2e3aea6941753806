import { describe, expect, it } from "vitest";
import { tagsSchema } from "./prompt-fields";
import { normalizeTag, normalizeTags } from "./tags";

describe("normalizeTag", () => {
  it("gives one spelling: trimmed, lower case, spaces to single dashes", () => {
    expect(normalizeTag("Customer Support")).toBe("customer-support");
    expect(normalizeTag("  customer   support ")).toBe("customer-support");
    expect(normalizeTag("customer--support")).toBe("customer-support");
    expect(normalizeTag("-Customer - Support-")).toBe("customer-support");
    expect(normalizeTag("C#")).toBe("c#");
    expect(normalizeTag("   ")).toBe("");
  });

  it("keeps the first spelling and order, drops empties", () => {
    expect(normalizeTags(["SQL", "Customer Support", "customer-support", " ", "sql"])).toEqual(["sql", "customer-support"]);
  });
});

describe("tagsSchema", () => {
  it("normalises and de-duplicates what the API and forms accept", () => {
    expect(tagsSchema.parse(["Customer Support", "customer-support", "Email"])).toEqual(["customer-support", "email"]);
  });

  it("refuses empty, over-long and oddly spelled tags, naming the tag's position", () => {
    const result = tagsSchema.safeParse(["ok", " - ", "x".repeat(33), "hi!"]);
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues).toEqual([
      ["1", "tags cannot be empty"],
      ["2", "a tag is at most 32 characters"],
      ["3", "tags start with a letter or digit (a–z, 0–9) and may also use spaces, dashes, +, # and dots"],
    ]);
  });

  it("allows at most 10 tags", () => {
    expect(tagsSchema.safeParse(Array.from({ length: 11 }, (_, i) => `t${i}`)).success).toBe(false);
  });
});
