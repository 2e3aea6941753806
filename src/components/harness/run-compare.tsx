"use client";
import { RunCell, RunSummary } from "./run-columns";
import { modelKey, type CellView, type RunView } from "./run-types";

type Side = { run: RunView; label: string };

/**
 * Two runs side by side, one row per model: run A's cell next to run B's. A model only one run
 * asked for gets an empty place on the other side. On phones the two stack, A above B.
 */
export function RunCompare({ a, b }: { a: Side; b: Side }) {
  const keys: string[] = [];
  for (const c of [...a.run.results, ...b.run.results].sort((x, y) => x.position - y.position)) {
    if (!keys.includes(modelKey(c))) keys.push(modelKey(c));
  }
  const find = (run: RunView, key: string) => run.results.find((c) => modelKey(c) === key);
  return (
    <div className="space-y-3" data-testid="run-compare">
      <div className="grid gap-3 sm:grid-cols-2">
        {[a, b].map((side, i) => (
          <div key={i} className="rounded-lg border border-slate-200 bg-white px-3 py-2">
            <p className="text-xs font-semibold uppercase tracking-wide text-indigo-700">Run {i === 0 ? "A" : "B"}</p>
            <p className="text-sm font-medium text-slate-900">{side.label}</p>
            <RunSummary cells={side.run.results} />
          </div>
        ))}
      </div>
      {keys.map((key) => (
        <div key={key} className="space-y-1.5">
          <h4 className="break-all font-mono text-xs font-semibold text-slate-600">{key}</h4>
          <div className="grid gap-3 sm:grid-cols-2">
            <Place cell={find(a.run, key)} label="A" />
            <Place cell={find(b.run, key)} label="B" />
          </div>
        </div>
      ))}
    </div>
  );
}

function Place({ cell, label }: { cell: CellView | undefined; label: string }) {
  if (!cell)
    return (
      <p className="flex min-h-24 items-center justify-center rounded-xl border border-dashed border-slate-300 bg-slate-50 px-3 text-center text-sm text-slate-500">
        Run {label} did not use this model.
      </p>
    );
  return <RunCell cell={cell} label={`Run ${label}`} compact />;
}
