// Server-side assertions on one finished cell: the pure ones (shared/harness/assertions.ts) plus
// those that need the server: `is-json` against a JSON Schema (ajv), `similar` (cosine between the
// identity embedder's vectors of the output and a reference) and `llm-rubric` (a judge model
// grades the output). `validateAssertions` refuses, before a run or batch stores anything, what
// could never be checked: an invalid JSON Schema, a judge provider or model that does not exist.
// Checking never throws: a judge or embedder failure fails that assertion with the reason.
import "server-only";
import { Ajv, type ValidateFunction } from "ajv";
import { compileLinearRegex } from "@/shared/harness/linear-regex";
import { schemaCost } from "./schema-cost";
import { Ajv2019 } from "ajv/dist/2019";
import { Ajv2020 } from "ajv/dist/2020";
import { z } from "zod";
import { env } from "@/env";
import type { Db } from "@/server/db/prisma";
import { DEFAULT_SIMILAR_THRESHOLD, evaluateAssertion, isPureAssertion, type AssertedCell, type Assertion, type AssertionResult } from "@/shared/harness/assertions";
import { ValidationError } from "../errors";
import { currentEmbedder } from "../embeddings/current-embedder";
import { executeCell } from "./execute-cell";
import { requireProvider } from "./providers";
import { resolveModel } from "./resolve-model";

/** The cell being checked: what it answered, and which model answered (the default judge). */
export type CheckedCell = AssertedCell & { provider: string; model: string };

type JsonSchema = Record<string, unknown> | boolean;

// strict: false so annotations tools add (examples, x-*) do not make a valid schema unusable.
// code.regExp: `pattern` keywords run with RE2 (linear time), never the backtracking built-in engine.
const re2Engine = Object.assign((pattern: string, flags: string) => compileLinearRegex(pattern, flags), { code: "re2js" });
const options = { strict: false, allErrors: true, code: { regExp: re2Engine } } as const;
let validators: { draft7: Ajv; d2019: Ajv2019; d2020: Ajv2020 } | undefined;
const compiled = new Map<string, ValidateFunction>();
const MAX_COMPILED = 200;

/** The validator for a schema's declared draft (2020-12, 2019-09, or draft-07 by default). */
function ajvFor(schema: JsonSchema) {
  validators ??= { draft7: new Ajv(options), d2019: new Ajv2019(options), d2020: new Ajv2020(options) };
  const declared = typeof schema === "object" && typeof schema.$schema === "string" ? schema.$schema : "";
  if (declared.includes("2020-12")) return validators.d2020;
  if (declared.includes("2019-09")) return validators.d2019;
  return validators.draft7;
}

/** Compiles a JSON Schema (cached: a batch checks the same one against every row), or says why it is invalid. */
export function compileJsonSchema(schema: JsonSchema): { validate: ValidateFunction } | { error: string } {
  const key = JSON.stringify(schema);
  const hit = compiled.get(key);
  if (hit) return { validate: hit };
  const ajv = ajvFor(schema);
  const cost = schemaCost(schema);
  if ("error" in cost) return { error: cost.error };
  try {
    // The meta-schema check first: it names the bad keyword, where compile would only fail later.
    if (!ajv.validateSchema(schema)) return { error: `is not a valid JSON Schema (${ajv.errorsText(ajv.errors, { dataVar: "schema" })})` };
    const validate = ajv.compile(schema);
    // Compiled schemas stay in ajv's own cache too; start afresh rather than grow without bound.
    if (compiled.size >= MAX_COMPILED) {
      compiled.clear();
      validators = undefined;
    }
    compiled.set(key, validate);
    return { validate };
  } catch (e) {
    return { error: `is not a valid JSON Schema (${(e as Error).message})` };
  }
}

/**
 * Refuses assertions that could never be checked, naming the field (`assertions.2.value`):
 * a JSON Schema ajv cannot compile, a judge provider or model the user does not have.
 */
export async function validateAssertions(db: Db, ownerId: string, assertions: Assertion[], field = "assertions") {
  for (const [i, a] of assertions.entries()) {
    if (a.type === "is-json" && a.value !== undefined) {
      const result = compileJsonSchema(a.value);
      if ("error" in result) throw new ValidationError(`${field}.${i}.value ${result.error}`, { [`${field}.${i}.value`]: [result.error] });
    }
    if (a.type === "llm-rubric" && a.provider && a.model) {
      await resolveModel(db, ownerId, { provider: a.provider, model: a.model }, { provider: `${field}.${i}.provider`, model: `${field}.${i}.model` });
    }
  }
}

/** Each assertion's result for one finished cell, in order. Never throws. */
export async function checkAssertions(db: Db, ownerId: string, assertions: Assertion[], cell: CheckedCell): Promise<AssertionResult[]> {
  return Promise.all(assertions.map((a) => checkOne(db, ownerId, a, cell)));
}

async function checkOne(db: Db, ownerId: string, a: Assertion, cell: CheckedCell): Promise<AssertionResult> {
  if (a.type === "is-json" && a.value !== undefined) return checkJsonSchema(a.value, cell);
  if (isPureAssertion(a)) return evaluateAssertion(a, cell);
  const result = (pass: boolean, detail: string): AssertionResult => ({ type: a.type, value: a.value, pass, detail });
  if (cell.error) return result(false, "the call failed");
  try {
    return a.type === "similar" ? await checkSimilar(a.value, a.threshold ?? DEFAULT_SIMILAR_THRESHOLD, cell, result) : await checkRubric(db, ownerId, a, cell, result);
  } catch (e) {
    return result(false, `could not be checked: ${(e as Error).message}`.slice(0, 1000));
  }
}

function checkJsonSchema(schema: JsonSchema, cell: CheckedCell): AssertionResult {
  const result = (pass: boolean, detail: string): AssertionResult => ({ type: "is-json", value: schema, pass, detail });
  const parsed = evaluateAssertion({ type: "is-json" }, cell);
  if (!parsed.pass) return { ...parsed, value: schema };
  const compiledSchema = compileJsonSchema(schema);
  if ("error" in compiledSchema) return result(false, `the schema ${compiledSchema.error}`);
  const { validate } = compiledSchema;
  try {
    if (validate(JSON.parse(cell.output))) return result(true, "is valid JSON matching the schema");
    const ajv = ajvFor(schema);
    return result(false, `does not match the schema: ${ajv.errorsText(validate.errors?.slice(0, 20), { dataVar: "output" })}`.slice(0, 1000));
  } catch (e) {
    return result(false, `could not be checked: ${(e as Error).message}`.slice(0, 1000));
  }
}

function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

async function checkSimilar(reference: string, threshold: number, cell: CheckedCell, result: (pass: boolean, detail: string) => AssertionResult) {
  if (!cell.output.trim()) return result(false, "the output is empty");
  const embedder = currentEmbedder();
  const [out, ref] = await embedder.embed([cell.output, reference]);
  const similarity = cosine(out, ref);
  const shown = similarity.toFixed(3);
  return similarity >= threshold ? result(true, `similarity ${shown} ≥ ${threshold} (${embedder.model})`) : result(false, `similarity ${shown} < ${threshold} (${embedder.model})`);
}

const JUDGE_SYSTEM = [
  "You are a strict grader of AI outputs.",
  "You are given a rubric and an output. Decide whether the output satisfies the rubric.",
  'Answer with a single JSON object and nothing else: {"pass": true or false, "score": a number from 0 to 1, "reason": "one or two sentences"}.',
].join(" ");

/** What the judge is asked: the rubric, then the output, each fenced so neither reads as instructions to the other. */
export function judgePrompt(rubric: string, output: string) {
  return ["Rubric:", "<<<", rubric, ">>>", "", "Output to grade:", "<<<", output, ">>>", "", "Answer with the JSON object only."].join("\n");
}

const verdictSchema = z.object({
  pass: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]),
  score: z.coerce.number().min(0).max(1).optional().catch(undefined),
  reason: z.string().optional().catch(undefined),
});

/** The judge's verdict from its answer: the JSON object, also inside a code fence or after a preamble. */
export function parseVerdict(answer: string): z.infer<typeof verdictSchema> | null {
  const text = answer.trim();
  const candidates = [text, /```(?:json)?\s*([\s\S]*?)```/.exec(text)?.[1], text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      const parsed = verdictSchema.safeParse(JSON.parse(candidate));
      if (parsed.success) return parsed.data;
    } catch {
      // not this one; try the next reading
    }
  }
  return null;
}

async function checkRubric(
  db: Db,
  ownerId: string,
  a: Extract<Assertion, { type: "llm-rubric" }>,
  cell: CheckedCell,
  result: (pass: boolean, detail: string) => AssertionResult,
): Promise<AssertionResult> {
  const judge = { provider: a.provider ?? cell.provider, model: a.model ?? cell.model };
  const by = `judged by ${judge.provider}/${judge.model}`;
  const provider = await requireProvider(db, ownerId, judge.provider);
  const outcome = await executeCell({ provider, model: judge.model, prompt: judgePrompt(a.value, cell.output), params: { system: JUDGE_SYSTEM, temperature: 0 }, timeoutMs: env.HARNESS_TIMEOUT_MS });
  if (outcome.status === "error") return result(false, `the judge failed (${by}): ${outcome.error}`);
  const verdict = parseVerdict(outcome.output);
  if (!verdict) return result(false, `the judge's answer was not a verdict (${by}): ${JSON.stringify(outcome.output.slice(0, 200))}`);
  const score = verdict.score === undefined ? "" : `, score ${verdict.score}`;
  const reason = verdict.reason?.trim() ? `: ${verdict.reason.trim()}` : "";
  return { ...result(verdict.pass, `${verdict.pass ? "pass" : "fail"}${score} (${by})${reason}`.slice(0, 1000)), ...(verdict.score !== undefined ? { score: verdict.score } : {}) };
}
