import { describe, expect, it } from "vitest";
import { z } from "zod";
import { BIDI_CONTROL_MESSAGE, hasBidiControl, INVISIBLE_TEXT_MESSAGE, isInvisibleText, notInvisibleText, visibleText } from "./visible-text";

describe("the visible-text rule", () => {
  it("calls text invisible when nothing in it shows", () => {
    for (const text of ["", "   ", "\u200b", "\u200b\u200c\u200d", "\u2060\ufeff", "\u00ad", "\u3164\u115f", "\ufe0f", "\u034f", "\u0301\u0301", "\u2800", "\u200e\u200f", "\u{e0041}"]) expect(isInvisibleText(text), JSON.stringify(text)).toBe(true);
    for (const text of ["a", " a\u200b", "é", "مرحبا", "👩‍👩‍👧", "中文", "·"]) expect(isInvisibleText(text), JSON.stringify(text)).toBe(false);
  });

  it("finds every bidi embedding, override and isolate control, and only those", () => {
    for (const c of ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]) expect(hasBidiControl(`a${c}b`)).toBe(true);
    for (const c of ["\u200e", "\u200f", "\u061c", "\u2029", "\u2065", "\u206a"]) expect(hasBidiControl(`a${c}b`)).toBe(false);
  });

  it("as a schema: empty stays the schema's decision, invisible and bidi text are refused by name", () => {
    const name = visibleText(z.string().trim().max(10));
    expect(name.parse("")).toBe("");
    expect(name.parse("  Ada  ")).toBe("Ada");
    expect(name.safeParse("\u200b").error?.issues.map((i) => i.message)).toEqual([INVISIBLE_TEXT_MESSAGE]);
    expect(name.safeParse("a\u202eb").error?.issues.map((i) => i.message)).toEqual([BIDI_CONTROL_MESSAGE]);
    const body = notInvisibleText(z.string());
    expect(body.safeParse("\u200b").success).toBe(false);
    expect(body.parse("a\u202eb")).toBe("a\u202eb");
  });
});
