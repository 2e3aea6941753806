import Link from "next/link";
import { figureValue } from "./usage-figure-value";
import { FIGURE_META, USAGE_FIGURES, type UsageTotals } from "./usage-figures";

export type RankingRow = UsageTotals & { key: string; href: string; name: string; detail?: string };

/** Prompts (or authors) by use in the period: a table from sm, one card each on phones. */
export function UsageRankingTable({ rows, caption, nameHeader }: { rows: RankingRow[]; caption: string; nameHeader: string }) {
  return (
    <>
      <ol className="mt-3 space-y-3 sm:hidden" aria-label={caption}>
        {rows.map((row) => (
          <li key={row.key} className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs">
            <Link href={row.href} className="font-medium text-slate-900 hover:text-indigo-700 [overflow-wrap:anywhere]">
              {row.name}
            </Link>
            {row.detail ? <p className="text-xs text-slate-500">{row.detail}</p> : null}
            <dl className="mt-3 grid grid-cols-4 gap-x-3 gap-y-2 text-sm tabular-nums">
              {USAGE_FIGURES.map((f) => (
                // Two-word labels wrap; values stay on one line at the bottom of each cell.
                <div key={f} className="flex min-w-0 flex-col justify-end">
                  <dt className="text-[11px] leading-tight uppercase tracking-wide text-slate-500">{FIGURE_META[f].label}</dt>
                  <dd className={`mt-0.5 ${row[f] ? "text-slate-900" : "text-slate-400"}`}>{figureValue(f, row[f])}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ol>
      {/* relative: screen-reader-only text inside positions against this scroller, so it cannot widen the page. */}
      <div className="relative mt-3 hidden overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-xs sm:block">
        <table className="w-full min-w-[52rem] text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-2.5 font-medium">
                {nameHeader}
              </th>
              {USAGE_FIGURES.map((f) => (
                <th key={f} scope="col" className="px-3 py-2.5 text-right font-medium">
                  {FIGURE_META[f].label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 tabular-nums">
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row" className="min-w-[12rem] max-w-[18rem] px-4 py-2.5 text-left font-medium text-slate-900">
                  <Link href={row.href} className="line-clamp-2 hover:text-indigo-700">
                    {row.name}
                  </Link>
                  {row.detail ? <span className="block text-xs font-normal text-slate-500">{row.detail}</span> : null}
                </th>
                {USAGE_FIGURES.map((f) => (
                  <td key={f} className={`px-3 py-2.5 text-right ${row[f] ? "text-slate-900" : "text-slate-400"}`}>
                    {figureValue(f, row[f])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** A ranking with no rows. */
export function NoRankingRows({ children }: { children: React.ReactNode }) {
  return <p className="mt-3 rounded-xl border border-dashed border-slate-300 bg-white/60 px-4 py-6 text-center text-sm text-slate-600">{children}</p>;
}
