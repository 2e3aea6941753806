"use client";
import { useQuery } from "@tanstack/react-query";
import { DateTime } from "@/components/ui/date-time";
import { formatShortDateTime } from "@/components/ui/format-date";
import { formatInteger } from "@/components/ui/format-number";
import { useTRPC } from "@/trpc/react";
import { lowerErrorRate } from "@/shared/prompts/error-rate-difference";

const percent = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(x > 0 && x < 0.1 ? 1 : 0)}%`);
const usd = (x: number | null) => (x === null ? "—" : `$${x < 0.01 ? x.toFixed(5) : x.toFixed(4)}`);

/**
 * A label's results per version since its last move: calls the runtime endpoint served each
 * version, and the captured calls matched to each (count, error rate, median latency, mean cost).
 */
export function LabelResults({ promptId, name }: { promptId: string; name: string }) {
  const trpc = useTRPC();
  const results = useQuery(trpc.label.results.queryOptions({ promptId, name }));
  if (results.isError)
    return (
      <p role="alert" className="text-sm text-rose-700">
        Could not load the results: {results.error.message}
      </p>
    );
  if (results.isPending) return <p className="text-sm text-slate-500">Loading results…</p>;
  const { versions, since } = results.data;
  const best = versions.length > 1 ? bestOf(versions) : null;
  return (
    <div>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[36rem] text-left text-sm">
          <caption className="pb-2 text-left text-xs text-slate-500">
            <span className="font-mono">{name}</span> since <DateTime value={since} format={formatShortDateTime} /> (its last move)
          </caption>
          <thead className="text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="py-1.5 pr-3 font-medium">Version</th>
              <th scope="col" className="py-1.5 pr-3 font-medium">Share</th>
              <th scope="col" className="py-1.5 pr-3 text-right font-medium">Served by the API</th>
              <th scope="col" className="py-1.5 pr-3 text-right font-medium">Captured calls</th>
              <th scope="col" className="py-1.5 pr-3 text-right font-medium">Error rate</th>
              <th scope="col" className="py-1.5 pr-3 text-right font-medium">p50 latency</th>
              <th scope="col" className="py-1.5 text-right font-medium">Mean cost</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 tabular-nums">
            {versions.map((v) => (
              <tr key={v.versionId}>
                <th scope="row" className="py-1.5 pr-3 font-mono font-semibold text-slate-900">
                  v{v.number}
                  {best === v.versionId ? <span className="ml-2 whitespace-nowrap rounded bg-emerald-50 px-1.5 py-0.5 font-sans text-xs font-medium text-emerald-700" title="Its error rate is lower beyond chance (95%)">fewer errors</span> : null}
                </th>
                <td className="py-1.5 pr-3 text-slate-700">{v.percent}%</td>
                <td className="py-1.5 pr-3 text-right text-slate-700">{formatInteger(v.served)}</td>
                <td className="py-1.5 pr-3 text-right text-slate-700">{formatInteger(v.captured.calls)}</td>
                <td className="py-1.5 pr-3 text-right text-slate-700">{percent(v.captured.errorRate)}</td>
                <td className="py-1.5 pr-3 text-right text-slate-700">{v.captured.p50LatencyMs === null ? "—" : `${formatInteger(v.captured.p50LatencyMs)} ms`}</td>
                <td className="py-1.5 text-right text-slate-700">{usd(v.captured.meanCostUsd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-2 text-xs text-slate-500">
        Served: fetches and renders of the version through the API (by this label or otherwise). Captured calls: calls sent through the capture proxy whose
        prompt is this version filled in.
      </p>
    </div>
  );
}

type Row = { versionId: string; captured: { calls: number; errors: number } };

/** The version whose error rate is lower beyond chance (two-proportion z-test), else none. */
function bestOf([a, b]: Row[]): string | null {
  const lower = lowerErrorRate(a.captured, b.captured);
  return lower === "a" ? a.versionId : lower === "b" ? b.versionId : null;
}
