import Link from "next/link";
import type { TemplateDetail } from "@/server/domain/templates/template-queries";
import { DateTime } from "@/components/ui/date-time";
import { formatDateTime, formatShortDateTime } from "@/components/ui/format-date";

const cell = "px-3 py-2.5 text-left text-xs font-semibold text-slate-500 whitespace-nowrap";
const th = `${cell} uppercase tracking-wide`;
const td = "px-3 py-2.5 align-top";

/** One row per capture, one column per variable: what the template was filled with each time. */
export function ValuesTable({ variables, captures }: { variables: string[]; captures: TemplateDetail["captures"] }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-xs">
      <table className="min-w-full text-sm">
        <caption className="sr-only">The values of each variable per captured call, newest first</caption>
        <thead className="border-b border-slate-200 bg-slate-50/70">
          <tr>
            <th scope="col" className={th}>Time (UTC)</th>
            <th scope="col" className={th}>Model</th>
            {variables.map((v) => (
              <th key={v} scope="col" className={cell}>
                <span className="font-mono text-[12px] text-indigo-700">{`{{${v}}}`}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {captures.map((c) => (
            <tr key={c.id} className="hover:bg-slate-50">
              <td className={`${td} whitespace-nowrap`}>
                <Link href={`/captures/${c.id}`} className="font-medium tabular-nums text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600" title={formatDateTime(c.createdAt)}>
                  <DateTime value={c.createdAt} format={formatShortDateTime} />
                </Link>
              </td>
              <td className={`${td} whitespace-nowrap font-mono text-[13px] text-slate-700`}>{c.model ?? "—"}</td>
              {variables.map((v) => {
                const value = c.values[v];
                return (
                  <td key={v} className={`${td} min-w-[10rem] max-w-xs`}>
                    {value === undefined ? (
                      <span className="text-slate-400">—<span className="sr-only">no value</span></span>
                    ) : value === "" ? (
                      <span className="text-xs italic text-slate-400">empty</span>
                    ) : (
                      <span className="line-clamp-3 whitespace-pre-wrap [overflow-wrap:anywhere] text-slate-800" title={value.length > 120 ? value : undefined}>
                        {value}
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
