import { formatInteger } from "@/components/ui/format-number";

export type CapturedModelRow = { provider: string; model: string | null; calls: number; errors: number; errorRate: number; costUsd: string | null; pricedCalls: number; avgLatencyMs: number | null };

const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });
const usd = (decimal: string) => {
  const n = Number(decimal);
  return new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: n !== 0 && Math.abs(n) < 1 ? 4 : 2 }).format(n);
};

/** Captured calls per provider and model: how many, how many failed, what they cost. */
export function CapturedModelsTable({ rows, caption }: { rows: CapturedModelRow[]; caption: string }) {
  return (
    <div className="relative mt-3 overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-xs">
      <table className="w-full min-w-[21rem] text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-2.5 font-medium sm:px-4">
              Model
            </th>
            <th scope="col" className="px-2 py-2.5 text-right font-medium sm:px-3">
              Calls
            </th>
            <th scope="col" className="px-2 py-2.5 text-right font-medium sm:px-3">
              Error rate
            </th>
            <th scope="col" className="px-2 py-2.5 text-right font-medium sm:px-3">
              Cost
            </th>
            <th scope="col" className="px-2 py-2.5 text-right font-medium sm:px-3">
              Avg latency
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 tabular-nums">
          {rows.map((r) => (
            <tr key={`${r.provider}/${r.model ?? ""}`}>
              <th scope="row" className="px-3 py-2.5 text-left font-medium text-slate-900 sm:px-4">
                <span className="font-mono text-[13px] [overflow-wrap:anywhere]">{r.model ?? "unknown model"}</span>
                <span className="block text-xs font-normal text-slate-500">{r.provider}</span>
              </th>
              <td className="px-2 py-2.5 text-right text-slate-900 sm:px-3">{formatInteger(r.calls)}</td>
              <td className={`px-2 py-2.5 text-right sm:px-3 ${r.errors ? "font-medium text-rose-700" : "text-slate-600"}`}>
                {percent.format(r.errorRate)}
                <span className="block text-xs font-normal text-slate-500">{r.errors ? `${formatInteger(r.errors)} failed` : "none failed"}</span>
              </td>
              <td className="px-2 py-2.5 text-right text-slate-900 sm:px-3">
                {r.costUsd === null ? <span className="text-slate-500">unknown</span> : usd(r.costUsd)}
                {r.costUsd !== null && r.pricedCalls < r.calls ? <span className="block text-xs text-slate-500">{formatInteger(r.pricedCalls)} priced</span> : null}
              </td>
              <td className="px-2 py-2.5 text-right text-slate-600 sm:px-3">{r.avgLatencyMs === null ? "—" : `${formatInteger(Math.round(r.avgLatencyMs))} ms`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
