import { CopyButton } from "@/components/ui/copy-button";

/** A dark code panel with a title bar and a copy button (announced to screen readers). */
export function CodeBlock({ title, code, language }: { title: string; code: string; language?: string }) {
  return (
    <figure className="overflow-hidden rounded-xl border border-slate-800 bg-slate-900">
      <figcaption className="flex items-center justify-between gap-3 border-b border-slate-800 px-4 py-2">
        <span className="text-xs font-semibold uppercase tracking-wide text-slate-400">{title}</span>
        <CopyButton text={code} onDark accessibleName={`Copy ${title}`} announcement={`${title} copied to clipboard`} />
      </figcaption>
      <pre className="overflow-x-auto px-4 py-3 font-mono text-[13px] leading-6 text-slate-100" tabIndex={0} role="region" aria-label={`${title} code`}>
        <code data-language={language}>{code}</code>
      </pre>
    </figure>
  );
}
