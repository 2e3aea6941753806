"use client";
import { useId, useState } from "react";
import type { ReadableRequest } from "./request-messages";

const roleTone: Record<string, string> = {
  system: "bg-violet-50 text-violet-700 ring-violet-200",
  developer: "bg-violet-50 text-violet-700 ring-violet-200",
  user: "bg-sky-50 text-sky-700 ring-sky-200",
  assistant: "bg-emerald-50 text-emerald-700 ring-emerald-200",
};

/** The request as readable messages, with a toggle to the raw JSON body. */
export function RequestView({ readable, rawJson }: { readable: ReadableRequest; rawJson: string | null }) {
  const [raw, setRaw] = useState(readable.messages.length === 0 && rawJson !== null);
  const panelId = useId();
  return (
    <div>
      <div className="flex items-start justify-between gap-3">
        {readable.parameters.length ? (
          <ul className="flex min-w-0 flex-wrap gap-1.5" aria-label="Request parameters">
            {readable.parameters.map(([k, v]) => (
              <li key={k} className="rounded-md bg-slate-100 px-2 py-0.5 font-mono text-xs text-slate-700">
                {k}: <span className="text-slate-900">{v.length > 40 ? `${v.slice(0, 40)}…` : v}</span>
              </li>
            ))}
          </ul>
        ) : (
          <span />
        )}
        {rawJson !== null ? (
          <button
            type="button"
            aria-pressed={raw}
            aria-controls={panelId}
            onClick={() => setRaw((r) => !r)}
            className="shrink-0 rounded-md px-2.5 py-1 text-xs font-semibold text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 aria-pressed:bg-slate-900 aria-pressed:text-white aria-pressed:ring-slate-900"
          >
            Raw JSON
          </button>
        ) : null}
      </div>
      <div id={panelId} className="mt-3">
        {raw && rawJson !== null ? (
          <pre className="max-h-[36rem] overflow-auto rounded-lg bg-slate-900 px-4 py-3 font-mono text-xs leading-5 text-slate-100" tabIndex={0} role="region" aria-label="Raw request JSON">
            <code>{rawJson}</code>
          </pre>
        ) : readable.messages.length ? (
          <ol className="space-y-3" aria-label="Messages">
            {readable.messages.map((m, i) => (
              <li key={i} className="rounded-lg border border-slate-200 bg-slate-50/60">
                <div className="border-b border-slate-200 px-3 py-1.5">
                  <span className={`inline-flex rounded px-1.5 py-0.5 text-[11px] font-semibold uppercase tracking-wide ring-1 ring-inset ${roleTone[m.role] ?? "bg-slate-100 text-slate-700 ring-slate-200"}`}>{m.role}</span>
                </div>
                <p className="max-h-96 overflow-auto whitespace-pre-wrap px-3 py-2.5 font-mono text-[13px] leading-6 text-slate-800 [overflow-wrap:anywhere]">
                  {m.text || <span className="italic text-slate-400">(empty)</span>}
                </p>
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm text-slate-500">No request body was recorded.</p>
        )}
      </div>
    </div>
  );
}
