import { segmentBody } from "@/shared/prompts/variables";

/** The body with its `{{variables}}` highlighted. */
export function BodyPreview({ body }: { body: string }) {
  if (!body.trim()) {
    return <p className="px-4 py-6 text-center text-sm text-slate-500">The preview appears here as you write.</p>;
  }
  return (
    <pre className="max-h-[28rem] overflow-auto whitespace-pre-wrap break-words px-4 py-3 font-mono text-[13px] leading-6 text-slate-800">
      {segmentBody(body).map((segment, i) =>
        segment.kind === "variable" ? (
          <mark key={i} className="rounded bg-indigo-100 px-0.5 text-indigo-800 ring-1 ring-inset ring-indigo-200">
            {segment.value}
          </mark>
        ) : (
          <span key={i}>{segment.value}</span>
        ),
      )}
    </pre>
  );
}
