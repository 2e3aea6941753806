// harness.batchResults: the table a batch ends in (pass rates per model and per assertion, average
// and p95 latency, total and per-row cost) and one page of its rows × models matrix. A cell passes
// when every assertion passed; a failed call fails them all. Latency is over answered cells; cost
// sums answered cells, and a model without a price makes its cost (and the total) unknown, never 0.
import "server-only";
import type { Db } from "@/server/db/prisma";
import type { Assertion, AssertionResult } from "@/shared/harness/assertions";
import type { ModelChoice } from "@/shared/harness/run-fields";
import type { Actor } from "../actor";
import { findOwnBatch } from "./batch-access";

/** Outputs in the matrix are cut to this many characters; the CSV export has them whole. */
const MATRIX_OUTPUT_CHARS = 600;

type SummaryCell = { rowIndex: number; position: number; status: string; latencyMs: number | null; costUsd: { toString(): string } | null; assertions: unknown };

export type ModelSummary = {
  position: number;
  provider: string;
  model: string;
  done: number;
  errored: number;
  pending: number;
  /** Finished cells whose assertions all passed, 0..1; null when nothing finished. */
  passRate: number | null;
  avgLatencyMs: number | null;
  p95LatencyMs: number | null;
  /** USD as a string; null when unknown (a cell without a price). */
  totalCostUsd: string | null;
  costPerRowUsd: string | null;
};
export type AssertionSummary = { index: number; type: string; value: string | number | null; passRate: number | null; passed: number; checked: number; byModel: Array<number | null> };

const usd = (n: number) => n.toFixed(8).replace(/0+$/, "").replace(/\.$/, ".0");
const rateOf = (passed: number, total: number) => (total ? passed / total : null);

export function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

/** The summary table from the batch's cells (pure, so it is tested on its own). */
export function summarizeBatch(models: ModelChoice[], assertions: Assertion[], cells: SummaryCell[]) {
  const results = (c: SummaryCell) => (Array.isArray(c.assertions) ? (c.assertions as AssertionResult[]) : []);
  const passes = (c: SummaryCell) => c.status === "done" && results(c).every((r) => r.pass);
  const finished = cells.filter((c) => c.status !== "pending");
  // Without assertions there is nothing to pass: the rate is unknown (null), not 100%.
  const rate = (passed: number, of: number) => (assertions.length ? rateOf(passed, of) : null);

  const perModel: ModelSummary[] = models.map((m, position) => {
    const own = cells.filter((c) => c.position === position);
    const fin = own.filter((c) => c.status !== "pending");
    const done = own.filter((c) => c.status === "done");
    const latencies = done.flatMap((c) => (c.latencyMs === null ? [] : [c.latencyMs])).sort((a, b) => a - b);
    const unknownCost = done.some((c) => c.costUsd === null);
    const cost = done.reduce((sum, c) => sum + (c.costUsd === null ? 0 : Number(c.costUsd.toString())), 0);
    const rowsAnswered = new Set(done.map((c) => c.rowIndex)).size;
    return {
      position,
      provider: m.provider,
      model: m.model,
      done: done.length,
      errored: fin.length - done.length,
      pending: own.length - fin.length,
      passRate: rate(fin.filter(passes).length, fin.length),
      avgLatencyMs: latencies.length ? Math.round(latencies.reduce((a, b) => a + b, 0) / latencies.length) : null,
      p95LatencyMs: percentile(latencies, 0.95),
      totalCostUsd: unknownCost ? null : usd(cost),
      costPerRowUsd: unknownCost || !rowsAnswered ? null : usd(cost / rowsAnswered),
    };
  });

  const perAssertion: AssertionSummary[] = assertions.map((a, index) => {
    const passedIn = (list: SummaryCell[]) => list.filter((c) => c.status === "done" && results(c)[index]?.pass === true).length;
    return {
      index,
      type: a.type,
      value: "value" in a ? (a.value as string | number) : null,
      passRate: rate(passedIn(finished), finished.length),
      passed: passedIn(finished),
      checked: finished.length,
      byModel: models.map((_, position) => {
        const fin = finished.filter((c) => c.position === position);
        return rate(passedIn(fin), fin.length);
      }),
    };
  });

  const unknown = perModel.some((m) => m.totalCostUsd === null && m.done > 0);
  const total = perModel.reduce((sum, m) => sum + Number(m.totalCostUsd ?? 0), 0);
  const rowsAnswered = new Set(cells.filter((c) => c.status === "done").map((c) => c.rowIndex)).size;
  return {
    perModel,
    perAssertion,
    passRate: rate(finished.filter(passes).length, finished.length),
    totalCostUsd: unknown ? null : usd(total),
    /** What one row costs across all the batch's models. */
    costPerRowUsd: unknown || !rowsAnswered ? null : usd(total / rowsAnswered),
  };
}

export async function batchResults(db: Db, actor: Actor, input: { batchId: string; offset?: number; limit?: number }) {
  const batch = await findOwnBatch(db, actor, input.batchId);
  const models = batch.models as ModelChoice[];
  const assertions = batch.assertions as Assertion[];
  const offset = input.offset ?? 0;
  const limit = input.limit ?? 50;
  const [cells, rows, version] = await Promise.all([
    db.harnessBatchCell.findMany({ where: { batchId: batch.id }, select: { rowIndex: true, position: true, status: true, latencyMs: true, costUsd: true, assertions: true } }),
    db.harnessBatchRow.findMany({
      where: { batchId: batch.id, index: { gte: offset, lt: offset + limit } },
      orderBy: { index: "asc" },
      select: { index: true, variables: true },
    }),
    db.promptVersion.findUnique({ where: { id: batch.versionId }, select: { number: true, prompt: { select: { title: true, slug: true } } } }),
  ]);
  const pageCells = await db.harnessBatchCell.findMany({
    where: { batchId: batch.id, rowIndex: { gte: offset, lt: offset + limit } },
    orderBy: [{ rowIndex: "asc" }, { position: "asc" }],
  });
  const byRow = new Map<number, typeof pageCells>();
  for (const c of pageCells) byRow.set(c.rowIndex, [...(byRow.get(c.rowIndex) ?? []), c]);
  return {
    batch: {
      id: batch.id,
      status: batch.status,
      error: batch.error,
      versionId: batch.versionId,
      versionNumber: version?.number ?? null,
      promptTitle: version?.prompt.title ?? null,
      promptSlug: version?.prompt.slug ?? null,
      models: models.map(({ provider, model, params }) => ({ provider, model, params: params ?? {} })),
      assertions,
      rowCount: batch.rowCount,
      cellCount: batch.cellCount,
      createdAt: batch.createdAt,
      startedAt: batch.startedAt,
      finishedAt: batch.finishedAt,
    },
    summary: summarizeBatch(models, assertions, cells),
    rows: rows.map((r) => ({
      index: r.index,
      variables: r.variables as Record<string, string>,
      cells: (byRow.get(r.index) ?? []).map((c) => ({
        position: c.position,
        status: c.status,
        output: c.output.length > MATRIX_OUTPUT_CHARS ? `${c.output.slice(0, MATRIX_OUTPUT_CHARS)}…` : c.output,
        error: c.error,
        latencyMs: c.latencyMs,
        ttftMs: c.ttftMs,
        inputTokens: c.inputTokens,
        outputTokens: c.outputTokens,
        tokensEstimated: c.tokensEstimated,
        costUsd: c.costUsd === null ? null : c.costUsd.toString(),
        assertions: (Array.isArray(c.assertions) ? c.assertions : []) as AssertionResult[],
      })),
    })),
    offset,
    limit,
  };
}
export type BatchResults = Awaited<ReturnType<typeof batchResults>>;
