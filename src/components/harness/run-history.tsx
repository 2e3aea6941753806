"use client";
import { skipToken, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { DiffView } from "@/components/prompts/diff-view";
import { TimeAgo } from "@/components/ui/date-time";
import { useTRPC } from "@/trpc/react";
import { formatCost } from "./harness-format";
import { RunCompare } from "./run-compare";
import type { RunView } from "./run-types";

export type HistoryVersion = { id: string; number: number; labels: string[]; bodyLocked?: boolean };

/** One line of harness.list: the run, its models with their pass counts and cost. */
type RunListItem = {
  id: string;
  versionId: string;
  versionNumber: number;
  createdAt: Date | string;
  status: string;
  triedCandidate: boolean;
  models: { provider: string; model: string; status: string; costUsd: string | null }[];
  passed: number;
  checked: number;
  failedCells: number;
};

const itemsOf = (data: unknown): RunListItem[] => ((data as { items?: RunListItem[] } | undefined)?.items ?? []);

function describe(item: RunListItem) {
  const known = item.models.map((m) => m.costUsd).filter((c): c is string => c !== null);
  const total = known.reduce((n, c) => n + Number(c), 0);
  // An unknown price is never counted as 0: the total says which part is unknown.
  const cost = !known.length ? "unknown" : known.length < item.models.length ? `${formatCost(total)} + unknown` : formatCost(total);
  return { models: item.models, passed: item.passed, total: item.checked, cost, candidate: item.triedCandidate };
}

const timeLabel = (d: Date | string) => new Date(d).toISOString().slice(0, 19).replace("T", " ");

/** The viewer's runs of one version, newest first: open one, or pick it for a comparison. */
export function RunHistory({ versionId, currentRunId, onOpen }: { versionId: string; currentRunId: string | null; onOpen: (runId: string) => void }) {
  const trpc = useTRPC();
  const list = useQuery(trpc.harness.list.queryOptions({ versionId }));
  const items = itemsOf(list.data);
  if (list.isPending) return <p className="text-sm text-slate-500">Loading your runs…</p>;
  if (list.error) return <p role="alert" className="text-sm text-rose-700">Could not load your runs: {list.error.message}</p>;
  if (!items.length) return <p className="rounded-lg border border-dashed border-slate-300 px-4 py-5 text-center text-sm text-slate-600">No runs of this version yet. Your runs are kept here, visible only to you.</p>;
  return (
    <ul className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white" data-testid="run-history">
      {items.map((item) => {
        const d = describe(item);
        const current = item.id === currentRunId;
        return (
          <li key={item.id} className={`flex flex-wrap items-center justify-between gap-x-4 gap-y-1.5 px-3 py-2.5 text-sm ${current ? "bg-indigo-50/60" : ""}`}>
            <div className="min-w-0 flex-1">
              <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <span className="font-medium text-slate-900">
                  <TimeAgo value={item.createdAt} />
                </span>
                <span className="font-mono text-xs text-slate-500">{timeLabel(item.createdAt)} UTC</span>
                {item.status !== "done" ? <Badge tone="indigo">{item.status}</Badge> : null}
                {d.candidate ? <Badge tone="amber">suggested rewrite</Badge> : null}
                {current ? <Badge>shown</Badge> : null}
              </p>
              <p className="mt-0.5 truncate font-mono text-xs text-slate-500">{d.models.map((m) => m.model).join(" · ")}</p>
            </div>
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1 whitespace-nowrap text-xs text-slate-600">
              {d.total ? (
                <span className={d.passed === d.total ? "text-emerald-700" : "text-rose-700"}>
                  {d.passed}/{d.total} passed
                </span>
              ) : null}
              {item.failedCells ? <span className="text-rose-700">{item.failedCells} failed</span> : null}
              <span className="font-mono">{item.status === "done" ? d.cost : "…"}</span>
              <Button variant="secondary" size="sm" onClick={() => onOpen(item.id)} disabled={current} aria-label={`Open the run of ${timeLabel(item.createdAt)}`}>
                Open
              </Button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Compare two runs: A from this version's runs, B from the runs of any version the viewer can read
 * (the same version compares two runs; another version compares two versions).
 */
export function CompareRuns({ versions, versionId, defaultA }: { versions: HistoryVersion[]; versionId: string; defaultA: string | null }) {
  const trpc = useTRPC();
  const [aId, setAId] = useState<string>("");
  const [bVersionId, setBVersionId] = useState(versionId);
  const [bId, setBId] = useState<string>("");
  const aList = useQuery(trpc.harness.list.queryOptions({ versionId }));
  const bList = useQuery(trpc.harness.list.queryOptions({ versionId: bVersionId }));
  const aItems = itemsOf(aList.data);
  const bItems = itemsOf(bList.data);
  const chosenA = aId || defaultA || aItems[0]?.id || "";
  const chosenB = bId || bItems.find((i) => i.id !== chosenA)?.id || "";
  const [shown, setShown] = useState<{ a: string; b: string } | null>(null);
  const a = useQuery(trpc.harness.get.queryOptions(shown ? { runId: shown.a } : skipToken));
  const b = useQuery(trpc.harness.get.queryOptions(shown ? { runId: shown.b } : skipToken));
  // Runs of two versions: what changed between the bodies they ran (a tried rewrite is shown on its run).
  const otherVersion = a.data && b.data && a.data.versionId !== b.data.versionId;
  const bodyDiff = useQuery(
    trpc.version.diff.queryOptions(otherVersion ? { promptId: a.data!.promptId, from: b.data!.versionNumber, to: a.data!.versionNumber } : skipToken),
  );
  const numberOf = (id: string) => versions.find((v) => v.id === id)?.number;
  const runLabel = (item: RunListItem) => `${timeLabel(item.createdAt)} UTC · ${describe(item).models.length} model${describe(item).models.length === 1 ? "" : "s"}${describe(item).candidate ? " · rewrite" : ""}`;
  const labelFor = (runId: string, vId: string) => {
    const item = [...aItems, ...bItems].find((i) => i.id === runId);
    return `v${numberOf(vId)}${item ? ` · ${timeLabel(item.createdAt)} UTC` : ""}${item && describe(item).candidate ? " · suggested rewrite" : ""}`;
  };
  const readable = versions.filter((v) => !v.bodyLocked);

  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-2">
        <fieldset className="min-w-0 space-y-1.5 rounded-lg border border-slate-200 bg-white p-3">
          <legend className="px-1 text-sm font-semibold text-slate-900">Run A · v{numberOf(versionId)}</legend>
          <label htmlFor="compare-run-a" className="sr-only">
            Run A
          </label>
          <Select id="compare-run-a" value={chosenA} onChange={(e) => setAId(e.target.value)} disabled={!aItems.length} className="py-1.5">
            {aItems.length ? aItems.map((i) => <option key={i.id} value={i.id}>{runLabel(i)}</option>) : <option value="">No runs yet</option>}
          </Select>
        </fieldset>
        <fieldset className="min-w-0 space-y-1.5 rounded-lg border border-slate-200 bg-white p-3">
          <legend className="px-1 text-sm font-semibold text-slate-900">Run B</legend>
          <div className="grid grid-cols-[5.5rem_minmax(0,1fr)] gap-2">
            <label htmlFor="compare-version-b" className="sr-only">
              Version of run B
            </label>
            <Select
              id="compare-version-b"
              value={bVersionId}
              onChange={(e) => {
                setBVersionId(e.target.value);
                setBId("");
              }}
              className="py-1.5"
            >
              {readable.map((v) => (
                <option key={v.id} value={v.id}>
                  v{v.number}
                </option>
              ))}
            </Select>
            <label htmlFor="compare-run-b" className="sr-only">
              Run B
            </label>
            <Select id="compare-run-b" value={chosenB} onChange={(e) => setBId(e.target.value)} disabled={!bItems.length} className="py-1.5">
              {bItems.length ? bItems.map((i) => <option key={i.id} value={i.id}>{runLabel(i)}</option>) : <option value="">No runs of this version</option>}
            </Select>
          </div>
        </fieldset>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" onClick={() => setShown({ a: chosenA, b: chosenB })} disabled={!chosenA || !chosenB || chosenA === chosenB}>
          Compare runs
        </Button>
        {chosenA && chosenA === chosenB ? <p className="text-sm text-slate-500">Pick two different runs.</p> : null}
        {!bItems.length && !bList.isPending ? <p className="text-sm text-slate-500">Run v{numberOf(bVersionId)} first to compare it.</p> : null}
      </div>
      {shown ? (
        a.error || b.error ? (
          <p role="alert" className="text-sm text-rose-700">
            Could not load a run: {(a.error ?? b.error)?.message}
          </p>
        ) : a.data && b.data ? (
          <div className="space-y-4">
            {otherVersion && bodyDiff.data && !bodyDiff.data.bodyLocked ? (
              <DiffView diff={bodyDiff.data} fromLabel={`v${b.data.versionNumber} (run B)`} toLabel={`v${a.data.versionNumber} (run A)`} />
            ) : null}
            {a.data.candidateBody || b.data.candidateBody ? (
              <p className="text-sm text-amber-800">Run {a.data.candidateBody ? "A" : "B"}{a.data.candidateBody && b.data.candidateBody ? " and run B" : ""} tried a suggested rewrite rather than the version&apos;s own body.</p>
            ) : null}
            <RunCompare
              a={{ run: a.data as unknown as RunView, label: labelFor(shown.a, (a.data as unknown as RunView).versionId) }}
              b={{ run: b.data as unknown as RunView, label: labelFor(shown.b, (b.data as unknown as RunView).versionId) }}
            />
          </div>
        ) : (
          <p className="text-sm text-slate-500">Loading the two runs…</p>
        )
      ) : null}
    </div>
  );
}
