// The test harness's assertions, named like promptfoo's so users recognise them. Pure: the browser
// builds them with the same schema the server validates, and the server evaluates them per cell.
import { z } from "zod";

export const TEXT_ASSERTIONS = ["contains", "icontains", "not-contains", "equals", "regex"] as const;
export const ASSERTION_TYPES = [...TEXT_ASSERTIONS, "is-json", "latency", "cost"] as const;
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
};

/** A pattern longer than this is refused: a user's regex runs on the server against every output. */
export const MAX_REGEX_LENGTH = 500;

/** Compiles a user's pattern, or says why it cannot be compiled. */
export function compileRegex(pattern: string): { regex: RegExp } | { error: string } {
  if (pattern.length > MAX_REGEX_LENGTH) return { error: `is longer than ${MAX_REGEX_LENGTH} characters` };
  try {
    return { regex: new RegExp(pattern, "u") };
  } catch (e) {
    return { error: `is not a valid regex (${(e as Error).message})` };
  }
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
    z.object({ type: z.literal("is-json") }),
    z.object({ type: z.literal("latency"), value: z.number({ error: "must be a number of milliseconds" }).int("must be whole milliseconds").positive("must be positive") }),
    z.object({ type: z.literal("cost"), value: z.number({ error: "must be a number of USD" }).nonnegative("must not be negative") }),
  ],
  { error: `must be one of ${ASSERTION_TYPES.join(", ")}` },
);
export type Assertion = z.infer<typeof assertionSchema>;

export type AssertionResult = { type: AssertionType; value: string | number | null; pass: boolean; detail: string };

/** What an assertion is checked against: one finished cell. */
export type AssertedCell = { output: string; error: string | null; latencyMs: number | null; costUsd: string | null };

const quote = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);

export function evaluateAssertion(a: Assertion, cell: AssertedCell): AssertionResult {
  const value = "value" in a ? a.value : null;
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
      const match = compiled.regex.exec(out);
      return match ? result(true, `matches at ${quote(match[0])}`) : result(false, `no match for /${a.value}/`);
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
