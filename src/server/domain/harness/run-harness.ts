// A harness run: one prompt version (or a rewrite tried against it), rendered with the caller's
// variables, sent to 1–8 models at once. Everything is checked before anything is stored (the
// version is readable, every variable filled, every provider and model exists, every assertion can
// be checked); then the run and one pending cell per model are created and `{runId}` returns at
// once. The cells execute in the background, each on its own (executeCell never throws and has its
// own deadline), so a slow or failing model never holds up or breaks another, and the run goes on
// if the browser leaves. Partial output is written at most every 250 ms and published on the live
// bus at once; a finished cell writes its figures and assertion results; the run is done when
// every cell is.
import "server-only";
import { z } from "zod";
import { env } from "@/env";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/prisma";
import { isPureAssertion, type Assertion } from "@/shared/harness/assertions";
import { harnessAssertionsField, harnessModelsField, type ModelParams } from "@/shared/harness/run-fields";
import { bodySchema, MAX_BODY_LENGTH } from "@/shared/prompts/prompt-fields";
import type { PromptVariable } from "@/shared/prompts/variables";
import type { Actor } from "../actor";
import { recordUsage } from "../analytics/record-usage";
import { originFields, type UsageOrigin } from "../analytics/usage-origin";
import { idSchema } from "../ids";
import { assertPromptAction, findReadableVersionWithBody } from "../access/prompt-access";
import { renderOrRefuse } from "../prompts/render-version";
import { checkAssertions, validateAssertions } from "./check-assertions";
import { cellFigures, executeCell } from "./execute-cell";
import { publishRunEvent, trackLiveRun } from "./live-run-bus";
import type { HarnessProvider } from "./providers";
import { resolveModel } from "./resolve-model";

export const runInput = z.object({
  versionId: idSchema,
  variables: z.record(z.string(), z.string().max(MAX_BODY_LENGTH, `is at most ${MAX_BODY_LENGTH} characters`)).default({}),
  models: harnessModelsField,
  assertions: harnessAssertionsField,
  /** A rewritten body to try instead of the version's (a suggestion not saved yet). */
  candidateBody: bodySchema.optional(),
});
export type RunInput = z.input<typeof runInput>;

/** How often a streaming cell's partial output is written, for viewers in other processes and reloads. */
export const PARTIAL_WRITE_MS = 250;

type PlannedCell = { position: number; provider: HarnessProvider; model: string; params: ModelParams };

export async function startRun(db: Db, actor: Actor, input: z.output<typeof runInput>, usage?: UsageOrigin): Promise<{ runId: string }> {
  // Same access and rendering as prompt.render: unreadable is NOT_FOUND, a locked paid body FORBIDDEN.
  const version = await findReadableVersionWithBody(db, actor, input.versionId);
  // An organisation's prompt runs for the roles the matrix lets use it (readers of a public one may too).
  await assertPromptAction(db, actor, version.prompt, "prompt.use");
  const rendered = renderOrRefuse(input.candidateBody ?? version.body, input.variables, version.variables as PromptVariable[]);
  const cells: PlannedCell[] = [];
  for (const [i, m] of input.models.entries()) {
    const provider = await resolveModel(db, actor.id, m, { provider: `models.${i}.provider`, model: `models.${i}.model` });
    cells.push({ position: i, provider, model: m.model, params: m.params ?? {} });
  }
  await validateAssertions(db, actor.id, input.assertions);

  // One statement: the run and all its cells, or nothing.
  const run = await db.harnessRun.create({
    data: {
      versionId: version.id,
      promptId: version.promptId,
      ownerId: actor.id,
      variables: input.variables,
      renderedText: rendered.text,
      candidateBody: input.candidateBody ?? null,
      assertions: input.assertions as Prisma.InputJsonValue,
      results: { create: cells.map((c) => ({ position: c.position, provider: c.provider.name, model: c.model, params: c.params })) },
    },
    select: { id: true },
  });
  trackLiveRun(run.id, executeRun(db, actor.id, run.id, rendered.text, cells, input.assertions));
  // A usage of the prompt, counted on its owner's dashboard (the run's own owner is whoever ran it).
  recordUsage(db, { kind: "harness_run", promptId: version.promptId, versionId: version.id, ownerId: version.prompt.ownerId, ...originFields(usage, actor.id) });
  return { runId: run.id };
}

const logFailure = (runId: string, what: string) => (e: unknown) => console.error(`[harness] run ${runId}: ${what}:`, e);

async function executeRun(db: Db, ownerId: string, runId: string, prompt: string, cells: PlannedCell[], assertions: Assertion[]) {
  // One statement marks every cell running (not one per cell: on the embedded database writes
  // queue behind each other); the calls start without waiting for it, their writes queue behind it.
  const started = db.harnessResult
    .updateMany({ where: { runId, status: "pending" }, data: { status: "running" } })
    .then(() => undefined)
    .catch(logFailure(runId, "starting its cells"));
  await Promise.all(cells.map((cell) => executeRunCell(db, ownerId, runId, prompt, cell, assertions, started).catch(logFailure(runId, `cell ${cell.position}`))));
  await db.harnessRun.update({ where: { id: runId }, data: { status: "done", finishedAt: new Date() } }).catch(logFailure(runId, "marking it done"));
  publishRunEvent(runId, { type: "done" });
}

async function executeRunCell(db: Db, ownerId: string, runId: string, prompt: string, cell: PlannedCell, assertions: Assertion[], started: Promise<void>) {
  const where = { runId_position: { runId, position: cell.position } };
  // Writes of one cell go one after another, so a late partial write never overwrites the final one.
  let writes: Promise<void> = started;
  const write = (data: Parameters<typeof db.harnessResult.update>[0]["data"], announce = true) => {
    const done = writes.then(async () => {
      await db.harnessResult.update({ where, data });
      if (announce) publishRunEvent(runId, { type: "cell", position: cell.position });
    });
    // A failed write is reported by its caller; the next one still runs.
    writes = done.catch(() => undefined);
    return done;
  };

  let output = "";
  let lastWrite = 0;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    lastWrite = Date.now();
    write({ output }, false).catch(logFailure(runId, `partial output of cell ${cell.position}`));
  };
  const outcome = await executeCell({
    provider: cell.provider,
    model: cell.model,
    prompt,
    params: cell.params,
    timeoutMs: env.HARNESS_TIMEOUT_MS,
    onDelta: (_text, soFar) => {
      output = soFar;
      publishRunEvent(runId, { type: "output", position: cell.position, output: soFar });
      timer ??= setTimeout(flush, Math.max(0, PARTIAL_WRITE_MS - (Date.now() - lastWrite)));
    },
  });
  clearTimeout(timer);

  const figures = cellFigures(outcome);
  // Slow assertions (a judge model, a remote embedder) should not hide the figures: write them first, then the verdicts.
  if (assertions.some((a) => !isPureAssertion(a))) await write({ ...figures, status: "running" });
  const checked = await checkAssertions(db, ownerId, assertions, { ...outcome, provider: cell.provider.name, model: cell.model });
  await write({ ...figures, assertions: checked as Prisma.InputJsonValue, status: outcome.status, finishedAt: new Date() });
}
