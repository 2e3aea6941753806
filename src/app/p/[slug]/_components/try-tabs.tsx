"use client";
import { useRef, type KeyboardEvent } from "react";
import { TRY_TABS, type TryTab } from "./try-tab-ids";

/** "Render" fills the variables; "Test" runs the prompt on models. Arrow keys move between them. */
export function TryTabs({ active, onChange }: { active: TryTab; onChange: (tab: TryTab) => void }) {
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const index = TRY_TABS.findIndex((t) => t.id === active);
  const onKeyDown = (e: KeyboardEvent) => {
    const delta = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    if (!delta) return;
    e.preventDefault();
    const next = (index + delta + TRY_TABS.length) % TRY_TABS.length;
    onChange(TRY_TABS[next].id);
    tabs.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label="Try it" className="inline-flex rounded-lg bg-slate-100 p-1" onKeyDown={onKeyDown}>
      {TRY_TABS.map((t, i) => (
        <button
          key={t.id}
          ref={(el) => {
            tabs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`try-tab-${t.id}`}
          aria-selected={t.id === active}
          aria-controls={`try-panel-${t.id}`}
          tabIndex={t.id === active ? 0 : -1}
          onClick={() => onChange(t.id)}
          className="rounded-md px-3 py-1 text-sm font-medium text-slate-600 transition hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600 aria-selected:bg-white aria-selected:text-slate-900 aria-selected:shadow-xs"
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
