/** License terms behind a disclosure: the summary line says what it is, the text opens on request. */
export function TermsDisclosure({ terms, className = "", summary = "License terms" }: { terms: string; className?: string; summary?: string }) {
  return (
    <details className={`group rounded-lg bg-slate-50 ring-1 ring-inset ring-slate-200 ${className}`}>
      <summary className="flex cursor-pointer list-none items-center justify-between gap-2 rounded-lg px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600 [&::-webkit-details-marker]:hidden">
        {summary}
        <span aria-hidden className="text-slate-400 transition group-open:rotate-90">
          ›
        </span>
      </summary>
      <p className="whitespace-pre-wrap border-t border-slate-200 px-3 py-2.5 text-sm leading-relaxed text-slate-700">{terms}</p>
    </details>
  );
}
