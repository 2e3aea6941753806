import { describe, expect, it } from "vitest";
import { diffText } from "./diff";

describe("diffText", () => {
  it("is all unchanged for identical text", () => {
    const d = diffText("a\nb\n", "a\nb\n");
    expect(d).toMatchObject({ added: 0, removed: 0, unchanged: 2 });
  });

  it("numbers lines on both sides", () => {
    const d = diffText("one\ntwo\nthree", "one\nthree\nfour");
    expect(d.lines).toEqual([
      { kind: "same", text: "one", oldNumber: 1, newNumber: 1 },
      { kind: "removed", text: "two", oldNumber: 2 },
      { kind: "same", text: "three", oldNumber: 3, newNumber: 2 },
      { kind: "added", text: "four", newNumber: 3 },
    ]);
    expect(d).toMatchObject({ added: 1, removed: 1, unchanged: 2 });
  });

  it("pairs a changed line with word-level parts", () => {
    const d = diffText("Write a short poem about {{topic}}.", "Write a long poem about {{topic}}.");
    const removed = d.lines.find((l) => l.kind === "removed");
    const added = d.lines.find((l) => l.kind === "added");
    expect(removed?.parts?.filter((p) => p.removed).map((p) => p.value.trim())).toEqual(["short"]);
    expect(added?.parts?.filter((p) => p.added).map((p) => p.value.trim())).toEqual(["long"]);
    // Reassembling the parts gives the line back.
    expect(added?.parts?.map((p) => p.value).join("")).toBe("Write a long poem about {{topic}}.");
  });

  it("handles text added to an empty body and everything removed", () => {
    expect(diffText("", "x\ny")).toMatchObject({ added: 2, removed: 0 });
    expect(diffText("x\ny", "")).toMatchObject({ added: 0, removed: 2 });
  });
});
