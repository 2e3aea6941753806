import { describe, expect, it } from "vitest";
import { compileJsonSchema, judgePrompt, parseVerdict } from "./check-assertions";
import { assertionSchema, compileRegex, evaluateAssertion } from "@/shared/harness/assertions";

describe("parseVerdict", () => {
  it("reads the judge's JSON bare, in a code fence, or after a preamble", () => {
    expect(parseVerdict('{"pass": true, "score": 0.7, "reason": "ok"}')).toEqual({ pass: true, score: 0.7, reason: "ok" });
    expect(parseVerdict('```json\n{"pass": false, "reason": "no"}\n```')).toEqual({ pass: false, reason: "no" });
    expect(parseVerdict('Here is my verdict: {"pass": "true", "score": "0.5"} Thanks.')).toEqual({ pass: true, score: 0.5 });
  });

  it("keeps the verdict when the score is out of range, and refuses an answer without one", () => {
    expect(parseVerdict('{"pass": true, "score": 7}')).toEqual({ pass: true });
    expect(parseVerdict("Looks fine to me.")).toBeNull();
    expect(parseVerdict('{"score": 1}')).toBeNull();
  });
});

describe("compileJsonSchema", () => {
  it("compiles draft-07 by default and 2020-12 when the schema says so", () => {
    const d7 = compileJsonSchema({ type: "object", required: ["a"] });
    expect("validate" in d7 && d7.validate({ a: 1 })).toBe(true);
    const d2020 = compileJsonSchema({ $schema: "https://json-schema.org/draft/2020-12/schema", type: "array", prefixItems: [{ type: "string" }] });
    expect("validate" in d2020 && d2020.validate(["x"])).toBe(true);
    expect("validate" in d2020 && d2020.validate([1])).toBe(false);
  });

  it("says why a schema is invalid", () => {
    expect(compileJsonSchema({ type: "nope" })).toMatchObject({ error: expect.stringMatching(/not a valid JSON Schema/) });
    expect(compileJsonSchema({ required: "a" })).toMatchObject({ error: expect.stringMatching(/required/) });
  });
});

it("fences the rubric and the output apart", () => {
  expect(judgePrompt("Be polite", "Hi")).toBe("Rubric:\n<<<\nBe polite\n>>>\n\nOutput to grade:\n<<<\nHi\n>>>\n\nAnswer with the JSON object only.");
});

describe("user patterns cannot freeze the server", () => {
  // (a+)+$ against a run of a's and a '!' backtracks 2^n steps in the built-in engine: with n = 60
  // this test would never end. RE2 answers in linear time.
  const evil = `${"a".repeat(60)}!`;

  it("a regex assertion runs in linear time", () => {
    const result = evaluateAssertion({ type: "regex", value: "(a+)+$" }, { output: evil, error: null, latencyMs: 1, costUsd: null });
    expect(result.pass).toBe(false);
    expect(evaluateAssertion({ type: "regex", value: "a+!$" }, { output: evil, error: null, latencyMs: 1, costUsd: null }).pass).toBe(true);
  });

  it("a JSON Schema's pattern runs in linear time", () => {
    const compiled = compileJsonSchema({ type: "object", properties: { answer: { type: "string", pattern: "(a+)+$" } } });
    if ("error" in compiled) throw new Error(compiled.error);
    expect(compiled.validate({ answer: evil })).toBe(false);
    expect(compiled.validate({ answer: "aaa" })).toBe(true);
  });

  it("refuses what RE2 cannot run, saying why", () => {
    const backreference = compileRegex("(a)\\1");
    expect("error" in backreference && backreference.error).toMatch(/RE2/);
    const lookahead = assertionSchema.safeParse({ type: "regex", value: "foo(?=bar)" });
    expect(lookahead.success).toBe(false);
  });
});

describe("assertions whose cost grows beyond reason are refused or not attempted", () => {
  it("refuses a small JSON Schema that expands exponentially through its $refs, and $ref cycles", () => {
    const definitions: Record<string, unknown> = { d0: { type: "string" } };
    for (let i = 1; i <= 24; i++) definitions[`d${i}`] = { allOf: [{ $ref: `#/definitions/d${i - 1}` }, { $ref: `#/definitions/d${i - 1}` }] };
    const exponential = compileJsonSchema({ definitions, $ref: "#/definitions/d24" });
    expect("error" in exponential && exponential.error).toMatch(/too complex/);
    const cyclic = compileJsonSchema({ $ref: "#" });
    expect("error" in cyclic && cyclic.error).toMatch(/refers to itself/);
    // An ordinary schema with shared definitions is fine.
    const ok = compileJsonSchema({ $defs: { name: { type: "string" } }, type: "object", properties: { first: { $ref: "#/$defs/name" }, last: { $ref: "#/$defs/name" } } });
    expect("validate" in ok).toBe(true);
  });

  it("refuses a regex whose program is huge, and does not run a large one over a very long output", () => {
    const huge = compileRegex(".{999}".repeat(80));
    expect("error" in huge && huge.error).toMatch(/too complex/);
    const long = { output: "a".repeat(50_000), error: null, latencyMs: 1, costUsd: null };
    const result = evaluateAssertion({ type: "regex", value: ".{999}" }, long);
    expect(result.pass).toBe(false);
    expect(result.detail).toMatch(/too long to check/);
    expect(evaluateAssertion({ type: "regex", value: "a{5}$" }, long).pass).toBe(true);
  });
});
