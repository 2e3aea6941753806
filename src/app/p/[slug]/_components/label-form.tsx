"use client";
import { useMutation } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { useFieldErrors, useFocusFirstInvalid } from "@/components/ui/use-field-errors";
import { clientValidationError, type ClientValidationError } from "@/components/ui/validation-error";
import { settableLabelNameSchema, SPLIT_PERCENT_MAX, SPLIT_PERCENT_MIN } from "@/shared/prompts/label-names";
import { useTRPC } from "@/trpc/react";
import { z } from "zod";

export type LabelFormValues = { name: string; versionId: string; splitVersionId: string; splitPercent: string };
const FIELDS = ["name", "versionId", "splitVersionId", "splitPercent"] as const;

/**
 * Points a label at a version, optionally splitting its traffic with a second version by weight
 * (an A/B test). The name is checked here by the same rule the server applies.
 */
export function LabelForm({
  promptId,
  versions,
  initial,
  onDone,
}: {
  promptId: string;
  /** Approved, undeprecated versions, newest first. */
  versions: { id: string; number: number }[];
  initial: LabelFormValues;
  onDone: (message: string) => void;
}) {
  const trpc = useTRPC();
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(initial);
  const [splitOn, setSplitOn] = useState(Boolean(initial.splitVersionId));
  const [clientError, setClientError] = useState<ClientValidationError | null>(null);
  const set = useMutation(
    trpc.label.set.mutationOptions({
      onSuccess: (r) => onDone(r.split ? `${r.name} now sends ${100 - r.split.percent}% to v${r.version.number} and ${r.split.percent}% to v${r.split.number}.` : `${r.name} now points at v${r.version.number}.`),
    }),
  );
  const error = clientError ?? set.error;
  const fe = useFieldErrors(error, FIELDS);
  useFocusFirstInvalid(form, error);

  const change = (field: keyof LabelFormValues, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    fe.touch(field);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    fe.reset();
    const name = z.object({ name: settableLabelNameSchema }).safeParse({ name: values.name });
    if (!name.success) return setClientError(clientValidationError(name.error));
    setClientError(null);
    set.mutate({
      promptId,
      name: name.data.name,
      versionId: values.versionId,
      ...(splitOn ? { splitVersionId: values.splitVersionId || undefined, splitPercent: values.splitPercent === "" ? undefined : Number(values.splitPercent) } : {}),
    });
  };

  const field = (name: (typeof FIELDS)[number], label: string) => ({
    id: `${id}-${name}`,
    "aria-invalid": fe.errorFor(name, label) ? true : undefined,
    "aria-describedby": fe.errorFor(name, label) ? `${id}-${name}-error` : undefined,
  });

  return (
    <form ref={form} onSubmit={submit} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-3" aria-label="Set a label">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Label" htmlFor={`${id}-name`} error={fe.errorFor("name", "Label")} hint="Lowercase letters, digits, - and _ (e.g. staging)">
          <Input {...field("name", "Label")} value={values.name} maxLength={32} autoComplete="off" spellCheck={false} onChange={(e) => change("name", e.target.value)} />
        </Field>
        <Field label="Version" htmlFor={`${id}-versionId`} error={fe.errorFor("versionId", "Version")}>
          <Select {...field("versionId", "Version")} value={values.versionId} onChange={(e) => change("versionId", e.target.value)}>
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                v{v.number}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" className="h-4 w-4 rounded border-slate-300" checked={splitOn} disabled={versions.length < 2} onChange={(e) => setSplitOn(e.target.checked)} />
        Split traffic with a second version (A/B test)
      </label>
      {splitOn ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Second version" htmlFor={`${id}-splitVersionId`} error={fe.errorFor("splitVersionId", "Second version")}>
            <Select {...field("splitVersionId", "Second version")} value={values.splitVersionId} onChange={(e) => change("splitVersionId", e.target.value)}>
              <option value="">Choose…</option>
              {versions
                .filter((v) => v.id !== values.versionId)
                .map((v) => (
                  <option key={v.id} value={v.id}>
                    v{v.number}
                  </option>
                ))}
            </Select>
          </Field>
          <Field label="Its share of traffic (%)" htmlFor={`${id}-splitPercent`} error={fe.errorFor("splitPercent", "Its share")} hint={`${SPLIT_PERCENT_MIN} to ${SPLIT_PERCENT_MAX}; the first version gets the rest`}>
            <Input {...field("splitPercent", "Its share")} type="number" inputMode="numeric" min={SPLIT_PERCENT_MIN} max={SPLIT_PERCENT_MAX} value={values.splitPercent} onChange={(e) => change("splitPercent", e.target.value)} />
          </Field>
        </div>
      ) : null}
      {error && (!fe.hasFieldErrors || fe.hasUnplaced) ? (
        <p role="alert" className="text-sm text-rose-700">
          {error.message}
        </p>
      ) : null}
      <Button type="submit" size="sm" disabled={set.isPending}>
        {set.isPending ? "Saving…" : "Save label"}
      </Button>
    </form>
  );
}
