"use client";
// A row of tabs (WAI-ARIA tabs pattern): one is selected, arrow keys move between them and only the
// selected one is in the tab order. Tab i controls the panel with id `${idBase}-panel-${id}`.
import { useRef, type KeyboardEvent } from "react";

export type TabItem<Id extends string> = { id: Id; label: string };

export function TabList<Id extends string>({
  label,
  tabs,
  active,
  onChange,
  idBase,
  className = "",
}: {
  label: string;
  tabs: readonly TabItem<Id>[];
  active: Id;
  onChange: (id: Id) => void;
  idBase: string;
  className?: string;
}) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const index = tabs.findIndex((t) => t.id === active);
  const onKeyDown = (e: KeyboardEvent) => {
    const delta = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    if (!delta) return;
    e.preventDefault();
    const next = (index + delta + tabs.length) % tabs.length;
    onChange(tabs[next].id);
    buttons.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className={`inline-flex rounded-lg bg-slate-100 p-1 ${className}`} onKeyDown={onKeyDown}>
      {tabs.map((t, i) => (
        <button
          key={t.id}
          ref={(el) => {
            buttons.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`${idBase}-tab-${t.id}`}
          aria-selected={t.id === active}
          aria-controls={`${idBase}-panel-${t.id}`}
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
