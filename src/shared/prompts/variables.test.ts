import { describe, expect, it } from "vitest";
import { findInvalidSlots, mergeVariableMetadata, parseVariables, renderTemplate, segmentBody } from "./variables";

describe("parseVariables", () => {
  it("finds each slot once, in order of first appearance", () => {
    expect(parseVariables("Hi {{name}}, about {{ topic }} — {{name}} again")).toEqual([{ name: "name" }, { name: "topic" }]);
  });

  it("reads inline defaults, and the first default wins", () => {
    expect(parseVariables("{{tone|friendly}} {{tone|formal}} {{len | 3 bullet points }}")).toEqual([
      { name: "tone", default: "friendly" },
      { name: "len", default: "3 bullet points" },
    ]);
  });

  it("keeps an empty default as a real (empty) default", () => {
    expect(parseVariables("{{suffix|}}")).toEqual([{ name: "suffix", default: "" }]);
  });

  it("ignores things that are not slots", () => {
    expect(parseVariables("{{ }} {{1abc}} {single} {{has space}} {{ok_1}}")).toEqual([{ name: "ok_1" }]);
  });

  it("merges author metadata only for slots present in the body", () => {
    expect(
      mergeVariableMetadata("{{a}} {{b|x}}", [
        { name: "a", description: "the A" },
        { name: "b", default: "ignored", description: "the B" },
        { name: "gone", description: "not in body" },
      ]),
    ).toEqual([
      { name: "a", description: "the A" },
      { name: "b", default: "x", description: "the B" },
    ]);
  });
});

describe("renderTemplate", () => {
  it("fills every occurrence", () => {
    const r = renderTemplate("Dear {{name}}, {{name}}!", { name: "Ada" });
    expect(r.text).toBe("Dear Ada, Ada!");
    expect(r.missingVariables).toEqual([]);
  });

  it("uses defaults when no value is given and says so", () => {
    const r = renderTemplate("Write in a {{tone|friendly}} tone.", {});
    expect(r.text).toBe("Write in a friendly tone.");
    expect(r.defaultsUsed).toEqual(["tone"]);
  });

  it("reports missing variables by name and leaves their slots", () => {
    const r = renderTemplate("{{a}} and {{b}} and {{c|ok}}", { a: "1" });
    expect(r.missingVariables).toEqual(["b"]);
    expect(r.text).toBe("1 and {{b}} and ok");
  });

  it("reports unknown extra values instead of dropping them silently", () => {
    const r = renderTemplate("{{a}}", { a: "1", extra: "2" });
    expect(r.unknownVariables).toEqual(["extra"]);
  });

  it("treats values literally (no $& replacement patterns, no recursive slots)", () => {
    expect(renderTemplate("{{a}}", { a: "$& {{b}} $1" }).text).toBe("$& {{b}} $1");
  });

  it("accepts an empty string as a value", () => {
    expect(renderTemplate("[{{a}}]", { a: "" }).text).toBe("[]");
  });

  it("uses metadata defaults for slots without an inline default", () => {
    expect(renderTemplate("{{a}}", {}, [{ name: "a", default: "meta" }]).text).toBe("meta");
  });
});

describe("segmentBody", () => {
  it("splits text and variables for highlighting", () => {
    expect(segmentBody("Hi {{name}}!")).toEqual([
      { kind: "text", value: "Hi " },
      { kind: "variable", value: "{{name}}", name: "name" },
      { kind: "text", value: "!" },
    ]);
  });
});

describe("findInvalidSlots", () => {
  const names = (body: string) => findInvalidSlots(body).map((s) => s.slot);

  it("accepts identifiers, with spaces inside the braces and with defaults", () => {
    expect(findInvalidSlots("{{name}} {{ name }} {{name|default text}} {{ tone | a, b: c }} {{_x1}} {{suffix|}}")).toEqual([]);
  });

  it("flags empty slots and names that are not identifiers", () => {
    expect(names("{{}} {{ }} {{agent name}} {{a-b}} {{1st}} {{user.name|x}}")).toEqual(["{{}}", "{{ }}", "{{agent name}}", "{{a-b}}", "{{1st}}", "{{user.name|x}}"]);
  });

  it("names the slot, why, and a fix in its message", () => {
    const [spaced, digit, empty] = findInvalidSlots("a {{agent name}} b {{1st}} c {{}}");
    expect(spaced).toMatchObject({ index: 2, name: "agent name", suggestion: "agent_name" });
    expect(spaced.message).toBe('"{{agent name}}" is not a valid variable name; use letters, digits and _ (e.g. agent_name)');
    expect(digit.message).toBe('"{{1st}}" is not a valid variable name; a name cannot start with a digit (e.g. _1st)');
    expect(empty.message).toContain("has no variable name");
    expect(findInvalidSlots("{{é}}")[0]).toMatchObject({ suggestion: "e" });
    expect(findInvalidSlots("{{näme}}")[0]).toMatchObject({ suggestion: "name" });
    expect(findInvalidSlots("{{名前}}")[0]).toMatchObject({ suggestion: null, message: '"{{名前}}" is not a valid variable name; use letters, digits and _' });
  });

  it("leaves alone what is clearly not a slot: single braces, multi-line spans, nested braces, long prose", () => {
    expect(findInvalidSlots('{single} {"a": {"b": 1}} {{first\nsecond}} {{{name}}}')).toEqual([]);
    expect(findInvalidSlots(`{{${"a very long sentence that someone put between double braces ".repeat(2)}}}`)).toEqual([]);
  });

  it("agrees with parseVariables: every valid slot is parsed, no invalid one is", () => {
    const body = "{{ok}} {{bad name}} {{also_ok|x}} {{9}}";
    expect(parseVariables(body).map((v) => v.name)).toEqual(["ok", "also_ok"]);
    expect(names(body)).toEqual(["{{bad name}}", "{{9}}"]);
  });
});
