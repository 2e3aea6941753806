import Link from "next/link";
import type { CaptureListItem } from "@/server/domain/captures/capture-queries";
import { DecisionBadge, decisionPrompt } from "./decision-badge";
import { DateTime } from "@/components/ui/date-time";
import { formatDateTime, formatShortDateTime } from "@/components/ui/format-date";
import { formatCost, formatLatency, formatTokens } from "./format";
import { StatusBadge } from "./status-badge";

const th = "px-3 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500 whitespace-nowrap";
const td = "px-3 py-2.5 whitespace-nowrap";

function Tokens({ c }: { c: CaptureListItem }) {
  if (c.inputTokens === null && c.outputTokens === null) return <span className="text-slate-400">—</span>;
  return (
    <span title={c.tokensEstimated ? "Estimated from the text: the provider sent no usage" : "Input → output tokens"}>
      {formatTokens(c.inputTokens, c.tokensEstimated)}
      <span aria-hidden className="text-slate-400"> → </span>
      <span className="sr-only"> in, </span>
      {formatTokens(c.outputTokens, c.tokensEstimated)}
      <span className="sr-only"> out{c.tokensEstimated ? " (estimated)" : ""}</span>
    </span>
  );
}

const Muted = ({ value }: { value: string | null }) =>
  value ? <span className="block max-w-[9rem] truncate" title={value}>{value}</span> : <span className="text-slate-400">—</span>;

/** Captured calls: a table from md up, stacked cards on phones. */
export function CapturesTable({ items }: { items: CaptureListItem[] }) {
  return (
    <>
      <div className="hidden overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-xs md:block">
        <table className="min-w-full text-sm">
          <caption className="sr-only">Captured calls, newest first</caption>
          <thead className="border-b border-slate-200 bg-slate-50/70">
            <tr>
              <th scope="col" className={th}>Time (UTC)</th>
              <th scope="col" className={th}>Model</th>
              <th scope="col" className={th}>Status</th>
              <th scope="col" className={`${th} text-right`}>Latency</th>
              <th scope="col" className={`${th} text-right`}>Tokens</th>
              <th scope="col" className={`${th} text-right`}>Cost</th>
              <th scope="col" className={th}>User</th>
              <th scope="col" className={th}>Session</th>
              <th scope="col" className={th}>Decision</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.map((c) => (
              <tr key={c.id} className="hover:bg-slate-50">
                <td className={td}>
                  <Link href={`/captures/${c.id}`} className="font-medium text-indigo-700 tabular-nums hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600" title={formatDateTime(c.createdAt)}>
                    <DateTime value={c.createdAt} format={formatShortDateTime} />
                  </Link>
                </td>
                <td className={td}>
                  <span className="block max-w-[14rem] truncate font-mono text-[13px] text-slate-900" title={c.model ?? undefined}>{c.model ?? "—"}</span>
                  <span className="text-xs text-slate-500">{c.provider}{c.stream ? " · stream" : ""}</span>
                </td>
                <td className={td}>
                  <StatusBadge status={c.status} />
                </td>
                <td className={`${td} text-right tabular-nums text-slate-700`}>{formatLatency(c.latencyMs)}</td>
                <td className={`${td} text-right tabular-nums text-slate-700`}>
                  <Tokens c={c} />
                </td>
                <td className={`${td} text-right tabular-nums text-slate-700`} title={c.costUsd === null ? "Unknown: no price for this model" : undefined}>
                  {c.costUsd === null ? <span className="text-slate-400">—<span className="sr-only">unknown</span></span> : formatCost(c.costUsd)}
                </td>
                <td className={`${td} text-slate-600`}>
                  <Muted value={c.endUser} />
                </td>
                <td className={`${td} font-mono text-xs text-slate-600`}>
                  <Muted value={c.sessionId} />
                </td>
                <td className={td}>
                  <DecisionBadge decision={c.decision} prompt={decisionPrompt(c.decision, c.matchedPrompt, c.resultPrompt)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-xs md:hidden" aria-label="Captured calls">
        {items.map((c) => (
          <li key={c.id} className="px-4 py-3">
            <div className="flex items-center justify-between gap-3">
              <Link href={`/captures/${c.id}`} className="min-w-0 truncate font-mono text-[13px] font-semibold text-slate-900 hover:text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600">
                {c.model ?? "unknown model"}
              </Link>
              <StatusBadge status={c.status} />
            </div>
            <p className="mt-1 flex flex-wrap gap-x-3 gap-y-0.5 text-xs tabular-nums text-slate-600">
              <DateTime value={c.createdAt} format={(d) => `${formatShortDateTime(d)} UTC`} />
              <span>{formatLatency(c.latencyMs)}</span>
              {c.inputTokens !== null || c.outputTokens !== null ? (
                <span>
                  <Tokens c={c} /> tok
                </span>
              ) : null}
              <span>{c.costUsd === null ? "cost unknown" : formatCost(c.costUsd)}</span>
            </p>
            <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
              <DecisionBadge decision={c.decision} prompt={decisionPrompt(c.decision, c.matchedPrompt, c.resultPrompt)} />
              {c.endUser ? <span className="max-w-[10rem] truncate">user {c.endUser}</span> : null}
              {c.sessionId ? <span className="max-w-[10rem] truncate font-mono">session {c.sessionId}</span> : null}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
