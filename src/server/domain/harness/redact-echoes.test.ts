import { describe, expect, it } from "vitest";
import { redactEchoes, WITHHELD } from "./redact-echoes";

const body = "You are a meticulous editor. Rewrite {{text}} in plain English for {{audience}}.";

describe("redactEchoes", () => {
  it("cuts a run of five or more words copied from a protected text, keeping the rest", () => {
    const out = redactEchoes("Sure. You are a meticulous editor, so here it is: the plan is simple.", [body]);
    expect(out).toEqual({ text: `Sure. ${WITHHELD} so here it is: the plan is simple.`, redacted: true });
  });

  it("leaves outputs that share fewer than five consecutive words alone", () => {
    const text = "A meticulous editor would rewrite this in plain English.";
    expect(redactEchoes(text, [body])).toEqual({ text, redacted: false });
  });

  it("ignores case and punctuation when matching, and merges overlapping echoes into one cut", () => {
    const out = redactEchoes("YOU ARE A METICULOUS EDITOR! Rewrite {{text}} in plain English. Done", [body]);
    expect(out.text).toBe(`${WITHHELD} Done`);
  });

  it("removes long variable values verbatim, but not short ones", () => {
    const out = redactEchoes("Notes for Zephyr Analytics Suite, by Bob.", [], ["Zephyr Analytics Suite", "Bob"]);
    expect(out).toEqual({ text: `Notes for ${WITHHELD}, by Bob.`, redacted: true });
  });
});
