import { Field, Input } from "@/components/ui/field";
import { CHANGELOG_MAX_LENGTH } from "@/shared/prompts/prompt-fields";

/** The optional one-line changelog saved with a version. */
export function ChangelogField({ id, value, onChange, error, placeholder }: { id: string; value: string; onChange: (v: string) => void; error?: string; placeholder: string }) {
  return (
    <Field label="Changelog" htmlFor={id} error={error} hint="Optional. A short note on what changed, shown in the version history.">
      <Input
        id={id}
        name="changelog"
        value={value}
        maxLength={CHANGELOG_MAX_LENGTH}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
    </Field>
  );
}
