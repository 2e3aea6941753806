"use client";
// The seller's "Evidence" section of their listing panel: their runs and batches of this prompt,
// newest first, each with what it showed; attach the ones buyers should see, detach the rest.
// The page's buyer-view panel is server-rendered, so a change refreshes the page.
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { plural } from "@/components/ui/plural";
import { useTRPC } from "@/trpc/react";
import { formatPassRate, passTone } from "./evidence-format";
import type { EvidenceCandidate } from "./evidence-types";

const SHOWN = 6;

export function EvidenceManager({ listingId }: { listingId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const headingId = useId();
  const [showAll, setShowAll] = useState(false);
  const candidates = useQuery(trpc.harness.evidenceCandidates.queryOptions({ listingId }));
  const onChanged = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.harness.evidenceCandidates.queryKey({ listingId }) });
    router.refresh();
  };
  const attach = useMutation(trpc.harness.attachEvidence.mutationOptions({ onSuccess: onChanged }));
  const detach = useMutation(trpc.harness.detachEvidence.mutationOptions({ onSuccess: onChanged }));
  const error = attach.error ?? detach.error;
  const busyId = attach.isPending ? (attach.variables?.runId ?? attach.variables?.batchId) : detach.isPending ? (detach.variables?.runId ?? detach.variables?.batchId) : null;

  const items = candidates.data?.items ?? [];
  const attachedCount = items.filter((i) => i.attached).length;
  // Attached ones first, so the seller sees what buyers see without scrolling.
  const ordered = [...items].sort((a, b) => Number(b.attached) - Number(a.attached));
  const shown = showAll ? ordered : ordered.slice(0, SHOWN);

  function toggle(item: EvidenceCandidate) {
    attach.reset();
    detach.reset();
    const ref = item.kind === "run" ? { listingId, runId: item.id } : { listingId, batchId: item.id };
    if (item.attached) detach.mutate(ref);
    else attach.mutate(ref);
  }

  return (
    <section aria-labelledby={headingId} className="p-4 sm:p-5" data-testid="evidence-manager">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={headingId} className="text-base font-semibold text-slate-900">
          Evidence
        </h3>
        {items.length ? (
          <span className="text-xs text-slate-500 tabular-nums">
            {attachedCount} of at most {candidates.data?.maxAttached} shown to buyers
            {attachedCount ? (
              <>
                {" · "}
                <a href="#evidence" className="font-medium text-indigo-600 hover:text-indigo-800">
                  See it as buyers do
                </a>
              </>
            ) : null}
          </span>
        ) : null}
      </div>
      <p className="mt-1 text-sm text-slate-600">
        Show buyers how this prompt did in your test runs: models, pass rates, median cost and latency, and a few outputs. Never the prompt text or your variables.
      </p>

      {candidates.isPending ? (
        <p className="mt-3 text-sm text-slate-500">Loading your runs…</p>
      ) : candidates.error ? (
        <Alert tone="error" title="Could not load your runs" className="mt-3">
          {candidates.error.message}
        </Alert>
      ) : !items.length ? (
        <p className="mt-3 rounded-lg bg-slate-50 px-3 py-2.5 text-sm text-slate-600 ring-1 ring-inset ring-slate-200">
          No runs yet. Open the <strong className="font-semibold text-slate-800">Test</strong> tab of this prompt, run it against a few models with assertions, then attach the run here.
        </p>
      ) : (
        <ul className="mt-3 space-y-2">
          {shown.map((item) => (
            <li
              key={`${item.kind}-${item.id}`}
              data-testid="evidence-candidate"
              data-attached={item.attached}
              className={`flex flex-col gap-2 rounded-lg px-3 py-2.5 ring-1 ring-inset sm:flex-row sm:items-center sm:justify-between ${item.attached ? "bg-indigo-50/60 ring-indigo-200" : "ring-slate-200"}`}
            >
              <div className="min-w-0 text-sm">
                <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  <span className="font-medium text-slate-900">{item.kind === "run" ? "Run" : `Batch of ${plural(item.rows, "row")}`}</span>
                  <Badge tone={item.isCurrentVersion ? "emerald" : "slate"}>v{item.versionNumber}{item.isCurrentVersion ? " · current" : ""}</Badge>
                  {item.attached ? <Badge tone="indigo">Shown to buyers</Badge> : null}
                  <span className="text-xs text-slate-500">
                    <DateTime value={item.finishedAt ?? item.createdAt} />
                  </span>
                </p>
                <p className="mt-1 text-xs text-slate-600 [overflow-wrap:anywhere]">
                  {item.models.slice(0, 4).join(", ")}
                  {item.models.length > 4 ? ` +${item.models.length - 4}` : ""}
                </p>
                <p className="mt-0.5 text-xs text-slate-500 tabular-nums">
                  {plural(item.cells, "call")}
                  {item.errors ? <span className="text-rose-700"> · {plural(item.errors, "error")}</span> : null} ·{" "}
                  <span className={`font-semibold ${passTone(item.passRate).text}`}>{item.passRate === null ? "no checks" : `${formatPassRate(item.passRate)} pass`}</span>
                  {item.cannotAttachReason ? <span className="text-amber-800"> · {item.cannotAttachReason}</span> : null}
                </p>
              </div>
              <Button
                size="sm"
                variant={item.attached ? "secondary" : "primary"}
                className="shrink-0 self-start sm:self-auto"
                disabled={busyId !== null || (!item.attached && item.cannotAttachReason !== null)}
                onClick={() => toggle(item)}
                aria-label={`${item.attached ? "Detach" : "Attach"} ${item.kind} of v${item.versionNumber}`}
              >
                {busyId === item.id ? (item.attached ? "Detaching…" : "Attaching…") : item.attached ? "Detach" : "Attach"}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {ordered.length > SHOWN ? (
        <button type="button" onClick={() => setShowAll((s) => !s)} className="mt-2 text-sm font-medium text-indigo-600 hover:text-indigo-800">
          {showAll ? "Show fewer" : `Show all ${ordered.length}`}
        </button>
      ) : null}
      {error ? (
        <Alert tone="error" title="Could not change the evidence" className="mt-3">
          {error.message}
        </Alert>
      ) : null}
    </section>
  );
}
