// Reading runs: one run with its cells (harness.get, the first message of harness.stream) and a
// version's or prompt's runs with a summary per run (harness.list). A run is its owner's alone:
// anyone else gets NOT_FOUND (evidence on a listing is the one other way to see it).
import "server-only";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/prisma";
import type { AssertionResult } from "@/shared/harness/assertions";
import type { CellStatus, ModelParams } from "@/shared/harness/run-fields";
import type { Actor } from "../actor";
import { NotFoundError } from "../errors";
import { idSchema } from "../ids";
import { page, pageResult, paginationSchema } from "../pagination";
import { abandonAfterMs, looksAbandoned, settleAbandonedRun } from "./abandoned-runs";

export const runIdInput = z.object({ runId: idSchema });

export const listRunsInput = paginationSchema
  .extend({ versionId: idSchema.optional(), promptId: idSchema.optional() })
  .refine((i) => Boolean(i.versionId) !== Boolean(i.promptId), { message: "give either a versionId or a promptId", path: ["versionId"] });

export const resultSelect = {
  position: true,
  provider: true,
  model: true,
  params: true,
  status: true,
  output: true,
  inputTokens: true,
  outputTokens: true,
  tokensEstimated: true,
  costUsd: true,
  ttftMs: true,
  latencyMs: true,
  finishReason: true,
  error: true,
  assertions: true,
  finishedAt: true,
} satisfies Prisma.HarnessResultSelect;

type ResultRow = Prisma.HarnessResultGetPayload<{ select: typeof resultSelect }>;

/** One cell as the API shows it: USD as a decimal string (null: unknown price, never 0). */
export type RunResultView = Omit<ResultRow, "costUsd" | "params" | "assertions" | "status"> & {
  status: CellStatus;
  params: ModelParams;
  costUsd: string | null;
  assertions: AssertionResult[];
};

export function resultView(r: ResultRow): RunResultView {
  return {
    ...r,
    status: r.status as CellStatus,
    params: (r.params ?? {}) as ModelParams,
    costUsd: r.costUsd === null ? null : r.costUsd.toFixed(10),
    assertions: Array.isArray(r.assertions) ? (r.assertions as AssertionResult[]) : [],
  };
}

const runSelect = {
  id: true,
  versionId: true,
  promptId: true,
  variables: true,
  renderedText: true,
  candidateBody: true,
  assertions: true,
  status: true,
  createdAt: true,
  finishedAt: true,
  version: { select: { number: true } },
  prompt: { select: { title: true, slug: true } },
  results: { select: resultSelect, orderBy: { position: "asc" } },
} satisfies Prisma.HarnessRunSelect;

export type RunView = Awaited<ReturnType<typeof getRun>>;

/** The caller's run with its cells in the order the models were picked; NOT_FOUND for anyone else. */
export async function getRun(db: Db, actor: Actor, runId: string) {
  let run = await db.harnessRun.findFirst({ where: { id: runId, ownerId: actor.id }, select: runSelect });
  if (!run) throw new NotFoundError("Run");
  if (looksAbandoned(run)) {
    await settleAbandonedRun(db, run.id);
    run = await db.harnessRun.findFirstOrThrow({ where: { id: runId }, select: runSelect });
  }
  const { version, prompt, results, ...rest } = run;
  return {
    ...rest,
    status: run.status as "running" | "done",
    variables: run.variables as Record<string, string>,
    assertions: run.assertions as unknown[],
    versionNumber: version.number,
    promptTitle: prompt.title,
    promptSlug: prompt.slug,
    results: results.map(resultView),
  };
}

/** The caller's runs of a version or a prompt, newest first, each with its models and pass counts. */
export async function listRuns(db: Db, actor: Actor, input: z.output<typeof listRunsInput>) {
  const where: Prisma.HarnessRunWhereInput = { ownerId: actor.id, ...(input.versionId ? { versionId: input.versionId } : { promptId: input.promptId }) };
  // Runs a dead process left running are ended first, so the list never shows them running for ever.
  const stale = await db.harnessRun.findMany({ where: { ...where, status: "running", createdAt: { lt: new Date(Date.now() - abandonAfterMs()) } }, select: { id: true, status: true, createdAt: true } });
  for (const run of stale.filter((r) => looksAbandoned(r))) await settleAbandonedRun(db, run.id);

  const rows = await db.harnessRun.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...page(input),
    select: {
      id: true,
      versionId: true,
      candidateBody: true,
      status: true,
      createdAt: true,
      finishedAt: true,
      version: { select: { number: true } },
      results: { select: { position: true, provider: true, model: true, status: true, assertions: true, costUsd: true, latencyMs: true }, orderBy: { position: "asc" } },
    },
  });
  const { items, nextCursor } = pageResult(rows, input);
  return {
    items: items.map(({ version, results, candidateBody, ...run }) => {
      const models = results.map((r) => {
        const checks = Array.isArray(r.assertions) ? (r.assertions as AssertionResult[]) : [];
        return {
          position: r.position,
          provider: r.provider,
          model: r.model,
          status: r.status as CellStatus,
          passed: checks.filter((a) => a.pass).length,
          checked: checks.length,
          costUsd: r.costUsd === null ? null : r.costUsd.toFixed(10),
          latencyMs: r.latencyMs,
        };
      });
      return {
        ...run,
        status: run.status as "running" | "done",
        versionNumber: version.number,
        /** The run tried a rewrite rather than the version's own body. */
        triedCandidate: candidateBody !== null,
        models,
        passed: models.reduce((n, m) => n + m.passed, 0),
        checked: models.reduce((n, m) => n + m.checked, 0),
        failedCells: models.filter((m) => m.status === "error").length,
      };
    }),
    nextCursor,
  };
}
