import { segmentBody } from "@/shared/prompts/variables";

/** A template's shell in a line or two (whitespace collapsed), its {{variables}} highlighted. */
export function ShellPreview({ shell, className = "" }: { shell: string; className?: string }) {
  const flat = shell.replace(/\s+/g, " ").trim();
  return (
    <span className={`line-clamp-2 font-mono text-[12px] leading-relaxed text-slate-600 [overflow-wrap:anywhere] ${className}`} title={shell}>
      {segmentBody(flat).map((segment, i) =>
        segment.kind === "variable" ? (
          <mark key={i} className="rounded bg-indigo-100 px-0.5 font-semibold text-indigo-800">
            {segment.value}
          </mark>
        ) : (
          <span key={i}>{segment.value}</span>
        ),
      )}
    </span>
  );
}
