// The CSV export of a batch: one line per cell (row × model) with the row's variables, the answer,
// its figures and each assertion's verdict. Written page by page so a 40,000-cell batch never sits
// in memory whole; values a spreadsheet would run as formulas are escaped (papaparse escapeFormulae).
import "server-only";
import Papa from "papaparse";
import type { Db } from "@/server/db/prisma";
import type { Assertion, AssertionResult } from "@/shared/harness/assertions";
import type { PromptVariable } from "@/shared/prompts/variables";
import type { Actor } from "../actor";
import { findOwnBatch } from "./batch-access";

const PAGE_ROWS = 200;

/** The batch's CSV as chunks of text; the ownership check happens before the first chunk. */
export async function batchCsv(db: Db, actor: Actor, batchId: string): Promise<{ fileName: string; chunks: AsyncGenerator<string> }> {
  const batch = await findOwnBatch(db, actor, batchId);
  const version = await db.promptVersion.findUnique({ where: { id: batch.versionId }, select: { number: true, variables: true, prompt: { select: { slug: true } } } });
  const variables = ((version?.variables ?? []) as PromptVariable[]).map((v) => v.name);
  const assertions = batch.assertions as Assertion[];
  const header = [
    "row",
    ...variables,
    "provider",
    "model",
    "status",
    "output",
    "error",
    "input_tokens",
    "output_tokens",
    "tokens_estimated",
    "cost_usd",
    "ttft_ms",
    "latency_ms",
    "finish_reason",
    ...assertions.map((a, i) => `assert_${i + 1}_${a.type}`),
    "all_passed",
  ];
  const unparse = (lines: unknown[][]) => Papa.unparse(lines, { escapeFormulae: true, newline: "\r\n" }) + "\r\n";

  async function* chunks() {
    yield unparse([header]);
    for (let from = 0; from < batch.rowCount; from += PAGE_ROWS) {
      const [rows, cells] = await Promise.all([
        db.harnessBatchRow.findMany({ where: { batchId, index: { gte: from, lt: from + PAGE_ROWS } }, select: { index: true, variables: true } }),
        db.harnessBatchCell.findMany({ where: { batchId, rowIndex: { gte: from, lt: from + PAGE_ROWS } }, orderBy: [{ rowIndex: "asc" }, { position: "asc" }] }),
      ]);
      const values = new Map(rows.map((r) => [r.index, r.variables as Record<string, string>]));
      const lines = cells.map((c) => {
        const results = (Array.isArray(c.assertions) ? c.assertions : []) as AssertionResult[];
        const vars = values.get(c.rowIndex) ?? {};
        return [
          c.rowIndex + 1,
          ...variables.map((name) => vars[name] ?? ""),
          c.provider,
          c.model,
          c.status,
          c.output,
          c.error ?? "",
          c.inputTokens ?? "",
          c.outputTokens ?? "",
          c.status === "done" ? String(c.tokensEstimated) : "",
          c.costUsd === null ? (c.status === "done" ? "unknown" : "") : c.costUsd.toString(),
          c.ttftMs ?? "",
          c.latencyMs ?? "",
          c.finishReason ?? "",
          ...assertions.map((_, i) => (c.status === "pending" ? "" : results[i]?.pass ? "pass" : "fail")),
          c.status === "pending" ? "" : String(c.status === "done" && results.every((r) => r.pass)),
        ];
      });
      if (lines.length) yield unparse(lines);
    }
  }
  const name = `${version?.prompt.slug ?? "batch"}-v${version?.number ?? ""}-batch-${batch.id}.csv`;
  return { fileName: name, chunks: chunks() };
}
