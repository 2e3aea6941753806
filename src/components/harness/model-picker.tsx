"use client";
import Link from "next/link";
import { useId, useMemo, useState } from "react";
import { Badge } from "@/components/ui/card";
import { Input, Textarea } from "@/components/ui/field";
import { MAX_HARNESS_MODELS } from "@/shared/harness/run-fields";
import { formatContext, formatPricePerMTok } from "./harness-format";
import { modelKey } from "./run-types";

export type PickerProvider = { name: string; kind: string; configured: boolean; builtIn?: boolean; own?: boolean; problem?: string | null };
export type PickerModel = { provider: string; model: string; inputUsdPerMTok: number | null; outputUsdPerMTok: number | null; contextTokens?: number | null };
/** A chosen model with its parameters as typed (strings until the run checks them). */
export type ModelDraft = { provider: string; model: string; temperature: string; maxTokens: string; system: string };

const KEY_VARIABLE: Record<string, string> = { openai: "OPENAI_API_KEY", anthropic: "ANTHROPIC_API_KEY" };

export const usable = (p: PickerProvider) => p.configured && !p.problem;

/** Why a provider cannot be used, in words that say what to do. */
export function unconfiguredReason(p: PickerProvider) {
  if (p.problem) return `Cannot be used: ${p.problem}.`;
  const variable = KEY_VARIABLE[p.name];
  return variable ? `No API key: the server has no ${variable}. Add your own key in Settings.` : "No API key: add one in Settings.";
}

/**
 * Every model the viewer can call, grouped by provider, each with its price per 1M tokens and its
 * context size ("unknown" when the price table or the provider does not say). Providers without a
 * key are listed, disabled, with what would enable them. Up to MAX_HARNESS_MODELS can be picked;
 * each picked model gets its own temperature, max tokens and optional system prompt.
 */
export function ModelPicker({
  providers,
  models,
  listErrors,
  loading,
  selected,
  onChange,
  errors,
}: {
  providers: PickerProvider[];
  models: PickerModel[];
  listErrors: { provider: string; message: string }[];
  loading: boolean;
  selected: ModelDraft[];
  onChange: (next: ModelDraft[]) => void;
  /** By model key ("provider/model"), or "" for the list as a whole. */
  errors: Record<string, string | undefined>;
}) {
  const base = useId();
  const [filter, setFilter] = useState("");
  const chosen = new Set(selected.map(modelKey));
  const full = selected.length >= MAX_HARNESS_MODELS;
  const byProvider = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const groups = new Map<string, PickerModel[]>();
    for (const m of models) {
      if (needle && !`${m.provider}/${m.model}`.toLowerCase().includes(needle)) continue;
      groups.set(m.provider, [...(groups.get(m.provider) ?? []), m]);
    }
    return groups;
  }, [models, filter]);
  const info = useMemo(() => new Map(models.map((m) => [modelKey(m), m])), [models]);

  const configured = providers.filter(usable);
  const toggle = (m: PickerModel) => {
    const key = modelKey(m);
    if (chosen.has(key)) onChange(selected.filter((s) => modelKey(s) !== key));
    else if (!full) onChange([...selected, { provider: m.provider, model: m.model, temperature: "", maxTokens: "", system: "" }]);
  };
  const update = (key: string, patch: Partial<ModelDraft>) => onChange(selected.map((s) => (modelKey(s) === key ? { ...s, ...patch } : s)));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600" aria-live="polite">
          <span className="font-semibold text-slate-900">{selected.length}</span> of {MAX_HARNESS_MODELS} models picked
          {full ? <span className="text-amber-700"> — the most a run takes</span> : null}
        </p>
        {models.length > 8 ? (
          <div className="w-full sm:w-56">
            <label htmlFor={`${base}-filter`} className="sr-only">
              Filter models
            </label>
            <Input id={`${base}-filter`} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="Filter models" className="py-1.5" />
          </div>
        ) : null}
      </div>
      {errors[""] ? (
        <p role="alert" className="text-sm text-rose-600">
          {errors[""]}
        </p>
      ) : null}

      {[configured, providers.filter((p) => !usable(p))].map((group, g) =>
        group.length ? (
          <div key={g} className={`grid gap-3 ${g === 1 || group.length > 1 ? "md:grid-cols-2" : ""}`}>
            {group.map((p) => {
              const list = byProvider.get(p.name) ?? [];
              const listError = listErrors.find((e) => e.provider === p.name);
              return (
                <fieldset key={p.name} className={`min-w-0 rounded-lg border p-3 ${usable(p) ? "border-slate-200 bg-white" : "border-dashed border-slate-300 bg-slate-50"}`} disabled={!usable(p)}>
                  <legend className="flex items-center gap-2 px-1 text-sm font-semibold text-slate-900">
                    {p.name}
                    {p.own ? <Badge tone="indigo">yours</Badge> : p.builtIn === false ? <Badge>compatible</Badge> : null}
                    {!usable(p) ? <Badge tone="amber">{p.problem ? "unavailable" : "no key"}</Badge> : null}
                  </legend>
                  {!usable(p) ? (
                    <p className="text-sm text-slate-600">
                      {unconfiguredReason(p)}{" "}
                      <Link href="/settings#providers" className="font-medium text-indigo-700 underline underline-offset-2">
                        Settings
                      </Link>
                    </p>
                  ) : listError ? (
                    <p role="alert" className="text-sm text-rose-700">
                      {listError.message}
                    </p>
                  ) : loading && !list.length ? (
                    <p className="text-sm text-slate-500">Loading models…</p>
                  ) : !list.length ? (
                    <p className="text-sm text-slate-500">{filter ? "No model matches the filter." : "This provider lists no models."}</p>
                  ) : (
                    <ul className={`-mx-1 grid max-h-72 content-start gap-0.5 overflow-y-auto px-1 ${configured.length === 1 ? "sm:grid-cols-2" : ""}`}>
                      {list.map((m) => {
                        const key = modelKey(m);
                        const id = `${base}-${key}`;
                        const on = chosen.has(key);
                        return (
                          <li key={key}>
                            <label
                              htmlFor={id}
                              className={`flex cursor-pointer items-start gap-2.5 rounded-md px-2 py-1.5 text-sm hover:bg-slate-50 has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-60 ${on ? "bg-indigo-50/70 ring-1 ring-inset ring-indigo-200" : ""}`}
                            >
                              <input id={id} type="checkbox" checked={on} disabled={!on && full} onChange={() => toggle(m)} className="mt-0.5 size-4 shrink-0 accent-indigo-600" />
                              <span className="min-w-0 flex-1">
                                <span className="block break-all font-mono text-[13px] font-medium text-slate-900">{m.model}</span>
                                <span className="block text-xs text-slate-500">
                                  {formatPricePerMTok(m.inputUsdPerMTok, m.outputUsdPerMTok)} · {formatContext(m.contextTokens)}
                                </span>
                              </span>
                            </label>
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </fieldset>
              );
            })}
          </div>
        ) : null,
      )}
      {!loading && providers.length > 0 && configured.length === 0 ? (
        <p className="text-sm text-slate-600">No provider is configured yet, so there is nothing to run against.</p>
      ) : null}

      {selected.length ? (
        <div className="space-y-2">
          <h4 className="text-sm font-semibold text-slate-900">Parameters per model</h4>
          <ol className="grid gap-2 lg:grid-cols-2">
            {selected.map((s, i) => {
              const key = modelKey(s);
              const id = `${base}-p-${i}`;
              const m = info.get(key);
              const error = errors[key];
              return (
                <li key={key} className="min-w-0 rounded-lg border border-slate-200 bg-white p-3" data-testid="picked-model">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <p className="min-w-0 text-sm">
                      <span className="mr-1.5 inline-flex size-5 items-center justify-center rounded-full bg-indigo-100 text-xs font-semibold text-indigo-800">{i + 1}</span>
                      <span className="text-slate-500">{s.provider}/</span>
                      <span className="break-all font-mono font-medium text-slate-900">{s.model}</span>
                    </p>
                    <button type="button" onClick={() => onChange(selected.filter((x) => modelKey(x) !== key))} className="text-xs font-medium text-slate-500 underline-offset-2 hover:text-rose-700 hover:underline" aria-label={`Remove ${key}`}>
                      Remove
                    </button>
                  </div>
                  {m ? <p className="mt-0.5 text-xs text-slate-500">{formatPricePerMTok(m.inputUsdPerMTok, m.outputUsdPerMTok)} · {formatContext(m.contextTokens)}</p> : null}
                  <div className="mt-2 grid grid-cols-2 gap-2">
                    <div>
                      <label htmlFor={`${id}-temp`} className="block text-xs font-medium text-slate-700">
                        Temperature
                      </label>
                      <Input id={`${id}-temp`} inputMode="decimal" value={s.temperature} onChange={(e) => update(key, { temperature: e.target.value })} placeholder="default" className="mt-1 py-1" />
                    </div>
                    <div>
                      <label htmlFor={`${id}-max`} className="block text-xs font-medium text-slate-700">
                        Max tokens
                      </label>
                      <Input id={`${id}-max`} inputMode="numeric" value={s.maxTokens} onChange={(e) => update(key, { maxTokens: e.target.value })} placeholder="default" className="mt-1 py-1" />
                    </div>
                  </div>
                  <details className="mt-2 text-sm" open={s.system !== "" ? true : undefined}>
                    <summary className="cursor-pointer text-xs font-medium text-slate-600 hover:text-slate-900">System prompt override</summary>
                    <label htmlFor={`${id}-system`} className="sr-only">
                      System prompt for {key}
                    </label>
                    <Textarea id={`${id}-system`} rows={2} value={s.system} onChange={(e) => update(key, { system: e.target.value })} placeholder="Sent as the system message to this model only" className="mt-1.5 py-1.5 text-[13px]" />
                  </details>
                  {error ? (
                    <p role="alert" className="mt-1.5 text-sm text-rose-600">
                      {error}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </div>
      ) : null}
    </div>
  );
}
