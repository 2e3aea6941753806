import Link from "next/link";
import { ANALYTICS_PERIODS, type AnalyticsPeriod } from "./analytics-period";

const PERIOD_IDS = Object.keys(ANALYTICS_PERIODS) as AnalyticsPeriod[];
const itemClass = (active: boolean) =>
  `rounded-md px-2.5 py-1.5 whitespace-nowrap transition focus-visible:outline-2 focus-visible:outline-indigo-600 sm:px-3 ${
    active ? "bg-white text-slate-900 shadow-xs" : "text-slate-600 hover:text-slate-900"
  }`;

/** The period as links (a page whose URL holds it: shareable, works without script). */
export function PeriodLinks({ current, hrefFor }: { current: AnalyticsPeriod; hrefFor: (period: AnalyticsPeriod) => string }) {
  return (
    <nav aria-label="Period" className="inline-flex rounded-lg bg-slate-100 p-1 text-sm font-medium">
      {PERIOD_IDS.map((p) => (
        <Link key={p} href={hrefFor(p)} aria-current={p === current ? "page" : undefined} className={itemClass(p === current)} scroll={false}>
          {ANALYTICS_PERIODS[p].label}
        </Link>
      ))}
    </nav>
  );
}

/** The period as toggle buttons (a panel inside another page, whose URL stays as it is). */
export function PeriodButtons({ current, onChange, label = "Period" }: { current: AnalyticsPeriod; onChange: (period: AnalyticsPeriod) => void; label?: string }) {
  return (
    <div role="group" aria-label={label} className="inline-flex rounded-lg bg-slate-100 p-1 text-xs font-medium sm:text-sm">
      {PERIOD_IDS.map((p) => (
        <button key={p} type="button" aria-pressed={p === current} onClick={() => onChange(p)} className={itemClass(p === current)}>
          {ANALYTICS_PERIODS[p].label}
        </button>
      ))}
    </div>
  );
}
