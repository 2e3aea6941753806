import type { CaptureStats } from "@/server/domain/captures/capture-queries";
import { formatInteger } from "@/components/ui/format-number";
import { formatCost, formatLatency } from "./format";

function Stat({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-xs">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums tracking-tight text-slate-900">{value}</dd>
      {detail ? <dd className="mt-0.5 text-xs text-slate-500">{detail}</dd> : null}
    </div>
  );
}

/** Totals over all of the caller's captures, and the split by model. */
export function StatsHeader({ stats }: { stats: CaptureStats }) {
  const errorRate = stats.total ? (stats.errors / stats.total) * 100 : 0;
  return (
    <section aria-labelledby="stats-heading" className="mt-8">
      <h2 id="stats-heading" className="sr-only">
        Usage summary
      </h2>
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-5">
        <Stat label="Calls" value={formatInteger(stats.total)} detail={`${formatInteger(stats.byDecision.pending)} awaiting identity`} />
        <Stat label="Errors" value={formatInteger(stats.errors)} detail={`${errorRate.toFixed(errorRate && errorRate < 10 ? 1 : 0)}% of calls`} />
        <Stat label="Tokens" value={formatInteger(stats.inputTokens + stats.outputTokens)} detail={`${formatInteger(stats.inputTokens)} in · ${formatInteger(stats.outputTokens)} out`} />
        <Stat
          label="Cost"
          value={formatCost(stats.costUsd)}
          detail={stats.unknownCostCalls ? `+ ${formatInteger(stats.unknownCostCalls)} ${stats.unknownCostCalls === 1 ? "call" : "calls"} of unknown cost` : "All costs known"}
        />
        <div className="col-span-2 lg:col-span-1">
          <Stat label="Latency" value={formatLatency(stats.avgLatencyMs)} detail={`avg · p95 ${formatLatency(stats.p95LatencyMs)}`} />
        </div>
      </dl>
      {stats.byModel.length ? (
        <div className="mt-3 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs">
          <h3 className="border-b border-slate-100 px-4 py-2 text-xs font-semibold uppercase tracking-wide text-slate-500">By model</h3>
          <ul className="divide-y divide-slate-100" aria-label="Usage by model">
            {stats.byModel.slice(0, 6).map((m) => {
              const share = stats.total ? (m.calls / stats.total) * 100 : 0;
              return (
                <li key={m.model ?? "(unknown)"} className="grid grid-cols-1 items-center gap-x-4 gap-y-1 px-4 py-2 text-sm sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)_17rem]">
                  <span className="truncate font-mono text-[13px] text-slate-900" title={m.model ?? undefined}>{m.model ?? "unknown model"}</span>
                  <span aria-hidden className="row-start-3 h-1.5 overflow-hidden rounded-full bg-slate-100 sm:row-start-auto">
                    <span className="block h-full rounded-full bg-indigo-500" style={{ width: `${Math.max(share, 2)}%` }} />
                  </span>
                  <span className="text-xs tabular-nums text-slate-600 sm:text-right">
                    {formatInteger(m.calls)} {m.calls === 1 ? "call" : "calls"}
                    {m.errors ? <span className="text-rose-600"> · {formatInteger(m.errors)} err</span> : null} · {formatInteger(m.inputTokens + m.outputTokens)} tok · {m.unknownCostCalls === m.calls ? "cost unknown" : formatCost(m.costUsd)}
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
