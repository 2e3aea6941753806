import { segmentBody } from "@/shared/prompts/variables";

/** A prompt body in monospace, with each `{{variable}}` slot highlighted. */
export function HighlightedBody({ body, className = "", label }: { body: string; className?: string; label?: string }) {
  return (
    <pre
      aria-label={label}
      className={`overflow-x-auto whitespace-pre-wrap [overflow-wrap:anywhere] rounded-lg border border-slate-200 bg-slate-50 p-4 font-mono text-[13px] leading-relaxed text-slate-800 ${className}`}
    >
      {segmentBody(body).map((segment, i) =>
        segment.kind === "variable" ? (
          <mark key={i} className="rounded bg-indigo-100 px-0.5 font-semibold text-indigo-800 ring-1 ring-inset ring-indigo-200" title={`Variable: ${segment.name}`}>
            {segment.value}
          </mark>
        ) : (
          <span key={i}>{segment.value}</span>
        ),
      )}
    </pre>
  );
}
