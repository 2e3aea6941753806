// A hand-drawn bar chart of a seller's days: gross (light) with net (dark) over it, refunds below the
// line. The bars are one SVG stretched to the width; the axis labels are HTML placed on the same
// scale, so they stay legible at any width.
import { minorDigits } from "@/shared/money/currencies";
import { formatMoney } from "@/shared/money/format-money";

type Day = { day: string; salesCount: number; grossCents: number; platformFeeCents: number; refundsCents: number; netCents: number };

const HEIGHT = 200; // SVG units; the plot is drawn at this height
const SLOT = 10; // SVG units per day
const dayLabel = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const fullDay = new Intl.DateTimeFormat("en-US", { weekday: "short", month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
const labelOf = (day: string) => dayLabel.format(new Date(`${day}T00:00:00Z`));

/** 1, 2, 2.5, 5 × 10ⁿ: the smallest "round" step that covers `max` in about `count` steps. */
function niceStep(max: number, count: number) {
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
}

function axisMoney(minor: number, currency: string) {
  const major = minor / 10 ** minorDigits(currency);
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase(), notation: "compact", maximumFractionDigits: Math.abs(major) < 10 && major % 1 ? 1 : 0 }).format(major);
}

export function SalesChart({ days, currency, title }: { days: Day[]; currency: string; title: string }) {
  const n = Math.max(days.length, 1);
  const width = n * SLOT;
  const unit = 10 ** minorDigits(currency); // one major unit in minor units: the smallest axis step
  const maxGross = Math.max(0, ...days.map((d) => d.grossCents));
  const maxRefund = Math.max(0, ...days.map((d) => d.refundsCents));
  const step = Math.max(unit, niceStep(Math.max(maxGross, maxRefund, unit), 4));
  const top = Math.max(step, Math.ceil(maxGross / step) * step);
  const bottom = maxRefund ? Math.ceil(maxRefund / step) * step : 0;
  const span = top + bottom;
  const y = (minor: number) => ((top - minor) / span) * HEIGHT;
  const pct = (minor: number) => (y(minor) / HEIGHT) * 100;
  const ticks: number[] = [];
  for (let v = -bottom; v <= top + 1e-9; v += step) ticks.push(v);
  // Label about six days (three on phones), always including the first and the last.
  const labelsEvery = (count: number) => {
    const every = Math.max(1, Math.ceil(n / count));
    return days.map((_, i) => i === n - 1 || (i % every === 0 && n - 1 - i >= Math.ceil(every * 0.6)));
  };
  const wide = labelsEvery(6);
  const narrow = labelsEvery(3);
  const total = days.reduce((a, d) => ({ gross: a.gross + d.grossCents, net: a.net + d.netCents, sales: a.sales + d.salesCount }), { gross: 0, net: 0, sales: 0 });
  const empty = total.sales === 0 && maxRefund === 0;
  const titleId = `sales-chart-title-${days[0]?.day ?? "none"}`;

  return (
    <figure className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs sm:p-5">
      <figcaption className="flex flex-wrap items-center justify-between gap-x-6 gap-y-2">
        <span className="text-sm font-semibold text-slate-900">{title}</span>
        <ul className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600" aria-label="Legend">
          <li className="inline-flex items-center gap-1.5">
            <span aria-hidden className="h-2.5 w-2.5 rounded-sm bg-indigo-200" />
            Gross
          </li>
          <li className="inline-flex items-center gap-1.5">
            <span aria-hidden className="h-2.5 w-2.5 rounded-sm bg-indigo-600" />
            Net (after fee and refunds)
          </li>
          <li className="inline-flex items-center gap-1.5">
            <span aria-hidden className="h-2.5 w-2.5 rounded-sm bg-rose-400" />
            Refunds
          </li>
        </ul>
      </figcaption>

      <div className="mt-4 flex gap-2">
        {/* y axis */}
        <div aria-hidden className="relative h-48 w-12 shrink-0 text-right text-[11px] tabular-nums text-slate-500 sm:w-14">
          {ticks.map((t) => (
            <span key={t} className="absolute right-0 -translate-y-1/2 leading-none" style={{ top: `${pct(t)}%` }}>
              {t < 0 ? "−" : ""}
              {axisMoney(Math.abs(t), currency)}
            </span>
          ))}
        </div>
        <div className="min-w-0 flex-1">
          <div className="relative h-48">
            <svg
              viewBox={`0 0 ${width} ${HEIGHT}`}
              preserveAspectRatio="none"
              className="absolute inset-0 h-full w-full overflow-visible"
              role="img"
              aria-labelledby={titleId}
            >
              <title id={titleId}>
                {`${title}: ${total.sales} ${total.sales === 1 ? "sale" : "sales"}, gross ${formatMoney(total.gross, currency)}, net ${formatMoney(total.net, currency)}. The table below lists every day.`}
              </title>
              {ticks.map((t) => (
                <line key={t} x1={0} x2={width} y1={y(t)} y2={y(t)} className={t === 0 ? "stroke-slate-400" : "stroke-slate-200"} strokeWidth={1} vectorEffect="non-scaling-stroke" strokeDasharray={t === 0 ? undefined : "3 3"} />
              ))}
              {days.map((d, i) => {
                const x = i * SLOT + SLOT * 0.15;
                const w = SLOT * 0.7;
                return (
                  <g key={d.day}>
                    <title>{`${labelOf(d.day)}: ${d.salesCount} ${d.salesCount === 1 ? "sale" : "sales"}, gross ${formatMoney(d.grossCents, currency)}, net ${formatMoney(d.netCents, currency)}${d.refundsCents ? `, refunds ${formatMoney(d.refundsCents, currency)}` : ""}`}</title>
                    {/* An invisible full-height target so the tooltip works on empty days too. */}
                    <rect x={i * SLOT} y={0} width={SLOT} height={HEIGHT} className="fill-transparent hover:fill-slate-100/70" />
                    {d.grossCents > 0 ? <rect x={x} y={y(d.grossCents)} width={w} height={y(0) - y(d.grossCents)} className="fill-indigo-200" /> : null}
                    {d.netCents > 0 ? <rect x={x} y={y(d.netCents)} width={w} height={y(0) - y(d.netCents)} className="fill-indigo-600" /> : null}
                    {d.refundsCents > 0 ? <rect x={x} y={y(0)} width={w} height={y(-d.refundsCents) - y(0)} className="fill-rose-400" /> : null}
                  </g>
                );
              })}
            </svg>
            {empty ? (
              <p className="absolute inset-x-0 top-1/3 text-center text-sm text-slate-500">No sales in this period</p>
            ) : null}
          </div>
          {/* x axis */}
          <div aria-hidden className="relative mt-1.5 h-4 text-[11px] text-slate-500">
            {days.map((d, i) =>
              wide[i] || narrow[i] ? (
                <span
                  key={d.day}
                  className={`absolute whitespace-nowrap ${i === 0 ? "" : i === n - 1 ? "-translate-x-full" : "-translate-x-1/2"} ${narrow[i] ? "" : "hidden sm:block"} ${wide[i] ? "" : "sm:hidden"}`}
                  style={{ left: i === 0 ? 0 : i === n - 1 ? "100%" : `${((i + 0.5) / n) * 100}%` }}
                >
                  {labelOf(d.day)}
                </span>
              ) : null,
            )}
          </div>
        </div>
      </div>

      <details className="mt-4 text-sm">
        <summary className="cursor-pointer text-xs font-medium text-indigo-600 hover:text-indigo-800">Show the numbers as a table</summary>
        <div className="mt-2 max-h-72 overflow-auto rounded-lg ring-1 ring-slate-200">
          <table className="w-full text-xs tabular-nums">
            <caption className="sr-only">{title}, per day</caption>
            <thead className="sticky top-0 bg-slate-50 text-left text-slate-500">
              <tr>
                <th scope="col" className="px-3 py-1.5 font-medium">Day</th>
                <th scope="col" className="px-3 py-1.5 text-right font-medium">Sales</th>
                <th scope="col" className="px-3 py-1.5 text-right font-medium">Gross</th>
                <th scope="col" className="px-3 py-1.5 text-right font-medium">Refunds</th>
                <th scope="col" className="px-3 py-1.5 text-right font-medium">Net</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {[...days].reverse().map((d) => (
                <tr key={d.day} className={d.salesCount || d.refundsCents ? "text-slate-900" : "text-slate-400"}>
                  <th scope="row" className="px-3 py-1.5 text-left font-normal">
                    {fullDay.format(new Date(`${d.day}T00:00:00Z`))}
                  </th>
                  <td className="px-3 py-1.5 text-right">{d.salesCount}</td>
                  <td className="px-3 py-1.5 text-right">{formatMoney(d.grossCents, currency)}</td>
                  <td className="px-3 py-1.5 text-right">{formatMoney(d.refundsCents, currency)}</td>
                  <td className="px-3 py-1.5 text-right">{formatMoney(d.netCents, currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
