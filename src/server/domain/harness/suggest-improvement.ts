// "Suggest an improvement": a model the caller picks rewrites the prompt's body from what one of
// their runs showed (each model's output, its error, the assertions it failed). The rewrite is
// returned with a diff against the body the run tried; nothing is stored until the caller runs it
// (harness.run with candidateBody) or saves it as a new version.
import "server-only";
import { z } from "zod";
import type { Db } from "@/server/db/prisma";
import { findInvalidSlots, parseVariables } from "@/shared/prompts/variables";
import type { AssertionResult } from "@/shared/harness/assertions";
import type { Actor } from "../actor";
import { NotFoundError, UpstreamError, ValidationError } from "../errors";
import { idSchema } from "../ids";
import { findReadableVersionWithBody } from "../access/prompt-access";
import { diffText } from "../versions/diff";
import { executeCell } from "./execute-cell";
import { providerModelIds } from "./model-catalogue";
import { requireProvider } from "./providers";

export const suggestInput = z.object({
  runId: idSchema,
  provider: z.string().trim().min(1, "is required").max(40, "is too long"),
  model: z.string().trim().min(1, "is required").max(200, "is too long"),
});
export type SuggestInput = z.infer<typeof suggestInput>;

/** A writer's call, not a chat: long enough for a rewrite of a long prompt. */
const SUGGEST_TIMEOUT_MS = 90_000;
const SUGGEST_MAX_TOKENS = 4_000;
/** Each model's output is cut to this in the request: the failures matter, not every word. */
const MAX_OUTPUT_IN_PROMPT = 1_500;

const SYSTEM = [
  "You improve prompt templates.",
  "You are given a prompt template, the outputs several models produced from it, and the checks (assertions) those outputs failed or passed.",
  "Rewrite the template so that models pass the failing checks, keeping what already works.",
  "Keep every {{variable}} placeholder exactly as written (same name, same braces, same default after |); do not add new placeholders.",
  "Answer with the rewritten template only: no preamble, no explanation, no code fences.",
].join(" ");

type StoredResult = {
  position: number;
  provider: string;
  model: string;
  output: string;
  error: string | null;
  assertions: unknown;
};

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}… [${s.length - n} more characters]` : s);

function describeAssertion(a: AssertionResult) {
  const value = a.value === null || a.value === undefined ? "" : ` ${JSON.stringify(a.value)}`;
  return `${a.pass ? "PASS" : "FAIL"} ${a.type}${value}: ${a.detail}`;
}

/** The request the writer model gets: the template, then per model its output and its checks, failures first. */
export function buildSuggestionPrompt(body: string, renderedText: string, results: StoredResult[]): string {
  const failing = results.reduce((n, r) => n + (r.error ? 1 : 0) + (asResults(r.assertions).filter((a) => !a.pass).length), 0);
  const sections = results.map((r) => {
    const checks = asResults(r.assertions).sort((a, b) => Number(a.pass) - Number(b.pass));
    const lines = [`### Model ${r.position + 1}: ${r.provider}/${r.model}`];
    if (r.error) lines.push(`The call failed: ${r.error}`);
    lines.push("Output:", "<<<", cut(r.output, MAX_OUTPUT_IN_PROMPT) || "(empty)", ">>>");
    if (checks.length) lines.push("Checks:", ...checks.map((a) => `- ${describeAssertion(a)}`));
    return lines.join("\n");
  });
  return [
    "## The prompt template",
    "<<<",
    body,
    ">>>",
    "",
    "## The prompt as the models received it (variables filled in)",
    "<<<",
    cut(renderedText, 4_000),
    ">>>",
    "",
    `## What the models did (${failing} failing check${failing === 1 ? "" : "s"})`,
    ...sections,
    "",
    failing
      ? "Rewrite the template so that the failing checks pass."
      : "Every check passed; rewrite the template to make the outputs clearer and more reliable without changing what it asks for.",
    "Answer with the rewritten template only.",
  ].join("\n");
}

function asResults(raw: unknown): AssertionResult[] {
  return Array.isArray(raw) ? (raw.filter((a) => a && typeof a === "object" && "type" in a && "pass" in a) as AssertionResult[]) : [];
}

/** Models often wrap an answer in a code fence despite being asked not to: take what is inside. */
export function unwrapAnswer(text: string): string {
  const trimmed = text.trim();
  const fenced = /^```[\w-]*\n([\s\S]*?)\n```$/.exec(trimmed);
  return (fenced ? fenced[1] : trimmed).replace(/^<<<\n?|\n?>>>$/g, "").trim();
}

export async function suggestImprovement(db: Db, actor: Actor, input: SuggestInput) {
  // Only the run's owner may use it; anyone else learns nothing about it.
  const run = await db.harnessRun.findFirst({
    where: { id: input.runId, ownerId: actor.id },
    include: { results: { orderBy: { position: "asc" } } },
  });
  if (!run) throw new NotFoundError("Run");
  // The body must still be readable (a paid prompt's license may have ended since the run).
  const version = await findReadableVersionWithBody(db, actor, run.versionId);
  const provider = await requireProvider(db, actor.id, input.provider, "provider");
  const models = await providerModelIds(provider);
  if (!models.includes(input.model)) {
    const message = `Unknown model "${input.model}" for provider "${provider.name}"`;
    throw new ValidationError(message, { model: [message] });
  }

  const currentBody = run.candidateBody ?? version.body;
  const prompt = buildSuggestionPrompt(currentBody, run.renderedText, run.results);
  const outcome = await executeCell({
    provider,
    model: input.model,
    prompt,
    params: { system: SYSTEM, temperature: 0.2, maxTokens: SUGGEST_MAX_TOKENS },
    timeoutMs: SUGGEST_TIMEOUT_MS,
  });
  if (outcome.status === "error") throw new UpstreamError(`${provider.name}/${input.model} could not write a suggestion: ${outcome.error}`);
  const body = unwrapAnswer(outcome.output);
  if (!body) throw new UpstreamError(`${provider.name}/${input.model} answered with an empty suggestion`);

  // The rewrite must keep the template's slots: say which were lost or invented, and refuse none.
  const before = new Set(parseVariables(currentBody).map((v) => v.name));
  const after = new Set(parseVariables(body).map((v) => v.name));
  return {
    runId: run.id,
    versionId: version.id,
    versionNumber: version.number,
    promptId: version.promptId,
    /** Only the owner can save it as a new version; others can fork and save it there. */
    canSave: version.prompt.ownerId === actor.id,
    provider: provider.name,
    model: input.model,
    baseBody: currentBody,
    body,
    diff: diffText(currentBody, body),
    missingVariables: [...before].filter((n) => !after.has(n)),
    addedVariables: [...after].filter((n) => !before.has(n)),
    invalidSlots: findInvalidSlots(body).map((s) => s.message),
    inputTokens: outcome.inputTokens,
    outputTokens: outcome.outputTokens,
    tokensEstimated: outcome.tokensEstimated,
    costUsd: outcome.costUsd,
    latencyMs: outcome.latencyMs,
  };
}
