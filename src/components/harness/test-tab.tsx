"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import Link from "next/link";
import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { VersionSelect } from "@/components/prompts/version-select";
import { givenValues, VariableFields } from "@/components/prompts/variable-fields";
import type { AppRouter } from "@/server/api/root";
import { signInHref } from "@/shared/auth/sign-in-href";
import { modelParamsSchema, type ModelChoice, type ModelParams } from "@/shared/harness/run-fields";
import type { Assertion } from "@/shared/harness/assertions";
import type { PromptVariable } from "@/shared/prompts/variables";
import { useTRPC } from "@/trpc/react";
import { BatchLinks } from "./batch-links";
import { BatchUploadForm } from "./batch-upload-form";
import { AssertionBuilder, newAssertionDraft, toAssertion, type AssertionDraft } from "./assertion-builder";
import { ModelPicker, usable, type ModelDraft, type PickerModel, type PickerProvider } from "./model-picker";
import { RunColumns, RunSummary } from "./run-columns";
import { CompareRuns, RunHistory, type HistoryVersion } from "./run-history";
import { modelKey } from "./run-types";
import { SaveRewrite } from "./save-rewrite";
import { SuggestionPanel } from "./suggestion-panel";
import { useLiveRun } from "./use-live-run";

export type TestVersion = HistoryVersion & { variables: PromptVariable[] };

const sub = "text-base font-semibold text-slate-900";

/** A picked model's typed parameters as the API takes them, or the first problem. */
function toChoice(d: ModelDraft): { choice: ModelChoice } | { error: string } {
  const params: Record<string, unknown> = {};
  if (d.temperature.trim() !== "") params.temperature = Number(d.temperature);
  if (d.maxTokens.trim() !== "") params.maxTokens = Number(d.maxTokens);
  if (d.system.trim() !== "") params.system = d.system;
  const parsed = modelParamsSchema.safeParse(params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = { temperature: "Temperature", maxTokens: "Max tokens", system: "System prompt" }[String(issue.path[0])] ?? "Parameters";
    return { error: `${name} ${issue.message}` };
  }
  const p: ModelParams = parsed.data;
  return { choice: { provider: d.provider, model: d.model, ...(Object.keys(p).length ? { params: p } : {}) } };
}

function Section({ title, hint, children, id }: { title: string; hint?: ReactNode; children: ReactNode; id?: string }) {
  return (
    <section className="space-y-3" aria-labelledby={id}>
      <div>
        <h3 id={id} className={`${sub} scroll-mt-20`}>
          {title}
        </h3>
        {hint ? <p className="text-sm text-slate-600">{hint}</p> : null}
      </div>
      {children}
    </section>
  );
}

/**
 * The Test tab: run the chosen version against 1–8 models side by side, with assertions, streamed
 * token by token; then suggest a rewrite, look back at earlier runs and compare two of them.
 */
export function TestTab({
  versions,
  selected,
  onSelectVersion,
  values,
  onValuesChange,
  signedIn,
  slug,
  isOwner,
  initialRunId = null,
}: {
  versions: TestVersion[];
  selected: TestVersion;
  onSelectVersion: (number: number) => void;
  initialRunId?: string | null;
  values: Record<string, string>;
  onValuesChange: (v: Record<string, string>) => void;
  signedIn: boolean;
  slug: string;
  /** The viewer owns the prompt: a rewrite saves as a new version (others save it in a fork). */
  isOwner: boolean;
}) {
  const versionPicker = <VersionSelect id="test-version" versions={versions} value={selected.number} onChange={onSelectVersion} markLocked className="min-w-32" />;


  if (!signedIn) {
    return (
      <div className="mt-4 rounded-xl border border-slate-200 bg-white p-5 text-center shadow-xs sm:p-8" data-testid="test-signed-out">
        <h3 className={sub}>Test this prompt against real models</h3>
        <p className="mx-auto mt-1 max-w-md text-sm text-slate-600">
          Run it on up to 8 models side by side, with assertions, token counts, cost and latency for each. Runs are kept in your history.
        </p>
        <ButtonLink href={signInHref(`/p/${slug}?tab=test#try-it`)} className="mt-4">
          Sign in to test
        </ButtonLink>
      </div>
    );
  }
  return (
    <div className="mt-4 space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        {versionPicker}
        <a href="#test-batch-heading" className="text-sm font-medium text-indigo-700 underline-offset-2 hover:underline">
          Batches
        </a>
      </div>
      {selected.bodyLocked ? (
        <Alert tone="warning">Testing v{selected.number} needs a license that covers it.</Alert>
      ) : (
        <SignedInTest key={selected.id} initialRunId={initialRunId} versions={versions} selected={selected} values={values} onValuesChange={onValuesChange} slug={slug} isOwner={isOwner} />
      )}
    </div>
  );
}

function SignedInTest({
  versions,
  selected,
  values,
  onValuesChange,
  slug,
  isOwner,
  initialRunId,
}: {
  initialRunId: string | null;
  isOwner: boolean;
  versions: TestVersion[];
  selected: TestVersion;
  values: Record<string, string>;
  onValuesChange: (v: Record<string, string>) => void;
  slug: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const providers = useQuery(trpc.harness.providers.queryOptions());
  const catalogue = useQuery(trpc.harness.models.queryOptions({}));
  const [picked, setPicked] = useState<ModelDraft[]>([]);
  const [drafts, setDrafts] = useState<AssertionDraft[]>(() => [newAssertionDraft("contains")]);
  const [localErrors, setLocalErrors] = useState<{ models: Record<string, string | undefined>; assertions: Record<number, string | undefined> }>({ models: {}, assertions: {} });
  // A run named in the URL (?run=) is reopened, so a reload or a shared link shows it again.
  const [runId, setRunId] = useState<string | null>(initialRunId);
  const start = useMutation(trpc.harness.run.mutationOptions());
  const live = useLiveRun(runId);

  const open = (id: string) => {
    setRunId(id);
    const url = new URL(window.location.href);
    url.searchParams.set("run", id);
    window.history.replaceState(null, "", url);
  };

  const providerList = (providers.data ?? []) as PickerProvider[];
  const modelList = useMemo(() => ((catalogue.data?.models ?? []) as PickerModel[]), [catalogue.data]);
  const listErrors = catalogue.data?.errors ?? [];
  const configured = providerList.filter(usable);
  const judges = modelList.map((m) => ({ value: modelKey(m), label: modelKey(m) }));

  const serverFieldErrors = start.error instanceof TRPCClientError ? ((start.error as TRPCClientError<AppRouter>).data?.fieldErrors ?? null) : null;
  const modelErrors: Record<string, string | undefined> = { ...localErrors.models };
  const assertionErrors: Record<number, string | undefined> = { ...localErrors.assertions };
  for (const [field, messages] of Object.entries(serverFieldErrors ?? {})) {
    const m = /^models\.(\d+)\./.exec(field);
    if (m && picked[Number(m[1])]) modelErrors[modelKey(picked[Number(m[1])])] = messages?.join(", ");
    else if (field === "models") modelErrors[""] = messages?.join(", ");
    const a = /^assertions\.(\d+)/.exec(field);
    if (a && drafts[Number(a[1])]) assertionErrors[drafts[Number(a[1])].key] = messages?.join(", ");
  }

  const launch = (input: Parameters<typeof start.mutate>[0]) =>
    start.mutate(input, {
      onSuccess: ({ runId: id }) => {
        open(id);
        // On a phone the columns are below the form: bring them into view as they start to fill.
        setTimeout(() => document.getElementById("test-results-heading")?.scrollIntoView({ behavior: "smooth", block: "start" }), 50);
        void queryClient.invalidateQueries({ queryKey: trpc.harness.list.queryKey() });
      },
    });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const models: ModelChoice[] = [];
    const errors = { models: {} as Record<string, string | undefined>, assertions: {} as Record<number, string | undefined> };
    if (!picked.length) errors.models[""] = "Pick at least one model.";
    for (const d of picked) {
      const r = toChoice(d);
      if ("error" in r) errors.models[modelKey(d)] = r.error;
      else models.push(r.choice);
    }
    const assertions: Assertion[] = [];
    for (const d of drafts) {
      const r = toAssertion(d);
      if ("error" in r) errors.assertions[d.key] = r.error;
      else assertions.push(r.assertion);
    }
    setLocalErrors(errors);
    if (Object.keys(errors.models).length || Object.keys(errors.assertions).length) return;
    launch({ versionId: selected.id, variables: givenValues(selected.variables, values), models, assertions });
  };

  const run = live.run;
  // The history shows each run's pass counts and cost: read it again once this run has them.
  const finishedRunId = run?.status === "done" ? run.id : null;
  useEffect(() => {
    if (finishedRunId) void queryClient.invalidateQueries({ queryKey: trpc.harness.list.queryKey() });
  }, [finishedRunId, queryClient, trpc]);
  const running = start.isPending || (run !== null && run.status !== "done");
  const noProvider = providers.isSuccess && configured.length === 0;

  return (
    <div className="space-y-6">
      <form onSubmit={submit} noValidate className="space-y-6 rounded-xl border border-slate-200 bg-white p-4 shadow-xs sm:p-5" aria-label={`Test v${selected.number}`}>
        {noProvider ? (
          <Alert tone="warning" title="No model provider is configured">
            Set <code className="font-mono">OPENAI_API_KEY</code> or <code className="font-mono">ANTHROPIC_API_KEY</code> on the server (or list OpenAI-compatible servers in{" "}
            <code className="font-mono">HARNESS_PROVIDERS</code>), or add your own provider and key in{" "}
            <Link href="/settings#providers" className="font-semibold underline underline-offset-2">
              Settings
            </Link>
            .
          </Alert>
        ) : null}
        {providers.error ? <Alert tone="error">Could not load the providers: {providers.error.message}</Alert> : null}

        <Section title="Variables" id="test-variables-heading" hint={selected.variables.length ? "The same values as Render; empty fields use their default." : undefined}>
          {selected.variables.length ? (
            <VariableFields variables={selected.variables} values={values} onChange={onValuesChange} fieldErrors={serverFieldErrors} idPrefix="test-var" />
          ) : (
            <p className="text-sm text-slate-600">v{selected.number} has no variables: its body is sent as is.</p>
          )}
        </Section>

        <Section title="Models" id="test-models-heading" hint="Each model gets the same prompt; prices are per 1M tokens, input / output.">
          <ModelPicker providers={providerList} models={modelList} listErrors={listErrors} loading={catalogue.isPending || providers.isPending} selected={picked} onChange={setPicked} errors={modelErrors} />
        </Section>

        <Section title="Assertions" id="test-assertions-heading" hint="Checked on every model's output, named as in promptfoo.">
          <AssertionBuilder drafts={drafts} onChange={setDrafts} errors={assertionErrors} judges={judges} />
        </Section>

        <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-4">
          <Button type="submit" size="lg" disabled={start.isPending || noProvider}>
            {start.isPending ? "Starting…" : picked.length > 1 ? `Run on ${picked.length} models` : "Run"}
          </Button>
          <p className="text-sm text-slate-500">Each model is called once, billed by its provider.</p>
        </div>
        {start.error ? <Alert tone="error">{start.error.message}</Alert> : null}
      </form>

      {runId ? (
        <Section
          title={run && run.status !== "done" ? "Running…" : "Results"}
          id="test-results-heading"
          hint={run ? <RunSummary cells={run.results} /> : undefined}
        >
          {live.error && !run ? <Alert tone="error">Could not load the run: {live.error.message}</Alert> : null}
          {run?.candidateBody ? (
            <details className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              <summary className="cursor-pointer font-medium">This run tried a suggested rewrite (not saved as a version)</summary>
              <pre className="mt-2 max-h-60 overflow-auto whitespace-pre-wrap font-mono text-[13px] [overflow-wrap:anywhere]">{run.candidateBody}</pre>
            </details>
          ) : null}
          {run?.candidateBody && run.status === "done" && run.promptId ? (
            <div className="flex flex-wrap items-center gap-2">
              <SaveRewrite body={run.candidateBody} versionId={run.versionId} promptId={run.promptId} canSave={isOwner} slug={slug} changelog="A suggested rewrite, saved after a test run" variant="primary" />
              <span className="text-sm text-slate-600">Keep this rewrite if the results are better.</span>
            </div>
          ) : null}
          {run ? <RunColumns cells={run.results} /> : <p className="text-sm text-slate-500">Loading the run…</p>}
          {run && run.status === "done" && modelList.length ? (
            <SuggestionPanel
              run={run}
              models={modelList}
              slug={slug}
              running={running}
              onRunCandidate={(body) =>
                launch({
                  versionId: run.versionId,
                  variables: (run.variables ?? {}) as Record<string, string>,
                  models: run.results.map((c) => ({ provider: c.provider, model: c.model, ...(c.params && Object.keys(c.params).length ? { params: c.params } : {}) })),
                  assertions: (run.assertions ?? []) as Assertion[],
                  candidateBody: body,
                })
              }
            />
          ) : null}
        </Section>
      ) : null}

      <Section title="Your runs of this version" id="test-history-heading" hint="Only you see your runs.">
        <RunHistory versionId={selected.id} currentRunId={runId} onOpen={open} />
      </Section>

      <Section title="Compare runs" id="test-compare-heading" hint="Two runs of this version, or a run of this version against one of another version.">
        <CompareRuns versions={versions} versionId={selected.id} defaultA={runId} />
      </Section>

      <Section title="Batches" id="test-batch-heading" hint="Many rows of variables at once, each row on every model picked above; the batch page follows its progress.">
        <BatchLinks versionId={selected.id} />
        <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs sm:p-5">
          <BatchUploadForm
            versionId={selected.id}
            variables={selected.variables}
            models={picked.map(toChoice).flatMap((r) => ("choice" in r ? [r.choice] : []))}
            assertions={drafts.map(toAssertion).flatMap((r) => ("assertion" in r ? [r.assertion] : []))}
          />
        </div>
      </Section>
    </div>
  );
}
