import Link from "next/link";

export type CapturesSection = "calls" | "detected" | "templates";

const SECTIONS: { id: CapturesSection; label: string; href: string }[] = [
  { id: "calls", label: "All calls", href: "/captures" },
  { id: "detected", label: "Detected", href: "/captures/detected" },
  { id: "templates", label: "Templates", href: "/captures/templates" },
];

/**
 * The Captures sub-navigation: every call, the Detected inbox (prompts not in the library yet) and
 * the templates induced from them. `inbox` shows how many detected prompts wait, when known.
 */
export function CapturesNav({ active, inbox, className = "mt-6" }: { active: CapturesSection; inbox?: number; className?: string }) {
  return (
    <nav aria-label="Captures" className={`${className} border-b border-slate-200`}>
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {SECTIONS.map((s) => {
          const current = s.id === active;
          return (
            <li key={s.id} className="shrink-0">
              <Link
                href={s.href}
                aria-current={current ? "page" : undefined}
                className={`inline-flex items-center gap-2 border-b-2 px-3 py-2 text-sm font-medium transition focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-indigo-600 ${
                  current ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
                }`}
              >
                {s.label}
                {s.id === "detected" && inbox ? (
                  <span className="rounded-full bg-indigo-100 px-1.5 py-px text-xs font-semibold tabular-nums text-indigo-700">
                    {inbox}
                    <span className="sr-only"> waiting</span>
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
