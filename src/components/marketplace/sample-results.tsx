import { Card } from "@/components/ui/card";

/** Example outputs the seller shows everyone: the first is open (unless told otherwise), the rest open on request. */
export function SampleResults({ samples, openFirst = true }: { samples: { title: string; output: string }[]; openFirst?: boolean }) {
  return (
    <Card>
      <section aria-label="Sample results" className="p-5">
        <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-500">Sample results</h3>
        <p className="mt-1 text-xs text-slate-500">What the prompt produced for the seller. Anyone can see these.</p>
        <ul className="mt-3 space-y-2">
          {samples.map((s, i) => (
            <li key={i}>
              <details open={openFirst && i === 0} className="group rounded-lg ring-1 ring-inset ring-slate-200">
                <summary className="flex cursor-pointer list-none items-center justify-between gap-2 rounded-lg px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600 [&::-webkit-details-marker]:hidden">
                  <span className="min-w-0 truncate">{s.title || `Sample ${i + 1}`}</span>
                  <span aria-hidden className="text-slate-400 transition group-open:rotate-90">
                    ›
                  </span>
                </summary>
                <pre className="max-h-56 overflow-auto whitespace-pre-wrap border-t border-slate-100 px-3 py-2.5 font-sans text-sm leading-relaxed text-slate-700 [overflow-wrap:anywhere]">
                  {s.output}
                </pre>
              </details>
            </li>
          ))}
        </ul>
      </section>
    </Card>
  );
}
