"use client";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/card";
import { CheckIcon } from "@/components/ui/icons";
import type { AssertionResult } from "@/shared/harness/assertions";
import { formatCost, formatMs, formatTokens } from "./harness-format";
import type { CellView } from "./run-types";

function StatusBadge({ status }: { status: string }) {
  if (status === "done") return <Badge tone="emerald">done</Badge>;
  if (status === "error") return <Badge tone="rose">error</Badge>;
  if (status === "running")
    return (
      <Badge tone="indigo" className="gap-1">
        <span className="size-1.5 animate-pulse rounded-full bg-indigo-500" aria-hidden />
        streaming
      </Badge>
    );
  return <Badge>waiting</Badge>;
}

export function AssertionList({ results }: { results: AssertionResult[] }) {
  if (!results.length) return null;
  const passed = results.filter((a) => a.pass).length;
  return (
    <div className="border-t border-slate-200 px-3 py-2.5">
      <p className="mb-1.5 text-xs font-semibold text-slate-700">
        Assertions <span className={passed === results.length ? "text-emerald-700" : "text-rose-700"}>{passed}/{results.length} passed</span>
      </p>
      <ul className="space-y-1">
        {results.map((a, i) => (
          <li key={i} className="flex gap-2 text-xs" data-testid="assertion-result" data-pass={a.pass}>
            <span
              className={`mt-px inline-flex size-4 shrink-0 items-center justify-center rounded-full text-[10px] font-bold ${a.pass ? "bg-emerald-100 text-emerald-700" : "bg-rose-100 text-rose-700"}`}
              aria-hidden
            >
              {a.pass ? <CheckIcon className="size-3" /> : "✕"}
            </span>
            <span className="min-w-0 [overflow-wrap:anywhere]">
              <span className="font-semibold text-slate-800">{a.pass ? "pass" : "fail"}</span> <span className="font-mono text-slate-600">{a.type}</span>
              <span className="text-slate-600"> — {a.detail}</span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Metric({ term, children, testId }: { term: string; children: ReactNode; testId?: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-[11px] uppercase tracking-wide text-slate-500">{term}</dt>
      <dd className="truncate font-mono text-xs text-slate-900" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/** One model's column: its output as it streams, then its numbers and its checks. */
export function RunCell({ cell, label, compact = false }: { cell: CellView; label?: ReactNode; compact?: boolean }) {
  const finished = cell.status === "done" || cell.status === "error";
  const tokens = cell.inputTokens === null && cell.outputTokens === null ? "—" : `${formatTokens(cell.inputTokens)} in · ${formatTokens(cell.outputTokens)} out`;
  return (
    <article
      className="flex min-w-0 flex-col overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs"
      aria-label={`${cell.provider}/${cell.model}`}
      data-testid="run-cell"
      data-status={cell.status}
    >
      <header className="flex items-start justify-between gap-2 border-b border-slate-200 bg-slate-50 px-3 py-2">
        <div className="min-w-0">
          {label ? <p className="text-[11px] font-semibold uppercase tracking-wide text-indigo-700">{label}</p> : null}
          <h4 className="break-all font-mono text-[13px] font-semibold text-slate-900">{cell.model}</h4>
          <p className="text-xs text-slate-500">
            {cell.provider}
            {cell.params && (cell.params.temperature !== undefined || cell.params.maxTokens !== undefined || cell.params.system) ? (
              <>
                {" · "}
                {[
                  cell.params.temperature !== undefined ? `t=${cell.params.temperature}` : null,
                  cell.params.maxTokens !== undefined ? `max ${cell.params.maxTokens}` : null,
                  cell.params.system ? "own system prompt" : null,
                ]
                  .filter(Boolean)
                  .join(", ")}
              </>
            ) : null}
          </p>
        </div>
        <StatusBadge status={cell.status} />
      </header>
      <div className={`relative flex-1 px-3 py-2.5 ${compact ? "min-h-20" : "min-h-32"}`}>
        {cell.error ? (
          <p role="alert" className="mb-2 rounded-md bg-rose-50 px-2.5 py-1.5 text-xs text-rose-800 ring-1 ring-inset ring-rose-200 [overflow-wrap:anywhere]" data-testid="cell-error">
            {cell.error}
          </p>
        ) : null}
        <pre
          className={`overflow-y-auto whitespace-pre-wrap font-mono text-[13px] leading-relaxed text-slate-800 [overflow-wrap:anywhere] ${compact ? "max-h-60" : "max-h-96"}`}
          data-testid="cell-output"
          aria-live={finished ? undefined : "off"}
        >
          {cell.output}
          {!finished ? <span className="ml-0.5 inline-block h-4 w-1.5 translate-y-0.5 animate-pulse bg-indigo-500" aria-hidden /> : null}
        </pre>
        {!cell.output && !cell.error ? <p className="text-sm text-slate-400">{finished ? "(empty output)" : "Waiting for the first token…"}</p> : null}
      </div>
      <dl className="grid grid-cols-2 gap-x-3 gap-y-2 border-t border-slate-200 px-3 py-2.5">
        <div className="col-span-2">
          <Metric term={cell.tokensEstimated ? "Tokens (estimated: no usage from the provider)" : "Tokens"} testId="cell-tokens">
            {tokens}
          </Metric>
        </div>
        <Metric term="Cost" testId="cell-cost">
          {finished ? formatCost(cell.costUsd) : "—"}
        </Metric>
        <Metric term="First token" testId="cell-ttft">
          {formatMs(cell.ttftMs)}
        </Metric>
        <Metric term="Latency" testId="cell-latency">
          {finished ? formatMs(cell.latencyMs) : "—"}
        </Metric>
        <Metric term="Finish" testId="cell-finish">
          {cell.error ? "error" : (cell.finishReason ?? "—")}
        </Metric>
      </dl>
      <AssertionList results={cell.assertions ?? []} />
    </article>
  );
}

/**
 * Side-by-side columns, one per model, in the order picked; they wrap to a stack on phones and
 * scroll sideways when more models are picked than fit.
 */
export function RunColumns({ cells }: { cells: CellView[] }) {
  const sorted = [...cells].sort((a, b) => a.position - b.position);
  return (
    <div className="-mx-1 overflow-x-auto px-1 pb-2">
      <div
        className="grid gap-3 sm:auto-cols-[minmax(15rem,1fr)] sm:grid-flow-col"
        data-testid="run-columns"
      >
        {sorted.map((c) => (
          <RunCell key={c.position} cell={c} />
        ))}
      </div>
    </div>
  );
}

/** The whole run in one line: passes, cost and the slowest latency. */
export function RunSummary({ cells }: { cells: CellView[] }) {
  const checks = cells.flatMap((c) => c.assertions ?? []);
  const passed = checks.filter((a) => a.pass).length;
  const costs = cells.map((c) => c.costUsd);
  const known = costs.filter((c): c is string => c !== null);
  const total = known.reduce((n, c) => n + Number(c), 0);
  const errors = cells.filter((c) => c.status === "error").length;
  return (
    <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-600" data-testid="run-summary">
      {checks.length ? (
        <span>
          <span className={passed === checks.length ? "font-semibold text-emerald-700" : "font-semibold text-rose-700"}>
            {passed}/{checks.length}
          </span>{" "}
          checks passed
        </span>
      ) : null}
      <span>
        Cost <span className="font-mono text-slate-900">{known.length ? formatCost(total) : "unknown"}</span>
        {known.length && known.length < costs.length ? " (some unknown)" : ""}
      </span>
      {errors ? <span className="text-rose-700">{errors} failed</span> : null}
    </p>
  );
}
