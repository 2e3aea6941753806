"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { DiffView } from "@/components/prompts/diff-view";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { useTRPC } from "@/trpc/react";
import { SaveRewrite } from "./save-rewrite";
import { formatCost, formatMs } from "./harness-format";
import type { PickerModel } from "./model-picker";
import { modelKey, type RunView } from "./run-types";

/**
 * "Suggest an improvement": a model the viewer picks rewrites the body from this run's failing checks
 * and outputs. The rewrite shows as a diff against what the run tried; it can be run through the same
 * models at once, or saved as a new version (the owner) or in a fork (anyone else).
 */
export function SuggestionPanel({
  run,
  models,
  slug,
  onRunCandidate,
  running,
}: {
  run: RunView;
  /** Models the viewer can call (configured providers). */
  models: PickerModel[];
  slug: string;
  onRunCandidate: (body: string) => void;
  running: boolean;
}) {
  const trpc = useTRPC();
  const runModels = run.results.map(modelKey);
  const [writer, setWriter] = useState(() => runModels.find((k) => models.some((m) => modelKey(m) === k)) ?? (models[0] ? modelKey(models[0]) : ""));
  const suggest = useMutation(trpc.harness.suggest.mutationOptions());
  const s = suggest.data?.runId === run.id ? suggest.data : null;
  // The model gave the body back unchanged: nothing to try or save.
  const unchanged = s !== null && s.diff.added === 0 && s.diff.removed === 0;
  const failing = run.results.reduce((n, c) => n + (c.error ? 1 : 0) + (c.assertions ?? []).filter((a) => !a.pass).length, 0);

  const ask = () => {
    const [provider, ...rest] = writer.split("/");
    suggest.mutate({ runId: run.id, provider, model: rest.join("/") });
  };

  return (
    <section aria-labelledby={`suggest-${run.id}`} className="space-y-3 rounded-xl border border-indigo-200 bg-indigo-50/40 p-4">
      <div className="space-y-3">
        <div className="min-w-0">
          <h4 id={`suggest-${run.id}`} className="text-sm font-semibold text-slate-900">
            Suggest an improvement
          </h4>
          <p className="text-sm text-slate-600">
            {failing
              ? `A model rewrites the prompt from this run's ${failing} failing check${failing === 1 ? "" : "s"} and its outputs; {{variables}} are kept.`
              : "Every check passed. A model can still tighten the prompt from its outputs; {{variables}} are kept."}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor={`writer-${run.id}`} className="text-sm text-slate-700">
            Rewrite with
          </label>
          <div className="w-full sm:w-72">
          <Select id={`writer-${run.id}`} value={writer} onChange={(e) => setWriter(e.target.value)} className="py-1.5">
            {models.map((m) => (
              <option key={modelKey(m)} value={modelKey(m)}>
                {modelKey(m)}
              </option>
            ))}
          </Select>
          </div>
          <Button onClick={ask} disabled={!writer || suggest.isPending}>
            {suggest.isPending ? "Rewriting…" : "Suggest"}
          </Button>
        </div>
      </div>

      {suggest.error ? <Alert tone="error">{suggest.error.message}</Alert> : null}

      {s ? (
        <div className="space-y-3" aria-live="polite">
          <p className="text-xs text-slate-500">
            Written by <span className="font-mono">{s.provider}/{s.model}</span> in {formatMs(s.latencyMs)}, cost {formatCost(s.costUsd)}
            {s.tokensEstimated ? " (tokens estimated)" : ""}.
          </p>
          {s.missingVariables.length || s.addedVariables.length || s.invalidSlots.length ? (
            <Alert tone="warning" title="Check the placeholders before saving">
              <ul className="list-disc pl-5">
                {s.missingVariables.length ? <li>Dropped: {s.missingVariables.map((n) => `{{${n}}}`).join(", ")}</li> : null}
                {s.addedVariables.length ? <li>New: {s.addedVariables.map((n) => `{{${n}}}`).join(", ")}</li> : null}
                {s.invalidSlots.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
          <DiffView diff={s.diff} fromLabel={run.candidateBody ? "tried body" : `v${s.versionNumber}`} toLabel="suggestion" />
          <div className="flex flex-wrap gap-2">
            <Button onClick={() => onRunCandidate(s.body)} disabled={running || unchanged}>
              Run with the same models
            </Button>
            <SaveRewrite
              body={s.body}
              versionId={s.versionId}
              promptId={s.promptId}
              canSave={s.canSave}
              slug={slug}
              changelog={`Suggested by ${s.provider}/${s.model} from a test run`}
              disabled={unchanged || s.invalidSlots.length > 0}
            />
          </div>
        </div>
      ) : null}
    </section>
  );
}
