import { describe, expect, it } from "vitest";
import { findUnstorableText, NUL_MESSAGE, UNPAIRED_SURROGATE_MESSAGE } from "./storable-text";

describe("findUnstorableText", () => {
  it("finds the first NUL or unpaired surrogate with its path, in values and keys", () => {
    expect(findUnstorableText({ a: "ok", b: [{ c: "x" }, { c: "y\u0000" }] })).toEqual({ path: ["b", 1, "c"], message: NUL_MESSAGE });
    expect(findUnstorableText({ first: "\ud800", second: "\u0000" })).toEqual({ path: ["first"], message: UNPAIRED_SURROGATE_MESSAGE });
    expect(findUnstorableText({ settings: { "k\u0000": 1 } })).toEqual({ path: ["settings"], message: `has a key that ${NUL_MESSAGE}` });
    expect(findUnstorableText(new Map([["k", new Set(["\udfff"])]]))).toEqual({ path: ["k", 0], message: UNPAIRED_SURROGATE_MESSAGE });
    expect(findUnstorableText("\u0000")).toEqual({ path: [], message: NUL_MESSAGE });
  });

  it("passes well-formed text, emoji pairs and non-string values", () => {
    expect(findUnstorableText({ a: "😀 中文", n: 1, d: new Date(), z: null, u: undefined, l: [true, 2n] })).toBeNull();
    expect(findUnstorableText(undefined)).toBeNull();
  });

  it("walks a deeply nested input without overflowing the stack", () => {
    let deep: unknown = "bad\u0000";
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(findUnstorableText(deep)?.message).toBe(NUL_MESSAGE);
  });
});
