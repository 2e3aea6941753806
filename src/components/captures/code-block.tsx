"use client";
import { useCopyToClipboard } from "@/components/ui/use-copy-to-clipboard";

/** A dark code panel with a title bar and a copy button (announced to screen readers). */
export function CodeBlock({ title, code, language }: { title: string; code: string; language?: string }) {
  const { state, copy } = useCopyToClipboard(code);
  return (
    <figure className="overflow-hidden rounded-xl border border-slate-800 bg-slate-900">
      <figcaption className="flex items-center justify-between gap-3 border-b border-slate-800 px-4 py-2">
        <span className="text-xs font-semibold uppercase tracking-wide text-slate-400">{title}</span>
        <button
          type="button"
          onClick={copy}
          aria-label={`Copy ${title}`}
          className="rounded-md px-2.5 py-1 text-xs font-semibold text-slate-300 ring-1 ring-inset ring-slate-700 transition hover:bg-slate-800 hover:text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-400"
        >
          {state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : "Copy"}
        </button>
        <span role="status" className="sr-only">
          {state === "copied" ? `${title} copied to clipboard` : state === "failed" ? "Could not copy; select the text and copy it by hand" : ""}
        </span>
      </figcaption>
      <pre className="overflow-x-auto px-4 py-3 font-mono text-[13px] leading-6 text-slate-100" tabIndex={0} role="region" aria-label={`${title} code`}>
        <code data-language={language}>{code}</code>
      </pre>
    </figure>
  );
}
