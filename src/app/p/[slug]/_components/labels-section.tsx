"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import Link from "next/link";
import { LabelBadge } from "@/components/prompts/label-badges";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";
import { LabelForm, type LabelFormValues } from "./label-form";
import { LabelHistory } from "./label-history";
import { LabelResults } from "./label-results";

type VersionRow = { id: string; number: number; status: string; deprecatedAt: Date | string | null; labels: string[] };

/**
 * A prompt's labels (production, latest and custom ones such as staging), with their A/B splits,
 * what applications fetch through the runtime endpoint, and every move. Those who may move labels
 * set, split and remove them here and see each label's results per version.
 */
export function LabelsSection({ promptId, slug, versions, mayMove }: { promptId: string; slug: string; versions: VersionRow[]; mayMove: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const labels = useQuery(trpc.label.list.queryOptions({ promptId }));
  const [editing, setEditing] = useState<LabelFormValues | null>(null);
  const [resultsOf, setResultsOf] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.label.pathKey() });
  // Promote and publishing move production and latest elsewhere on the page (which then refreshes):
  // read the labels and their history again when the versions' labels change.
  const signature = versions.map((v) => `${v.number}:${v.labels.join(",")}`).join(";");
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: trpc.label.pathKey() });
  }, [signature, queryClient, trpc]);
  const remove = useMutation(
    trpc.label.remove.mutationOptions({
      onSuccess: (r) => {
        setNotice(`${r.name} removed.`);
        void refresh();
      },
    }),
  );
  const live = versions.filter((v) => v.status === "approved" && !v.deprecatedAt).map((v) => ({ id: v.id, number: v.number }));
  const blank: LabelFormValues = { name: "", versionId: live[0]?.id ?? "", splitVersionId: "", splitPercent: "" };

  return (
    <section aria-labelledby="labels-heading" id="labels" className="scroll-mt-20">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="labels-heading" className="text-lg font-semibold text-slate-900">
          Labels
        </h2>
        {mayMove && live.length && !editing ? (
          <Button size="sm" variant="secondary" onClick={() => setEditing(blank)}>
            Add a label
          </Button>
        ) : null}
      </div>
      <p className="mt-1 text-sm text-slate-600">
        Applications fetch a label at run time with <code className="rounded bg-slate-100 px-1 font-mono text-[0.85em]">GET /api/v1/prompts/{slug}?label=…</code> (
        <Link href="/connect#runtime-heading" className="font-medium text-indigo-700 hover:underline">
          how
        </Link>
        ). A split label serves its versions by weight.
      </p>
      <p aria-live="polite" className="empty:hidden mt-3 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-200">
        {notice}
      </p>
      {remove.error ? (
        <p role="alert" className="mt-3 text-sm text-rose-700">
          Could not remove: {remove.error.message}
        </p>
      ) : null}
      {editing ? (
        <div className="mt-3">
          <LabelForm
            key={editing.name || "new"}
            promptId={promptId}
            versions={live}
            initial={editing}
            onDone={(message) => {
              setNotice(message);
              setEditing(null);
              void refresh();
            }}
          />
          <Button size="sm" variant="ghost" className="mt-1" onClick={() => setEditing(null)}>
            Cancel
          </Button>
        </div>
      ) : null}
      {labels.isError ? (
        <p role="alert" className="mt-3 text-sm text-rose-700">
          Could not load the labels: {labels.error.message}
        </p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs" aria-label="Labels">
          {(labels.data ?? []).map((l) => (
            <li key={l.name} className="px-4 py-3">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
                <LabelBadge name={l.name} />
                {l.split ? (
                  <span className="flex flex-1 flex-wrap items-center gap-2 text-sm text-slate-700">
                    <span className="whitespace-nowrap font-mono">
                      v{l.version.number} {100 - l.split.percent}%
                    </span>
                    <span aria-hidden className="flex h-2 w-20 shrink-0 overflow-hidden sm:w-28 rounded-full bg-amber-200">
                      <span className="h-full bg-indigo-500" style={{ width: `${100 - l.split.percent}%` }} />
                    </span>
                    <span className="whitespace-nowrap font-mono">
                      v{l.split.number} {l.split.percent}%
                    </span>
                  </span>
                ) : (
                  <span className="flex-1 font-mono text-sm text-slate-700">v{l.version.number}</span>
                )}
                {l.automatic ? <span className="text-xs text-slate-500">moves to each new approved version</span> : null}
                {mayMove ? (
                  <span className="flex flex-wrap gap-1">
                    <Button size="sm" variant="ghost" aria-expanded={resultsOf === l.name} onClick={() => setResultsOf(resultsOf === l.name ? null : l.name)}>
                      Results<span className="sr-only"> of {l.name}</span>
                    </Button>
                    {!l.automatic ? (
                      <Button
                        size="sm"
                        variant="ghost"
                        onClick={() => setEditing({ name: l.name, versionId: l.version.id, splitVersionId: l.split?.versionId ?? "", splitPercent: l.split ? String(l.split.percent) : "" })}
                      >
                        {l.split ? "Edit split" : "Move or split"}
                        <span className="sr-only"> {l.name}</span>
                      </Button>
                    ) : null}
                    {!l.automatic && l.name !== "production" ? (
                      <Button size="sm" variant="ghost" disabled={remove.isPending} onClick={() => remove.mutate({ promptId, name: l.name })}>
                        Remove<span className="sr-only"> {l.name}</span>
                      </Button>
                    ) : null}
                  </span>
                ) : null}
              </div>
              {resultsOf === l.name ? (
                <div className="mt-3">
                  <LabelResults promptId={promptId} name={l.name} />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <div className="mt-5">
        <LabelHistory promptId={promptId} />
      </div>
    </section>
  );
}
