"use client";
// Start a batch from a CSV or JSONL file: the file is parsed and checked in the browser with the
// same parser and rules the server applies (shared/harness/parse-rows.ts), so bad rows are shown by
// row and column before anything runs; the preview shows the first rows and the size of the matrix.
// Embedded by the Test tab with the models and assertions picked there.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, type ChangeEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatInteger } from "@/components/ui/format-number";
import type { Assertion } from "@/shared/harness/assertions";
import { DEFAULT_BATCH_MAX_ROWS, formatRowError, parseRows, type ParsedRows } from "@/shared/harness/parse-rows";
import type { ModelChoice } from "@/shared/harness/run-fields";
import type { PromptVariable } from "@/shared/prompts/variables";
import { useTRPC } from "@/trpc/react";

const PREVIEW_ROWS = 5;
/** Files larger than this are refused before reading (the API takes at most 2 MB per request). */
const MAX_FILE_BYTES = 1_800_000;

export type BatchUploadFormProps = {
  versionId: string;
  variables: PromptVariable[];
  models: ModelChoice[];
  assertions: Assertion[];
  /** The server's row limit when the page knows it (HARNESS_BATCH_MAX_ROWS). */
  maxRows?: number;
  /** Called with the new batch's id; by default the browser goes to the batch page. */
  onStarted?: (batchId: string) => void;
};

type Loaded = { fileName: string; parsed: ParsedRows } | { fileName: string; error: string };

export function BatchUploadForm({ versionId, variables, models, assertions, maxRows = DEFAULT_BATCH_MAX_ROWS, onStarted }: BatchUploadFormProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const inputId = useId();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const start = useMutation(trpc.harness.batch.mutationOptions());

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    start.reset();
    const file = e.target.files?.[0];
    if (!file) return setLoaded(null);
    if (file.size > MAX_FILE_BYTES) return setLoaded({ fileName: file.name, error: `The file is ${(file.size / 1e6).toFixed(1)} MB; upload at most 1.8 MB (split it into several batches).` });
    const text = await file.text();
    setLoaded({ fileName: file.name, parsed: parseRows(text, variables, { fileName: file.name, maxRows }) });
  }

  const parsed = loaded && "parsed" in loaded ? loaded.parsed : null;
  const ready = parsed !== null && parsed.errors.length === 0 && parsed.rows.length > 0 && models.length > 0;
  const names = variables.map((v) => v.name);

  function submit() {
    if (!parsed || !ready) return;
    start.mutate(
      { versionId, rows: parsed.rows, models, assertions },
      { onSuccess: ({ batchId }) => (onStarted ? onStarted(batchId) : router.push(`/harness/batches/${batchId}`)) },
    );
  }

  return (
    <section aria-labelledby={`${inputId}-title`} className="space-y-4">
      <div>
        <h3 id={`${inputId}-title`} className="text-base font-semibold text-slate-900">
          Run a batch
        </h3>
        <p className="mt-1 text-sm text-slate-600">
          Upload a CSV with a header row ({names.length
            ? names.map((n, i) => (
                <span key={n}>
                  {i ? ", " : ""}
                  <code className="rounded bg-slate-100 px-1 text-xs">{n}</code>
                </span>
              ))
            : "no variables"}) or a JSONL file with one object per line. Every row runs against every model picked above.
        </p>
      </div>

      <label
        htmlFor={inputId}
        className="flex cursor-pointer flex-col items-center justify-center gap-1 rounded-lg border-2 border-dashed border-slate-300 bg-slate-50 px-4 py-6 text-center text-sm text-slate-600 hover:border-indigo-400 hover:bg-indigo-50/40 focus-within:border-indigo-500"
      >
        <span className="font-semibold text-indigo-700">{loaded ? "Choose another file" : "Choose a CSV or JSONL file"}</span>
        <span className="text-xs text-slate-500">{loaded ? loaded.fileName : `up to ${formatInteger(maxRows)} rows`}</span>
        <input id={inputId} type="file" accept=".csv,.jsonl,.ndjson,text/csv,application/jsonl" className="sr-only" onChange={(e) => void onFile(e)} />
      </label>

      {loaded && "error" in loaded ? <Alert tone="error">{loaded.error}</Alert> : null}

      {parsed ? (
        <div className="space-y-3">
          <p className="text-sm text-slate-700" aria-live="polite">
            <span className="font-semibold">{formatInteger(parsed.rows.length)}</span> row{parsed.rows.length === 1 ? "" : "s"} ({parsed.format.toUpperCase()}) ×{" "}
            <span className="font-semibold">{models.length}</span> model{models.length === 1 ? "" : "s"} ={" "}
            <span className="font-semibold">{formatInteger(parsed.rows.length * models.length)}</span> calls
          </p>
          {parsed.errors.length ? (
            <Alert tone="error" title={`Fix ${parsed.errors.length === 1 ? "this problem" : "these problems"} before running`}>
              <ul className="mt-1 list-disc space-y-0.5 pl-5">
                {parsed.errors.map((e, i) => (
                  <li key={i}>{formatRowError(e)}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
          {parsed.rows.length && !parsed.errors.length ? (
            <div className="overflow-x-auto rounded-lg border border-slate-200">
              <table className="min-w-full text-left text-xs">
                <caption className="sr-only">First rows of the file</caption>
                <thead className="bg-slate-50 text-slate-500">
                  <tr>
                    <th scope="col" className="w-14 px-3 py-2 font-medium">
                      Row
                    </th>
                    {names.map((n) => (
                      <th key={n} scope="col" className="px-3 py-2 font-medium">
                        {n}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {parsed.rows.slice(0, PREVIEW_ROWS).map((row, i) => (
                    <tr key={i}>
                      <td className="px-3 py-2 tabular-nums text-slate-500">{i + 1}</td>
                      {names.map((n) => (
                        <td key={n} className="max-w-64 truncate px-3 py-2 text-slate-800" title={row[n]}>
                          {row[n] ?? <span className="text-slate-400">default</span>}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
              {parsed.rows.length > PREVIEW_ROWS ? <p className="border-t border-slate-100 px-3 py-2 text-xs text-slate-500">…and {formatInteger(parsed.rows.length - PREVIEW_ROWS)} more</p> : null}
            </div>
          ) : null}
        </div>
      ) : null}

      {models.length === 0 ? <p className="text-sm text-amber-800">Pick at least one model to run a batch.</p> : null}
      {start.error ? <Alert tone="error">{start.error.message}</Alert> : null}

      <Button onClick={submit} disabled={!ready || start.isPending}>
        {start.isPending ? "Starting…" : parsed && ready ? `Run ${formatInteger(parsed.rows.length * models.length)} calls` : "Run batch"}
      </Button>
    </section>
  );
}
