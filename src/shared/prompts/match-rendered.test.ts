import { describe, expect, test } from "vitest";
import { constantLength, matchRendered } from "./match-rendered";
import { renderTemplate } from "./variables";

describe("matchRendered", () => {
  test("recovers the values renderTemplate filled in", () => {
    const body = "Review this {{language}} code for bugs:\n\n```\n{{code}}\n```\nAnswer in {{tone|a friendly}} tone.";
    const values = { language: "TypeScript", code: "const a = 1;\n\nfunction f() {\n  return a;\n}", tone: "a terse" };
    const { text } = renderTemplate(body, values);
    expect(matchRendered(body, text)).toEqual({ values });
  });

  test("whitespace runs compare equal; values keep their own line breaks", () => {
    expect(matchRendered("Summarise:\n{{doc}}\nin {{n}} bullets", "Summarise:   first line\n\nsecond line\n  in 3 bullets")).toEqual({
      values: { doc: "first line\n\nsecond line", n: "3" },
    });
  });

  test("refuses text that does not fit", () => {
    expect(matchRendered("Translate {{text}} into French.", "Translate hello into German.")).toBeNull();
    expect(matchRendered("Hello {{name}}!", "Hi Ann!")).toBeNull();
    expect(matchRendered("No slots here.", "No slots here, really.")).toBeNull();
    expect(matchRendered("No slots  here.", "No slots here.")).toEqual({ values: {} });
  });

  test("a slot used twice needs one value", () => {
    expect(matchRendered("{{a}} and {{a}}", "x and x")).toEqual({ values: { a: "x" } });
    expect(matchRendered("{{a}} and {{a}}", "x and y")).toBeNull();
  });

  test("a slot at either end may be rendered empty", () => {
    expect(matchRendered("Say {{x}}", "Say")).toEqual({ values: { x: "" } });
    expect(matchRendered("Say {{x}}", "Say hi there ")).toEqual({ values: { x: "hi there" } });
    expect(matchRendered("{{x}} then stop", "then stop")).toEqual({ values: { x: "" } });
    expect(matchRendered("{{x}} then stop", "  go  then stop")).toEqual({ values: { x: "go" } });
    expect(matchRendered("Say {{x}}", "Sayhi")).toBeNull();
  });

  test("constantLength counts what a match checks", () => {
    expect(constantLength("{{a}} {{b}}")).toBe(0);
    expect(constantLength("Hi {{name}}, bye")).toBe(6);
  });
});
