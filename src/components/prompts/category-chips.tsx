import Link from "next/link";
import { CATEGORIES } from "@/shared/prompts/categories";

const chip = "inline-flex items-center rounded-full px-3 py-1 text-sm font-medium ring-1 ring-inset transition focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600";
const idle = "bg-white text-slate-700 ring-slate-200 hover:bg-slate-50 hover:ring-slate-300";
const active = "bg-indigo-600 text-white ring-indigo-600";

/** Category filter links. `hrefFor(null)` is the "All" chip; it is shown when `showAll` is set. */
export function CategoryChips({
  activeCategory,
  hrefFor,
  showAll = false,
  label = "Categories",
}: {
  activeCategory?: string | null;
  hrefFor: (category: string | null) => string;
  showAll?: boolean;
  label?: string;
}) {
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-2">
        {showAll ? (
          <li>
            <Link href={hrefFor(null)} className={`${chip} ${activeCategory ? idle : active}`} aria-current={activeCategory ? undefined : "page"}>
              All
            </Link>
          </li>
        ) : null}
        {Object.entries(CATEGORIES).map(([slug, label]) => (
          <li key={slug}>
            <Link href={hrefFor(slug)} className={`${chip} ${activeCategory === slug ? active : idle}`} aria-current={activeCategory === slug ? "page" : undefined}>
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
