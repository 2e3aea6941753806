"use client";
import { Field, Textarea } from "@/components/ui/field";
import type { PromptVariable } from "@/shared/prompts/variables";

/**
 * One textarea per `{{variable}}` of a version, with its description and default as hints. Shared by
 * "Try it" (render) and "Test" (run against models) so both fill the same values the same way.
 */
export function VariableFields({
  variables,
  values,
  onChange,
  fieldErrors,
  idPrefix = "var",
}: {
  variables: PromptVariable[];
  values: Record<string, string>;
  onChange: (next: Record<string, string>) => void;
  /** The API's field errors, keyed `variables.<name>`. */
  fieldErrors?: Record<string, string[] | undefined> | null;
  idPrefix?: string;
}) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {variables.map((v) => {
        const id = `${idPrefix}-${v.name}`;
        const error = fieldErrors?.[`variables.${v.name}`]?.join(", ");
        const hint = [v.description, v.default !== undefined ? `Leave empty to use the default.` : null].filter(Boolean).join(" ");
        return (
          <Field key={v.name} label={v.name} htmlFor={id} error={error ? `{{${v.name}}} ${error}` : undefined} hint={hint || undefined}>
            <Textarea
              id={id}
              name={v.name}
              rows={2}
              value={values[v.name] ?? ""}
              placeholder={v.default ?? `Value for ${v.name}`}
              onChange={(e) => onChange({ ...values, [v.name]: e.target.value })}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              className="font-mono text-[13px]"
            />
          </Field>
        );
      })}
    </div>
  );
}

/** Empty inputs are left out so the server falls back to each variable's default. */
export const givenValues = (variables: PromptVariable[], values: Record<string, string>) =>
  Object.fromEntries(variables.filter((v) => (values[v.name] ?? "") !== "").map((v) => [v.name, values[v.name]]));
