"use client";
import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import type { VersionData } from "@/components/prompts/types";
import { Button } from "@/components/ui/button";
import { givenValues, VariableFields } from "@/components/prompts/variable-fields";
import { TRPCClientError } from "@trpc/client";
import type { AppRouter } from "@/server/api/root";
import { useTRPCClient } from "@/trpc/react";

/** One textarea per variable; "Render" asks the server to fill the slots and shows the text with a Copy button. */
export function TryItForm({ version, values, onValuesChange }: { version: VersionData; values: Record<string, string>; onValuesChange: (v: Record<string, string>) => void }) {
  const client = useTRPCClient();
  // Rendering has no side effects, so it is a query; it runs when the user asks, hence useMutation.
  const render = useMutation<Awaited<ReturnType<typeof client.prompt.render.query>>, TRPCClientError<AppRouter>, Parameters<typeof client.prompt.render.query>[0]>({
    mutationFn: (input) => client.prompt.render.query(input),
  });
  const fieldErrors = render.error instanceof TRPCClientError ? (render.error.data?.fieldErrors ?? null) : null;
  const variables = version.variables;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    render.mutate({ versionId: version.id, variables: givenValues(variables, values) });
  };

  const result = render.data;
  return (
    <div className="mt-4 space-y-4">
      <form onSubmit={submit} noValidate className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-xs sm:p-5">
        {variables.length ? (
          <VariableFields variables={variables} values={values} onChange={onValuesChange} fieldErrors={fieldErrors} />
        ) : (
          <p className="text-sm text-slate-600">This version has no variables; rendering returns its body as is.</p>
        )}
        <Button type="submit" disabled={render.isPending}>
          {render.isPending ? "Rendering…" : "Render"}
        </Button>
      </form>

      <div aria-live="polite" className="space-y-3">
        {render.error ? (
          <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-inset ring-rose-200">
            {render.error.message}
          </p>
        ) : null}
        {result && !render.error ? (
          <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs">
            <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 bg-slate-50 px-4 py-2">
              <h3 className="text-sm font-semibold text-slate-900">Rendered text <span className="font-mono font-normal text-slate-500">v{result.number}</span></h3>
              <CopyButton text={result.text} label="Copy" />
            </div>
            <pre className="max-h-[32rem] overflow-auto whitespace-pre-wrap [overflow-wrap:anywhere] p-4 font-mono text-[13px] leading-relaxed text-slate-800" aria-label="Rendered text">
              {result.text}
            </pre>
            {result.defaultsUsed.length || result.unknownVariables.length ? (
              <div className="space-y-1 border-t border-slate-200 px-4 py-2 text-xs text-slate-600">
                {result.defaultsUsed.length ? <p>Defaults used: {result.defaultsUsed.map((n) => `{{${n}}}`).join(", ")}</p> : null}
                {result.unknownVariables.length ? <p className="text-amber-700">Unknown variables ignored: {result.unknownVariables.join(", ")}</p> : null}
              </div>
            ) : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
