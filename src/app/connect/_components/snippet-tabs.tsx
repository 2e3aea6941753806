"use client";
import { useId, useRef, useState, type KeyboardEvent } from "react";
import { CodeBlock } from "@/components/captures/code-block";
import type { Snippet } from "./snippets";

/** One SDK's snippets, one tab per language (arrow keys move between tabs). */
export function SnippetTabs({ sdk, snippets }: { sdk: string; snippets: Snippet[] }) {
  const [active, setActive] = useState(0);
  const base = useId();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (e: KeyboardEvent) => {
    const delta = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    if (!delta) return;
    e.preventDefault();
    const next = (active + delta + snippets.length) % snippets.length;
    setActive(next);
    tabs.current[next]?.focus();
  };
  return (
    <div>
      <div role="tablist" aria-label={`${sdk} language`} className="mb-3 inline-flex rounded-lg bg-slate-100 p-1" onKeyDown={onKeyDown}>
        {snippets.map((s, i) => (
          <button
            key={s.language}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${i}`}
            aria-selected={i === active}
            aria-controls={`${base}-panel-${i}`}
            tabIndex={i === active ? 0 : -1}
            onClick={() => setActive(i)}
            className="rounded-md px-3 py-1 text-sm font-medium text-slate-600 transition hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600 aria-selected:bg-white aria-selected:text-slate-900 aria-selected:shadow-xs"
          >
            {s.language}
          </button>
        ))}
      </div>
      {snippets.map((s, i) => (
        <div key={s.language} role="tabpanel" id={`${base}-panel-${i}`} aria-labelledby={`${base}-tab-${i}`} hidden={i !== active}>
          <CodeBlock title={`${sdk} — ${s.language}`} code={s.code} language={s.language.toLowerCase()} />
        </div>
      ))}
    </div>
  );
}
