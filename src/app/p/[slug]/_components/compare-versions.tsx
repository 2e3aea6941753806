"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { DiffView } from "@/components/prompts/diff-view";
import { LockIcon } from "@/components/ui/icons";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { useTRPC } from "@/trpc/react";

type VersionOption = { number: number; changelog: string; labels: string[] };

/** Two version pickers and the unified diff between them (previous vs latest by default). */
export function CompareVersions({ promptId, versions }: { promptId: string; versions: VersionOption[] }) {
  const trpc = useTRPC();
  const latest = versions[0]?.number ?? 1;
  const [from, setFrom] = useState(Math.max(1, latest - 1));
  const [to, setTo] = useState(latest);
  const diff = useQuery({ ...trpc.version.diff.queryOptions({ promptId, from, to }), enabled: versions.length > 1, placeholderData: keepPreviousData });

  if (versions.length < 2) {
    return <p className="mt-3 rounded-xl border border-dashed border-slate-300 bg-white/60 px-4 py-6 text-center text-sm text-slate-600">There is only one version so far. Once a v2 exists you can compare versions here.</p>;
  }

  const options = versions.map((v) => (
    <option key={v.number} value={v.number}>
      v{v.number}
      {v.labels.length ? ` (${v.labels.join(", ")})` : ""}
    </option>
  ));
  const toChangelog = versions.find((v) => v.number === to)?.changelog;

  return (
    <div className="mt-3 space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-full sm:w-52">
          <Field label="From" htmlFor="compare-from">
            <Select id="compare-from" value={from} onChange={(e) => setFrom(Number(e.target.value))}>
              {options}
            </Select>
          </Field>
        </div>
        <div className="w-full sm:w-52">
          <Field label="To" htmlFor="compare-to">
            <Select id="compare-to" value={to} onChange={(e) => setTo(Number(e.target.value))}>
              {options}
            </Select>
          </Field>
        </div>
        <Button
          variant="ghost"
          onClick={() => {
            setFrom(to);
            setTo(from);
          }}
        >
          <span aria-hidden>⇄</span> Swap
        </Button>
      </div>

      {from === to ? <p className="text-sm text-slate-500">Pick two different versions to see what changed.</p> : null}
      {toChangelog && from !== to ? (
        <p className="text-sm text-slate-600">
          <span className="font-medium text-slate-800">v{to} changelog:</span> {toChangelog}
        </p>
      ) : null}

      <div aria-live="polite" aria-busy={diff.isFetching} className={diff.isFetching && diff.data ? "opacity-60 transition-opacity" : ""}>
        {diff.error ? (
          <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-inset ring-rose-200">
            Could not load the diff: {diff.error.message}
          </p>
        ) : diff.data?.bodyLocked ? (
          <p className="flex items-center gap-2 rounded-lg border border-dashed border-slate-300 bg-slate-50 px-4 py-4 text-sm text-slate-600">
            <LockIcon className="shrink-0 text-amber-600" />
            Comparing v{diff.data.from.number} and v{diff.data.to.number} needs a license that covers both versions.
          </p>
        ) : diff.data ? (
          <DiffView key={`${diff.data.from.number}-${diff.data.to.number}`} diff={diff.data} fromLabel={`v${diff.data.from.number}`} toLabel={`v${diff.data.to.number}`} />
        ) : (
          <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" aria-label="Loading diff">
            {[70, 90, 55, 80].map((w) => (
              <div key={w} className="h-3 animate-pulse rounded bg-slate-200" style={{ width: `${w}%` }} />
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
