"use client";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select, Textarea } from "@/components/ui/field";
import { PlusIcon } from "@/components/ui/icons";
import { ASSERTION_LABELS, ASSERTION_TYPES, DEFAULT_SIMILAR_THRESHOLD, assertionSchema, type Assertion, type AssertionType } from "@/shared/harness/assertions";
import { MAX_HARNESS_ASSERTIONS } from "@/shared/harness/run-fields";

/** One assertion as typed: every field a string until it is checked (toAssertion). */
export type AssertionDraft = { key: number; type: AssertionType; value: string; threshold: string; judge: string };

// Keys come from the list, not a module counter: a server process's counter is not the browser's,
// so a row added after hydration could get the key (and the input ids) of the server-rendered row.
export const newAssertionDraft = (type: AssertionType = "contains", value = "", key = 0): AssertionDraft => ({ key, type, value, threshold: "", judge: "" });
/** The key for a row added to `drafts`: one more than any key in it. */
export const nextAssertionKey = (drafts: AssertionDraft[]) => drafts.reduce((max, d) => Math.max(max, d.key), -1) + 1;

const PLACEHOLDERS: Partial<Record<AssertionType, string>> = {
  contains: "Text the output must contain",
  icontains: "Text, in any case",
  "not-contains": "Text the output must not contain",
  equals: "The whole expected output",
  regex: "A pattern, e.g. ^Summary:",
  latency: "Milliseconds, e.g. 3000",
  cost: "USD, e.g. 0.01",
  similar: "A reference answer the output should mean",
  "llm-rubric": "What a good answer does, e.g. Is polite and names the refund policy",
};

/** The draft as the API takes it, or the message for the field that is wrong. */
export function toAssertion(d: AssertionDraft): { assertion: Assertion } | { error: string } {
  let candidate: Record<string, unknown> = { type: d.type };
  switch (d.type) {
    case "latency":
    case "cost":
      candidate.value = d.value.trim() === "" ? undefined : Number(d.value);
      break;
    case "is-json":
      if (d.value.trim()) {
        try {
          candidate.value = JSON.parse(d.value);
        } catch (e) {
          return { error: `The JSON Schema is not JSON (${(e as Error).message})` };
        }
      }
      break;
    case "similar":
      candidate = { ...candidate, value: d.value, threshold: d.threshold.trim() === "" ? undefined : Number(d.threshold) };
      break;
    case "llm-rubric": {
      const [provider, ...rest] = d.judge ? d.judge.split("/") : [];
      candidate = { ...candidate, value: d.value, ...(d.judge ? { provider, model: rest.join("/") } : {}) };
      break;
    }
    default:
      candidate.value = d.value;
  }
  const parsed = assertionSchema.safeParse(candidate);
  if (parsed.success) return { assertion: parsed.data };
  const issue = parsed.error.issues[0];
  const field = issue.path.length ? String(issue.path.at(-1)) : "type";
  return { error: `${field === "value" ? valueName(d.type) : field} ${issue.message}` };
}

const valueName = (type: AssertionType) =>
  ({ latency: "Milliseconds", cost: "USD", regex: "Pattern", "is-json": "Schema", similar: "Reference", "llm-rubric": "Rubric" })[type as string] ?? "Text";

export type JudgeOption = { value: string; label: string };

/**
 * A list of promptfoo-named checks, one row each: the kind, then the fields that kind needs
 * (text, a number, an optional JSON Schema, a reference and threshold, a rubric and its judge).
 */
export function AssertionBuilder({
  drafts,
  onChange,
  errors,
  judges,
}: {
  drafts: AssertionDraft[];
  onChange: (next: AssertionDraft[]) => void;
  /** By draft key, shown under the row. */
  errors: Record<number, string | undefined>;
  /** Models that may judge an llm-rubric (besides each cell's own model). */
  judges: JudgeOption[];
}) {
  const base = useId();
  const update = (key: number, patch: Partial<AssertionDraft>) => onChange(drafts.map((d) => (d.key === key ? { ...d, ...patch } : d)));
  return (
    <div className="space-y-3">
      {drafts.length === 0 ? <p className="text-sm text-slate-500">No assertions: the outputs are shown without pass/fail checks.</p> : null}
      <ul className="space-y-3">
        {drafts.map((d, i) => {
          const id = `${base}-${d.key}`;
          const error = errors[d.key];
          const multiline = d.type === "llm-rubric" || d.type === "is-json" || d.type === "similar" || d.type === "equals";
          return (
            <li key={d.key} className="rounded-lg border border-slate-200 bg-slate-50/60 p-3" data-testid="assertion-row">
              <div className="flex flex-wrap items-start gap-2">
                <label htmlFor={`${id}-type`} className="sr-only">
                  Assertion {i + 1} type
                </label>
                <Select
                  id={`${id}-type`}
                  value={d.type}
                  onChange={(e) => update(d.key, { type: e.target.value as AssertionType, threshold: "", judge: "" })}
                  className="w-full py-1.5 sm:w-40"
                  title={ASSERTION_LABELS[d.type]}
                >
                  {ASSERTION_TYPES.map((t) => (
                    <option key={t} value={t}>
                      {t}
                    </option>
                  ))}
                </Select>
                <div className="min-w-0 flex-1 basis-56">
                  <label htmlFor={`${id}-value`} className="sr-only">
                    Assertion {i + 1} {valueName(d.type).toLowerCase()}
                  </label>
                  {multiline ? (
                    <Textarea
                      id={`${id}-value`}
                      rows={d.type === "is-json" ? 3 : 2}
                      value={d.value}
                      onChange={(e) => update(d.key, { value: e.target.value })}
                      placeholder={d.type === "is-json" ? 'Optional JSON Schema, e.g. {"type":"object","required":["answer"]}' : PLACEHOLDERS[d.type]}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${id}-error` : undefined}
                      className="py-1.5 font-mono text-[13px]"
                    />
                  ) : (
                    <Input
                      id={`${id}-value`}
                      inputMode={d.type === "latency" || d.type === "cost" ? "decimal" : undefined}
                      value={d.value}
                      onChange={(e) => update(d.key, { value: e.target.value })}
                      placeholder={PLACEHOLDERS[d.type]}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${id}-error` : undefined}
                      className="py-1.5 font-mono text-[13px]"
                    />
                  )}
                </div>
                <Button variant="ghost" size="sm" onClick={() => onChange(drafts.filter((x) => x.key !== d.key))} aria-label={`Remove assertion ${i + 1}`} className="self-center">
                  Remove
                </Button>
              </div>
              {d.type === "similar" ? (
                <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
                  <label htmlFor={`${id}-threshold`} className="text-slate-700">
                    Cosine at least
                  </label>
                  <Input id={`${id}-threshold`} inputMode="decimal" value={d.threshold} onChange={(e) => update(d.key, { threshold: e.target.value })} placeholder={String(DEFAULT_SIMILAR_THRESHOLD)} className="w-24 py-1" />
                </div>
              ) : null}
              {d.type === "llm-rubric" ? (
                <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
                  <label htmlFor={`${id}-judge`} className="text-slate-700">
                    Judge
                  </label>
                  <Select id={`${id}-judge`} value={d.judge} onChange={(e) => update(d.key, { judge: e.target.value })} className="w-auto min-w-0 max-w-full py-1">
                    <option value="">Each column&apos;s own model</option>
                    {judges.map((j) => (
                      <option key={j.value} value={j.value}>
                        {j.label}
                      </option>
                    ))}
                  </Select>
                </div>
              ) : null}
              {error ? (
                <p id={`${id}-error`} role="alert" className="mt-1.5 text-sm text-rose-600">
                  {error}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      <Button variant="secondary" size="sm" onClick={() => onChange([...drafts, newAssertionDraft("contains", "", nextAssertionKey(drafts))])} disabled={drafts.length >= MAX_HARNESS_ASSERTIONS}>
        <PlusIcon />
        Add assertion
      </Button>
    </div>
  );
}
