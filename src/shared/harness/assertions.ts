// The test harness's assertions, named like promptfoo's so users recognise them. Pure: the browser
// builds them with the same schema the server validates, and the server evaluates them per cell.
import { z } from "zod";
import { compileLinearRegex, linearRegexError, type LinearRegex } from "./linear-regex";

export const TEXT_ASSERTIONS = ["contains", "icontains", "not-contains", "equals", "regex"] as const;
/** Checked on the server only: they need the embedder or a judge model (check-assertions.ts). */
export const MODEL_ASSERTIONS = ["similar", "llm-rubric"] as const;
export const ASSERTION_TYPES = [...TEXT_ASSERTIONS, "is-json", "latency", "cost", ...MODEL_ASSERTIONS] as const;
export type AssertionType = (typeof ASSERTION_TYPES)[number];

export const ASSERTION_LABELS: Record<AssertionType, string> = {
  contains: "contains",
  icontains: "contains (any case)",
  "not-contains": "does not contain",
  equals: "equals",
  regex: "matches regex",
  "is-json": "is JSON",
  latency: "latency ≤ ms",
  cost: "cost ≤ USD",
  similar: "similar to",
  "llm-rubric": "graded by a model",
};

/** `similar` passes when the cosine between output and reference embeddings reaches this (promptfoo's default). */
export const DEFAULT_SIMILAR_THRESHOLD = 0.8;
/** A JSON Schema larger than this (as JSON) is refused. */
export const MAX_JSON_SCHEMA_CHARS = 20_000;

/** A pattern longer than this is refused: a user's regex runs on the server against every output. */
export const MAX_REGEX_LENGTH = 500;

const compiledRegexes = new Map<string, { regex: LinearRegex } | { error: string }>();
const MAX_COMPILED_REGEXES = 200;

/**
 * Compiles a user's pattern (linear-time RE2, see linear-regex.ts), or says why it cannot be
 * compiled. Cached: a batch checks the same pattern against every cell.
 */
export function compileRegex(pattern: string): { regex: LinearRegex } | { error: string } {
  if (pattern.length > MAX_REGEX_LENGTH) return { error: `is longer than ${MAX_REGEX_LENGTH} characters` };
  const hit = compiledRegexes.get(pattern);
  if (hit) return hit;
  let compiled: { regex: LinearRegex } | { error: string };
  try {
    compiled = { regex: compileLinearRegex(pattern) };
  } catch (e) {
    compiled = { error: linearRegexError(e) };
  }
  if (compiledRegexes.size >= MAX_COMPILED_REGEXES) compiledRegexes.clear();
  compiledRegexes.set(pattern, compiled);
  return compiled;
}

const text = z.string().max(10_000, "is too long");
export const assertionSchema = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.enum(["contains", "icontains", "not-contains"]), value: text.min(1, "is required") }),
    z.object({ type: z.literal("equals"), value: text }),
    z.object({
      type: z.literal("regex"),
      value: text.min(1, "is required").superRefine((pattern, ctx) => {
        const compiled = compileRegex(pattern);
        if ("error" in compiled) ctx.addIssue({ code: "custom", message: `${JSON.stringify(pattern.slice(0, 60))} ${compiled.error}` });
      }),
    }),
    // value: an optional JSON Schema the output must satisfy; the server compiles it (ajv) and refuses an invalid one.
    z.object({
      type: z.literal("is-json"),
      value: z
        .union([z.record(z.string(), z.unknown()), z.boolean()], { error: "must be a JSON Schema (an object)" })
        .refine((schema) => JSON.stringify(schema).length <= MAX_JSON_SCHEMA_CHARS, `is larger than ${MAX_JSON_SCHEMA_CHARS} characters`)
        .optional(),
    }),
    z.object({ type: z.literal("latency"), value: z.number({ error: "must be a number of milliseconds" }).int("must be whole milliseconds").positive("must be positive") }),
    z.object({ type: z.literal("cost"), value: z.number({ error: "must be a number of USD" }).nonnegative("must not be negative") }),
    z.object({
      type: z.literal("similar"),
      value: text.min(1, "is required"),
      threshold: z.number({ error: "must be a number" }).min(0, "must be between 0 and 1").max(1, "must be between 0 and 1").optional(),
    }),
    // The judge defaults to the cell's own provider and model; both or neither are given.
    z
      .object({
        type: z.literal("llm-rubric"),
        value: text.min(1, "is required"),
        provider: z.string().trim().min(1, "is required").max(40, "is too long").optional(),
        model: z.string().trim().min(1, "is required").max(200, "is too long").optional(),
      })
      .refine((a) => (a.provider === undefined) === (a.model === undefined), { message: "give both a provider and a model for the judge, or neither", path: ["model"] }),
  ],
  { error: `must be one of ${ASSERTION_TYPES.join(", ")}` },
);
export type Assertion = z.infer<typeof assertionSchema>;

/** Assertions the browser and the server can both evaluate from the cell alone (is-json without its schema). */
export type PureAssertion = Exclude<Assertion, { type: (typeof MODEL_ASSERTIONS)[number] }>;
export const isPureAssertion = (a: Assertion): a is PureAssertion => !(MODEL_ASSERTIONS as readonly string[]).includes(a.type);

/** value: what was asked (text, a number, a JSON Schema); detail says why it passed or failed (a judge's verdict and reason); score: an llm-rubric judge's 0–1 grade. */
export type AssertionResult = { type: AssertionType; value: string | number | boolean | Record<string, unknown> | null; pass: boolean; detail: string; score?: number };

/** What an assertion is checked against: one finished cell. */
export type AssertedCell = { output: string; error: string | null; latencyMs: number | null; costUsd: string | null };

const quote = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);

export function evaluateAssertion(a: PureAssertion, cell: AssertedCell): AssertionResult {
  const value = "value" in a && a.value !== undefined ? a.value : null;
  const result = (pass: boolean, detail: string): AssertionResult => ({ type: a.type, value, pass, detail });
  if (cell.error) return result(false, "the call failed");
  const out = cell.output;
  switch (a.type) {
    case "contains":
      return out.includes(a.value) ? result(true, `contains ${quote(a.value)}`) : result(false, `does not contain ${quote(a.value)}`);
    case "icontains":
      return out.toLowerCase().includes(a.value.toLowerCase()) ? result(true, `contains ${quote(a.value)} (any case)`) : result(false, `does not contain ${quote(a.value)} in any case`);
    case "not-contains":
      return out.includes(a.value) ? result(false, `contains ${quote(a.value)}`) : result(true, `does not contain ${quote(a.value)}`);
    case "equals":
      return out.trim() === a.value.trim() ? result(true, "equals the expected text") : result(false, `differs from ${quote(a.value)}`);
    case "regex": {
      const compiled = compileRegex(a.value);
      if ("error" in compiled) return result(false, `the pattern ${compiled.error}`);
      let match: string | null;
      try {
        match = compiled.regex.find(out);
      } catch (e) {
        return result(false, `could not be checked: ${linearRegexError(e)}`);
      }
      return match !== null ? result(true, `matches at ${quote(match)}`) : result(false, `no match for /${a.value}/`);
    }
    case "is-json":
      try {
        JSON.parse(out);
        return result(true, "is valid JSON");
      } catch (e) {
        return result(false, `is not JSON (${(e as Error).message})`);
      }
    case "latency":
      if (cell.latencyMs === null) return result(false, "latency unknown");
      return cell.latencyMs <= a.value ? result(true, `${cell.latencyMs} ms ≤ ${a.value} ms`) : result(false, `${cell.latencyMs} ms > ${a.value} ms`);
    case "cost": {
      if (cell.costUsd === null) return result(false, "cost unknown (the model has no price)");
      const cost = Number(cell.costUsd);
      return cost <= a.value ? result(true, `$${cost} ≤ $${a.value}`) : result(false, `$${cost} > $${a.value}`);
    }
  }
}
