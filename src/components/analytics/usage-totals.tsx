import { figureValue } from "./usage-figure-value";
import { FIGURE_META, USAGE_FIGURES, type UsageTotals } from "./usage-figures";

/** The period's totals, one tile per figure. */
export function UsageTotalsGrid({ totals, label }: { totals: UsageTotals; label: string }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label={label}>
      {USAGE_FIGURES.map((f) => (
        <div key={f} className="rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-xs">
          <dt className="flex items-center gap-1.5 text-xs font-medium uppercase tracking-wide text-slate-500">
            <span aria-hidden className="h-2 w-2 rounded-full" style={{ background: FIGURE_META[f].color }} />
            {FIGURE_META[f].label}
          </dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums tracking-tight text-slate-900" data-figure={f}>
            {figureValue(f, totals[f])}
          </dd>
        </div>
      ))}
    </dl>
  );
}
