"use client";
import { useRef, useState, type FormEvent } from "react";
import type { inferRouterOutputs } from "@trpc/server";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AppRouter } from "@/server/api/root";
import { useTRPC } from "@/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { useFieldErrors, useFocusFirstInvalid } from "@/components/ui/use-field-errors";
import { useSubmitOnce } from "@/components/ui/use-submit-once";
import { clientValidationError, type ClientValidationError } from "@/components/ui/validation-error";
import { DEFAULT_BASE_URLS, parseModelIds, PROVIDER_KIND_LABELS, PROVIDER_KINDS, providerFields, type ProviderKind } from "@/shared/harness/provider-fields";

type Outputs = inferRouterOutputs<AppRouter>;
export type InstanceProviderRow = Outputs["harness"]["providers"][number];
export type OwnProviderRow = Outputs["provider"]["list"][number];

const FIELDS = ["name", "kind", "baseUrl", "apiKey", "models"] as const;
type Values = { name: string; kind: ProviderKind; baseUrl: string; apiKey: string; models: string };
const EMPTY: Values = { name: "", kind: "openai-compatible", baseUrl: DEFAULT_BASE_URLS["openai-compatible"], apiKey: "", models: "" };

/** The site's providers (shared by everyone) and the viewer's own: add one with a key, see only its hint, remove it. */
export function ModelProvidersPanel({ initialInstance, initialOwn }: { initialInstance: InstanceProviderRow[]; initialOwn: OwnProviderRow[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const instance = useQuery(trpc.harness.providers.queryOptions(undefined, { initialData: initialInstance }));
  const own = useQuery(trpc.provider.list.queryOptions(undefined, { initialData: initialOwn }));
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.provider.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.harness.providers.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.harness.models.queryKey() }),
    ]);

  const instanceRows = (instance.data ?? []).filter((p) => !p.own);
  const ownRows = own.data ?? [];

  return (
    <div className="space-y-6">
      <Card className="overflow-hidden">
        <div className="border-b border-slate-100 px-5 py-3 sm:px-6">
          <h3 className="text-sm font-semibold text-slate-900">This site’s providers</h3>
          <p className="mt-0.5 text-xs text-slate-500">Shared by everyone here, with the site’s own keys.</p>
        </div>
        <ul className="divide-y divide-slate-100">
          {instanceRows.map((p) => (
            <li key={p.name} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1.5 px-5 py-3 sm:px-6">
              <div className="min-w-0">
                <span className="font-mono text-sm font-medium text-slate-900">{p.name}</span>
                <span className="ml-2 text-xs text-slate-500">{PROVIDER_KIND_LABELS[p.kind]}</span>
              </div>
              <div className="flex flex-wrap items-center gap-2">
                {p.problem ? <span className="font-mono text-xs text-amber-800">{p.problem}</span> : null}
                {p.configured ? <Badge tone="emerald">Ready</Badge> : <Badge tone="slate">Not configured</Badge>}
              </div>
            </li>
          ))}
        </ul>
      </Card>

      <Card className="overflow-hidden">
        <div className="flex items-center justify-between border-b border-slate-100 px-5 py-3 sm:px-6">
          <h3 className="text-sm font-semibold text-slate-900">Your providers</h3>
          <span className="text-xs text-slate-500">{ownRows.length === 1 ? "1 provider" : `${ownRows.length} providers`}</span>
        </div>
        {ownRows.length === 0 ? (
          <div className="px-6 py-10 text-center">
            <p className="text-sm font-medium text-slate-700">No providers of your own yet</p>
            <p className="mt-1 text-sm text-slate-500">Add your OpenAI or Anthropic key, or a server such as Ollama, vLLM, LM Studio or OpenRouter, below.</p>
          </div>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="Your providers">
            {ownRows.map((p) => (
              <OwnProviderItem key={p.id} provider={p} onRemoved={refresh} />
            ))}
          </ul>
        )}
      </Card>

      <AddProviderForm onAdded={refresh} />
    </div>
  );
}

function OwnProviderItem({ provider: p, onRemoved }: { provider: OwnProviderRow; onRemoved: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation(trpc.provider.remove.mutationOptions({ onSuccess: () => onRemoved() }));
  return (
    <li className="px-5 py-4 sm:px-6" aria-label={`Provider ${p.name}`}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-1 space-y-1.5">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-mono text-sm font-medium text-slate-900">{p.name}</span>
            <Badge tone="indigo">{PROVIDER_KIND_LABELS[p.kind]}</Badge>
            {p.problem || p.shadowed ? <Badge tone="rose">Unusable</Badge> : null}
          </div>
          <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-xs text-slate-600">
            <dt className="text-slate-500">Base URL</dt>
            <dd className="font-mono break-all text-slate-700">{p.baseUrl}</dd>
            <dt className="text-slate-500">API key</dt>
            <dd className="font-mono text-slate-700">{p.keyHint ? `…${p.keyHint}` : p.hasKey ? "saved" : <span className="font-sans text-slate-500">none</span>}</dd>
            <dt className="text-slate-500">Models</dt>
            <dd className="break-words text-slate-700">{p.models.length ? <span className="font-mono">{p.models.join(", ")}</span> : "from the server’s model list"}</dd>
          </dl>
          {p.problem ? <p className="text-xs text-rose-700">This provider cannot be used: {p.problem}.</p> : null}
          {p.shadowed ? <p className="text-xs text-rose-700">The site now has a provider named “{p.name}”, which takes its place. Remove this one and add it again under another name.</p> : null}
        </div>
        {confirming ? null : (
          <Button size="sm" variant="secondary" onClick={() => setConfirming(true)} aria-label={`Remove ${p.name}`}>
            Remove
          </Button>
        )}
      </div>
      {/* On its own row, so the details keep their width on a phone. */}
      {confirming ? (
        <div className="mt-3 flex flex-wrap items-center justify-end gap-2 rounded-lg bg-rose-50 px-3 py-2" role="group" aria-label={`Confirm removing ${p.name}`}>
          <p className="mr-auto text-xs text-rose-800">{p.hasKey ? `Remove “${p.name}” and its saved key?` : `Remove “${p.name}”?`}</p>
          <Button size="sm" variant="ghost" disabled={remove.isPending} onClick={() => setConfirming(false)}>
            Cancel
          </Button>
          <Button size="sm" variant="danger" className="whitespace-nowrap" disabled={remove.isPending} onClick={() => remove.mutate({ id: p.id })} aria-label={`Confirm remove ${p.name}`}>
            {remove.isPending ? "Removing…" : "Confirm remove"}
          </Button>
        </div>
      ) : null}
      {remove.error ? <Alert tone="error" className="mt-3">{remove.error.message}</Alert> : null}
    </li>
  );
}

function AddProviderForm({ onAdded }: { onAdded: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const [values, setValues] = useState<Values>(EMPTY);
  const [added, setAdded] = useState<string | null>(null);
  const add = useMutation(
    trpc.provider.add.mutationOptions({
      onSuccess: (row) => {
        // The key leaves the page's state at once; only its hint comes back from the server.
        setValues(EMPTY);
        setAdded(row.name);
        void onAdded();
      },
    }),
  );
  const once = useSubmitOnce(add.isPending);
  const formRef = useRef<HTMLFormElement>(null);
  // Checked here first with the server's own schema, so an expected 400 never reaches the network.
  const [invalid, setInvalid] = useState<ClientValidationError | null>(null);
  const error = invalid ?? add.error;
  const fe = useFieldErrors(error, FIELDS);
  useFocusFirstInvalid(formRef, error);
  const err = {
    name: fe.errorFor("name", "Name"),
    kind: fe.errorFor("kind", "Kind"),
    baseUrl: fe.errorFor("baseUrl", "Base URL"),
    apiKey: fe.errorFor("apiKey", "API key"),
    models: fe.errorFor("models", "Models"),
  };
  const set = (field: keyof Values) => (e: { target: { value: string } }) => {
    setAdded(null);
    fe.touch(field);
    setInvalid(null);
    setValues((v) => ({ ...v, [field]: e.target.value }));
  };
  function onKind(e: { target: { value: string } }) {
    const kind = e.target.value as ProviderKind;
    setAdded(null);
    fe.touch("kind");
    setInvalid(null);
    // A URL still at the previous kind's default follows the kind; one the user typed stays.
    setValues((v) => ({ ...v, kind, baseUrl: !v.baseUrl.trim() || v.baseUrl === DEFAULT_BASE_URLS[v.kind] ? DEFAULT_BASE_URLS[kind] : v.baseUrl }));
  }
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setAdded(null);
    fe.reset();
    const input = { name: values.name, kind: values.kind, baseUrl: values.baseUrl, apiKey: values.apiKey, models: parseModelIds(values.models) };
    const checked = providerFields.safeParse(input);
    if (!checked.success) {
      setInvalid(clientValidationError(checked.error));
      return;
    }
    setInvalid(null);
    if (!once.claim()) return;
    add.mutate(input);
  }
  const keyOptional = values.kind === "openai-compatible";
  const describedBy = (id: string, has: string | undefined) => (has ? `${id}-error` : undefined);

  return (
    <Card>
      <form ref={formRef} onSubmit={onSubmit} noValidate aria-labelledby="add-provider-heading">
        <div className="space-y-5 p-5 sm:p-6">
          <div>
            <h3 id="add-provider-heading" className="text-sm font-semibold text-slate-900">Add a provider</h3>
            <p className="mt-0.5 text-xs text-slate-500">Your key is encrypted on the server and never shown again; you will see its last four characters.</p>
          </div>
          <div className="grid gap-5 sm:grid-cols-2">
            <Field label="Name" htmlFor="provider-name" error={err.name} hint="How you pick it in the Test tab, e.g. “openrouter”.">
              <Input id="provider-name" name="name" autoComplete="off" spellCheck={false} maxLength={40} value={values.name} onChange={set("name")} placeholder="my-ollama" aria-invalid={err.name ? true : undefined} aria-describedby={describedBy("provider-name", err.name)} />
            </Field>
            <Field label="Kind" htmlFor="provider-kind" error={err.kind}>
              <Select id="provider-kind" name="kind" value={values.kind} onChange={onKind} aria-invalid={err.kind ? true : undefined} aria-describedby={describedBy("provider-kind", err.kind)}>
                {PROVIDER_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {PROVIDER_KIND_LABELS[k]}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <Field label="Base URL" htmlFor="provider-base-url" error={err.baseUrl} hint={values.kind === "openai-compatible" ? "The server’s OpenAI-compatible root, usually ending in /v1." : "The official API; change it only to go through a gateway."}>
            <Input id="provider-base-url" name="baseUrl" type="url" inputMode="url" autoComplete="off" spellCheck={false} value={values.baseUrl} onChange={set("baseUrl")} placeholder={DEFAULT_BASE_URLS[values.kind]} className="font-mono" aria-invalid={err.baseUrl ? true : undefined} aria-describedby={describedBy("provider-base-url", err.baseUrl)} />
          </Field>
          <Field label={keyOptional ? "API key (optional)" : "API key"} htmlFor="provider-api-key" error={err.apiKey} hint={keyOptional ? "Leave it empty for a local server that needs none." : undefined}>
            <Input id="provider-api-key" name="apiKey" type="password" autoComplete="new-password" spellCheck={false} value={values.apiKey} onChange={set("apiKey")} className="font-mono" aria-invalid={err.apiKey ? true : undefined} aria-describedby={describedBy("provider-api-key", err.apiKey)} />
          </Field>
          <Field label="Models (optional)" htmlFor="provider-models" error={err.models} hint="One per line or separated by commas, for a server with no model list. Empty: the server’s own list.">
            <Textarea id="provider-models" name="models" rows={2} spellCheck={false} value={values.models} onChange={set("models")} placeholder="llama3.2, qwen2.5:7b" className="font-mono" aria-invalid={err.models ? true : undefined} aria-describedby={describedBy("provider-models", err.models)} />
          </Field>
          <FormErrorSummary error={error} state={fe} />
        </div>
        <div className="flex items-center justify-end gap-3 rounded-b-xl border-t border-slate-100 bg-slate-50/70 px-5 py-3 sm:px-6">
          <p aria-live="polite" className="text-sm font-medium text-emerald-700">{added ? `Provider “${added}” added` : null}</p>
          <Button type="submit" disabled={add.isPending}>{add.isPending ? "Adding…" : "Add provider"}</Button>
        </div>
      </form>
    </Card>
  );
}
