// The trending window picker (Today / This week / This month) of Home's Trending section and of
// Explore's trending sort: links, so it works without JavaScript and each window has its own URL
// (the page cache keeps each). The current one is marked for assistive technology.
import Link from "next/link";
import { TRENDING_WINDOWS, TRENDING_WINDOW_LABELS, type TrendingWindow } from "@/shared/prompts/trending-windows";

export function TrendingWindowPicker({ current, hrefFor, label = "Trending over" }: { current: TrendingWindow; hrefFor: (window: TrendingWindow) => string; label?: string }) {
  return (
    <nav aria-label={label}>
      <ul className="inline-flex rounded-lg bg-slate-100 p-0.5 ring-1 ring-inset ring-slate-200">
        {TRENDING_WINDOWS.map((w) => {
          const on = w === current;
          return (
            <li key={w}>
              <Link
                href={hrefFor(w)}
                scroll={false}
                aria-current={on ? "true" : undefined}
                className={`block rounded-md px-3 py-1 text-sm font-medium transition focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600 ${
                  on ? "bg-white text-slate-900 shadow-xs ring-1 ring-slate-200" : "text-slate-600 hover:text-slate-900"
                }`}
              >
                {TRENDING_WINDOW_LABELS[w]}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
