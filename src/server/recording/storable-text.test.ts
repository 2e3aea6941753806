import { describe, expect, it } from "vitest";
import { hasUnstorableText, repairUnstorableText } from "./storable-text";

describe("storable text", () => {
  it("leaves storable values alone, the same object", () => {
    const value = { a: "plain", b: ["emoji 😀", { c: "backslash-u \\u0000 as text", "d\\ud800": 1 }], e: null, f: 3 };
    expect(hasUnstorableText(value)).toBe(false);
    expect(repairUnstorableText(value)).toEqual({ value, repaired: false });
    expect(repairUnstorableText(value).value).toBe(value);
  });

  it("replaces NUL and unpaired surrogates with U+FFFD, in values and keys, at any depth", () => {
    let deep: unknown = "deep\u0000";
    for (let i = 0; i < 20_000; i++) deep = [deep];
    expect(hasUnstorableText(deep)).toBe(true);

    const value = { text: "a\u0000b", list: ["\ud800", "x\udc00y", "pair 😀", "\\\u0000"], ["key\u0000"]: { nested: "\udbff!" } };
    const { value: repaired, repaired: changed } = repairUnstorableText(value);
    expect(changed).toBe(true);
    expect(repaired).toEqual({ text: "a\ufffdb", list: ["\ufffd", "x\ufffdy", "pair 😀", "\\\ufffd"], ["key\ufffd"]: { nested: "\ufffd!" } });
    expect(hasUnstorableText(repaired)).toBe(false);
  });
});
