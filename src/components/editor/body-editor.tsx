"use client";
import { useDeferredValue, useMemo } from "react";
import { findInvalidSlots, parseVariables } from "@/shared/prompts/variables";
import { MAX_BODY_LENGTH } from "@/shared/prompts/prompt-fields";
import { BodyPreview } from "./body-preview";
import { InvalidSlots } from "./invalid-slots";
import { VariableChips } from "./variable-chips";
import { VariableSyntaxHint } from "./variable-syntax-hint";

/**
 * The prompt body: a monospace textarea, the `{{variables}}` detected as you type (with defaults),
 * a syntax hint and a highlighted preview. Shared by "New prompt" and "New version".
 */
export function BodyEditor({
  id,
  value,
  onChange,
  error,
  label = "Body",
  description,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  label?: string;
  description?: string;
}) {
  const deferred = useDeferredValue(value);
  const variables = useMemo(() => parseVariables(deferred), [deferred]);
  // Flagged as you type; the forms block saving while any remain (and the API refuses them).
  const invalidSlots = useMemo(() => findInvalidSlots(deferred), [deferred]);
  const tooLong = value.length > MAX_BODY_LENGTH;
  const describedBy = [error ? `${id}-error` : null, invalidSlots.length ? `${id}-slots` : null, `${id}-count`].filter(Boolean).join(" ");

  return (
    // Phones: body, variables, preview (the chips stay near the caret). Wide screens: variables in a sticky side column.
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_17rem] lg:gap-x-6">
      <div className="min-w-0 space-y-1.5 lg:col-start-1 lg:row-start-1">
        <div className="flex items-baseline justify-between gap-3">
          <label htmlFor={id} className="block text-sm font-medium text-slate-800">
            {label}
          </label>
          <span id={`${id}-count`} className={`text-xs tabular-nums ${tooLong ? "font-semibold text-rose-600" : "text-slate-400"}`}>
            {value.length.toLocaleString("en-US")} / {MAX_BODY_LENGTH.toLocaleString("en-US")}
          </span>
        </div>
        {description ? <p className="text-xs text-slate-500">{description}</p> : null}
        <textarea
          id={id}
          name="body"
          required
          value={value}
          onChange={(e) => onChange(e.target.value)}
          rows={16}
          spellCheck={false}
          aria-invalid={error || tooLong || invalidSlots.length ? true : undefined}
          aria-describedby={describedBy}
          placeholder={"You are a {{role|helpful assistant}}.\n\nWrite a {{tone|friendly}} reply to this message:\n\n{{message}}"}
          className="block min-h-[18rem] w-full resize-y rounded-md border-0 bg-white px-3 py-2.5 font-mono text-[13px] leading-6 text-slate-900 shadow-xs ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-indigo-600 aria-[invalid=true]:ring-rose-500"
        />
        {error ? (
          <p id={`${id}-error`} role="alert" className="text-sm text-rose-600">
            {error}
          </p>
        ) : null}
        <InvalidSlots id={`${id}-slots`} slots={invalidSlots} />
      </div>
      <aside aria-labelledby={`${id}-variables-heading`} className="space-y-4 lg:sticky lg:top-20 lg:col-start-2 lg:row-span-2 lg:row-start-1 lg:self-start">
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <div className="mb-3 flex items-center justify-between gap-2">
            <h3 id={`${id}-variables-heading`} className="text-sm font-semibold text-slate-900">
              Variables
            </h3>
            <span aria-live="polite" className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium tabular-nums text-slate-600">
              {variables.length} detected
            </span>
          </div>
          <VariableChips variables={variables} />
        </div>
        <div className="rounded-lg border border-slate-200 bg-slate-50 p-4">
          <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">Syntax</h3>
          <VariableSyntaxHint />
        </div>
      </aside>
      <section aria-labelledby={`${id}-preview-heading`} className="min-w-0 overflow-hidden rounded-lg border border-slate-200 bg-slate-50/60 lg:col-start-1 lg:row-start-2">
        <div className="flex items-center justify-between border-b border-slate-200 bg-white px-4 py-2">
          <h3 id={`${id}-preview-heading`} className="text-xs font-semibold uppercase tracking-wide text-slate-500">
            Preview
          </h3>
          <span className="flex items-center gap-1.5 text-xs text-slate-500">
            <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-sm bg-indigo-100 ring-1 ring-inset ring-indigo-200" /> variable
          </span>
        </div>
        <BodyPreview body={deferred} />
      </section>
    </div>
  );
}
