"use client";
// The batch page's live part: the progress bar (batchStatus polled twice a second while the batch
// runs), cancel, the results table (refreshed every few seconds while running, once more at the
// end), the rows × models matrix page by page, and the CSV download.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { formatCost, formatMs } from "@/components/harness/harness-format";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { formatInteger } from "@/components/ui/format-number";
import type { AppRouter } from "@/server/api/root";
import type { inferRouterOutputs } from "@trpc/server";
import { useTRPC } from "@/trpc/react";

type Outputs = inferRouterOutputs<AppRouter>["harness"];
type Results = Outputs["batchResults"];
type Status = Outputs["batchStatus"];

const STATUS_POLL_MS = 500;
const RESULTS_POLL_MS = 3000;
const PAGE = 25;
const ACTIVE = new Set(["queued", "running"]);

const pct = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 1000) / 10}%`);
const STATUS_TONE = { queued: "slate", running: "indigo", done: "emerald", cancelled: "amber", failed: "rose" } as const;

function formatEta(ms: number | null) {
  if (ms === null) return null;
  const s = Math.max(1, Math.round(ms / 1000));
  return s < 60 ? `about ${s} s left` : `about ${Math.round(s / 60)} min left`;
}

function PassRate({ rate }: { rate: number | null }) {
  if (rate === null) return <span className="text-slate-400">—</span>;
  const tone = rate >= 0.9 ? "text-emerald-700" : rate >= 0.5 ? "text-amber-700" : "text-rose-700";
  return <span className={`font-semibold tabular-nums ${tone}`}>{pct(rate)}</span>;
}

type MatrixCellData = Results["rows"][number]["cells"][number];

/** One model's answer to one row: verdict, latency and cost, the output, the failed assertions. */
function MatrixCell({ cell: c, cancelled }: { cell: MatrixCellData; cancelled: boolean }) {
  const passed = c.assertions.length > 0 && c.assertions.every((a) => a.pass);
  return (
    <>
      <div className="flex flex-wrap items-center gap-1.5 text-xs">
        {c.status === "pending" ? (
          <Badge>{cancelled ? "not run" : "pending"}</Badge>
        ) : c.status === "error" ? (
          <Badge tone="rose">error</Badge>
        ) : c.assertions.length ? (
          <Badge tone={passed ? "emerald" : "rose"}>
            {c.assertions.filter((a) => a.pass).length}/{c.assertions.length} passed
          </Badge>
        ) : (
          <Badge tone="emerald">done</Badge>
        )}
        {c.status !== "pending" ? (
          <span className="tabular-nums text-slate-500">
            {formatMs(c.latencyMs)} · {formatCost(c.costUsd)}
          </span>
        ) : null}
      </div>
      {c.error ? <p className="mt-1.5 break-words text-xs text-rose-700">{c.error}</p> : null}
      {c.output ? <p className="mt-1.5 line-clamp-4 whitespace-pre-wrap break-words text-slate-800">{c.output}</p> : null}
      {c.assertions.some((a) => !a.pass) ? (
        <ul className="mt-1.5 space-y-0.5 text-xs text-rose-700">
          {c.assertions
            .filter((a) => !a.pass)
            .map((a, i) => (
              <li key={i}>
                <span className="font-mono">{a.type}</span>: {a.detail}
              </li>
            ))}
        </ul>
      ) : null}
    </>
  );
}

function RowVariables({ variables }: { variables: Record<string, string> }) {
  return (
    <dl className="mt-1 space-y-0.5 text-xs">
      {Object.entries(variables).map(([k, v]) => (
        <div key={k} className="break-words">
          <dt className="inline font-mono text-slate-500">{k}: </dt>
          <dd className="inline text-slate-800">{v.length > 120 ? `${v.slice(0, 120)}…` : v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function BatchView({ batchId, initialResults, initialStatus }: { batchId: string; initialResults: Results; initialStatus: Status }) {
  const trpc = useTRPC();
  const [offset, setOffset] = useState(0);
  const status = useQuery({
    ...trpc.harness.batchStatus.queryOptions({ batchId }),
    initialData: initialStatus,
    staleTime: 0,
    refetchInterval: (q) => (q.state.data && ACTIVE.has(q.state.data.status) ? STATUS_POLL_MS : false),
  });
  const s = status.data;
  const active = ACTIVE.has(s.status);
  const results = useQuery({
    ...trpc.harness.batchResults.queryOptions({ batchId, offset, limit: PAGE }),
    initialData: offset === 0 ? initialResults : undefined,
    staleTime: 0,
    placeholderData: (previous) => previous,
    refetchInterval: active ? RESULTS_POLL_MS : false,
  });
  // One last refresh of the table when the batch stops, so it shows every finished cell.
  const wasActive = useRef(active);
  const { refetch } = results;
  useEffect(() => {
    if (wasActive.current && !active) void refetch();
    wasActive.current = active;
  }, [active, refetch]);
  const cancel = useMutation({ ...trpc.harness.cancel.mutationOptions(), onSuccess: () => void status.refetch() });

  const r = results.data ?? initialResults;
  const finished = s.done + s.errored;
  const eta = active ? formatEta(s.etaMs) : null;
  const models = r.batch.models;

  return (
    <div className="mt-6 space-y-8">
      <Card className="p-4 sm:p-5">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div className="flex items-center gap-2">
            <Badge tone={STATUS_TONE[s.status as keyof typeof STATUS_TONE] ?? "slate"}>{s.status}</Badge>
            <span className="text-sm text-slate-700" aria-live="polite">
              <span className="font-semibold tabular-nums">{formatInteger(finished)}</span> of {formatInteger(s.cellCount)} calls
              {s.errored ? <span className="text-rose-700"> · {formatInteger(s.errored)} failed</span> : null}
              {eta ? <span className="text-slate-500"> · {eta}</span> : null}
            </span>
          </div>
          <div className="flex gap-2">
            {active ? (
              <Button variant="secondary" onClick={() => cancel.mutate({ batchId })} disabled={cancel.isPending}>
                {cancel.isPending ? "Cancelling…" : "Cancel batch"}
              </Button>
            ) : null}
            <a href={`/api/harness/batches/${batchId}/csv`} className={buttonClass({ variant: active ? "secondary" : "primary" })} download>
              Download CSV
            </a>
          </div>
        </div>
        <div
          role="progressbar"
          aria-label="Batch progress"
          aria-valuemin={0}
          aria-valuemax={s.cellCount}
          aria-valuenow={finished}
          className="mt-4 h-3 w-full overflow-hidden rounded-full bg-slate-100"
        >
          <div className={`h-full rounded-full transition-[width] duration-300 ${s.status === "failed" ? "bg-rose-500" : s.status === "cancelled" ? "bg-amber-500" : "bg-indigo-600"}`} style={{ width: `${Math.round(s.progress * 1000) / 10}%` }} />
        </div>
        {s.status === "cancelled" && s.pending ? <p className="mt-3 text-sm text-slate-600">Cancelled: {formatInteger(s.pending)} calls were not run. Finished calls are kept below.</p> : null}
        {s.error ? (
          <Alert tone="error" className="mt-3">
            {s.error}
          </Alert>
        ) : null}
        {cancel.error ? (
          <Alert tone="error" className="mt-3">
            {cancel.error.message}
          </Alert>
        ) : null}
      </Card>

      <section aria-labelledby="by-model">
        <h2 id="by-model" className="text-lg font-semibold text-slate-900">
          Results by model
        </h2>
        {/* Phones: one card per model; wider screens: the table. */}
        <ul className="mt-3 space-y-3 sm:hidden">
          {r.summary.perModel.map((m) => (
            <li key={m.position} className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs">
              <div className="flex items-baseline justify-between gap-3">
                <p className="font-medium text-slate-900">
                  {m.model} <span className="text-xs font-normal text-slate-500">{m.provider}</span>
                </p>
                <PassRate rate={m.passRate} />
              </div>
              <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 text-xs">
                {[
                  ["Answered", formatInteger(m.done)],
                  ["Failed", formatInteger(m.errored)],
                  ["Avg latency", formatMs(m.avgLatencyMs)],
                  ["p95 latency", formatMs(m.p95LatencyMs)],
                  ["Total cost", m.done ? formatCost(m.totalCostUsd) : "—"],
                  ["Cost per row", m.done ? formatCost(m.costPerRowUsd) : "—"],
                ].map(([label, value]) => (
                  <div key={label} className="flex justify-between gap-2">
                    <dt className="text-slate-500">{label}</dt>
                    <dd className="tabular-nums text-slate-900">{value}</dd>
                  </div>
                ))}
              </dl>
            </li>
          ))}
          <li className="flex flex-wrap items-baseline justify-between gap-2 rounded-xl border border-slate-200 bg-slate-50 p-4 text-sm">
            <span className="font-semibold text-slate-900">All models</span>
            <PassRate rate={r.summary.passRate} />
            <span className="w-full text-xs text-slate-600">
              Total {formatCost(r.summary.totalCostUsd)} · per row {formatCost(r.summary.costPerRowUsd)}
            </span>
          </li>
        </ul>
        <div className="mt-3 hidden overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-xs sm:block">
          <table className="min-w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs text-slate-500">
              <tr>
                {["Model", "Pass rate", "Answered", "Failed", "Avg latency", "p95 latency", "Total cost", "Cost per row"].map((h) => (
                  <th key={h} scope="col" className="whitespace-nowrap px-4 py-2.5 font-medium">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {r.summary.perModel.map((m) => (
                <tr key={m.position}>
                  <th scope="row" className="whitespace-nowrap px-4 py-2.5 font-medium text-slate-900">
                    {m.model}
                    <span className="ml-1.5 text-xs font-normal text-slate-500">{m.provider}</span>
                  </th>
                  <td className="px-4 py-2.5">
                    <PassRate rate={m.passRate} />
                  </td>
                  <td className="px-4 py-2.5 tabular-nums">{formatInteger(m.done)}</td>
                  <td className={`px-4 py-2.5 tabular-nums ${m.errored ? "text-rose-700" : ""}`}>{formatInteger(m.errored)}</td>
                  <td className="whitespace-nowrap px-4 py-2.5 tabular-nums">{formatMs(m.avgLatencyMs)}</td>
                  <td className="whitespace-nowrap px-4 py-2.5 tabular-nums">{formatMs(m.p95LatencyMs)}</td>
                  <td className="whitespace-nowrap px-4 py-2.5 tabular-nums">{m.done ? formatCost(m.totalCostUsd) : "—"}</td>
                  <td className="whitespace-nowrap px-4 py-2.5 tabular-nums">{m.done ? formatCost(m.costPerRowUsd) : "—"}</td>
                </tr>
              ))}
            </tbody>
            <tfoot className="border-t border-slate-200 bg-slate-50/60 text-sm">
              <tr>
                <th scope="row" className="px-4 py-2.5 font-semibold text-slate-900">
                  All models
                </th>
                <td className="px-4 py-2.5">
                  <PassRate rate={r.summary.passRate} />
                </td>
                <td colSpan={4} />
                <td className="whitespace-nowrap px-4 py-2.5 font-semibold tabular-nums">{formatCost(r.summary.totalCostUsd)}</td>
                <td className="whitespace-nowrap px-4 py-2.5 font-semibold tabular-nums">{formatCost(r.summary.costPerRowUsd)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
        {r.summary.totalCostUsd === null ? <p className="mt-2 text-xs text-slate-500">A model without a known price makes its cost unknown; it is never counted as $0.</p> : null}
      </section>

      {r.summary.perAssertion.length ? (
        <section aria-labelledby="by-assertion">
          <h2 id="by-assertion" className="text-lg font-semibold text-slate-900">
            Pass rate by assertion
          </h2>
          <div className="mt-3 overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-xs">
            <table className="min-w-full text-left text-sm">
              <thead className="bg-slate-50 text-xs text-slate-500">
                <tr>
                  <th scope="col" className="px-4 py-2.5 font-medium">
                    Assertion
                  </th>
                  <th scope="col" className="px-4 py-2.5 font-medium">
                    All
                  </th>
                  {models.map((m, i) => (
                    <th key={i} scope="col" className="whitespace-nowrap px-4 py-2.5 font-medium">
                      {m.model}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {r.summary.perAssertion.map((a) => (
                  <tr key={a.index}>
                    <th scope="row" className="max-w-72 px-4 py-2.5 font-medium text-slate-900">
                      <span className="font-mono text-xs">{a.type}</span>
                      {a.value !== null ? <span className="ml-1.5 break-words text-slate-600">{typeof a.value === "string" ? `“${a.value.slice(0, 80)}”` : String(a.value)}</span> : null}
                    </th>
                    <td className="px-4 py-2.5">
                      <PassRate rate={a.passRate} />
                    </td>
                    {a.byModel.map((rate, i) => (
                      <td key={i} className="px-4 py-2.5">
                        <PassRate rate={rate} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      <section aria-labelledby="matrix">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="matrix" className="text-lg font-semibold text-slate-900">
            Rows × models
          </h2>
          <p className="text-sm text-slate-500">
            Rows {formatInteger(Math.min(offset + 1, r.batch.rowCount))}–{formatInteger(Math.min(offset + PAGE, r.batch.rowCount))} of {formatInteger(r.batch.rowCount)}
          </p>
        </div>
        {/* Phones: one card per row, the models stacked; wider screens: the matrix. */}
        <ol className="mt-3 space-y-3 sm:hidden">
          {r.rows.map((row) => (
            <li key={row.index} className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs">
              <span className="text-xs font-semibold text-slate-500">Row #{row.index + 1}</span>
              <RowVariables variables={row.variables} />
              <div className="mt-3 space-y-3 border-t border-slate-100 pt-3">
                {row.cells.map((c) => (
                  <div key={c.position}>
                    <p className="mb-1 text-xs font-semibold text-slate-700">{models[c.position]?.model}</p>
                    <MatrixCell cell={c} cancelled={s.status === "cancelled"} />
                  </div>
                ))}
              </div>
            </li>
          ))}
        </ol>
        <div className="mt-3 hidden overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-xs sm:block">
          <table className="min-w-full table-fixed text-left text-sm">
            <thead className="bg-slate-50 text-xs text-slate-500">
              <tr>
                <th scope="col" className="w-52 px-4 py-2.5 font-medium">
                  Row
                </th>
                {models.map((m, i) => (
                  <th key={i} scope="col" className="w-72 px-4 py-2.5 font-medium">
                    {m.model}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {r.rows.map((row) => (
                <tr key={row.index}>
                  <th scope="row" className="px-4 py-3 font-normal">
                    <span className="text-xs font-semibold text-slate-500">#{row.index + 1}</span>
                    <RowVariables variables={row.variables} />
                  </th>
                  {row.cells.map((c) => (
                    <td key={c.position} className="px-4 py-3">
                      <MatrixCell cell={c} cancelled={s.status === "cancelled"} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {r.batch.rowCount > PAGE ? (
          <div className="mt-3 flex justify-between gap-2">
            <Button variant="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              Previous rows
            </Button>
            <Button variant="secondary" disabled={offset + PAGE >= r.batch.rowCount} onClick={() => setOffset(offset + PAGE)}>
              Next rows
            </Button>
          </div>
        ) : null}
      </section>
    </div>
  );
}
