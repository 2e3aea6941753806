// Reads the `fieldErrors` our tRPC error formatter attaches (zod issues or domain conflicts, keyed by field
// path such as "title" or "tags.0") and turns them into one readable line per form field.

export type FieldErrorMap = Record<string, string[]>;

export function fieldErrorsOf(error: unknown): FieldErrorMap {
  const data = (error as { data?: { fieldErrors?: FieldErrorMap | null } } | null | undefined)?.data;
  return data?.fieldErrors ?? {};
}

// Messages like "is taken" or "must be at least 3 characters" read as the end of a sentence about the field.
const PREDICATE = /^(is|are|must|cannot|can't|uses|has|have|should|needs?)\b/i;

/**
 * The messages for one field: the exact key plus any nested keys ("tags" also collects "tags.0", "tags.3").
 * Returns undefined when the field has no errors.
 */
export function fieldError(errors: FieldErrorMap, field: string, label: string): string | undefined {
  const messages = Object.entries(errors)
    .filter(([key]) => key === field || key.startsWith(`${field}.`))
    .flatMap(([, msgs]) => msgs);
  if (messages.length === 0) return undefined;
  return [...new Set(messages)]
    .map((m) => (PREDICATE.test(m) ? `${label} ${m}` : m.charAt(0).toUpperCase() + m.slice(1)))
    .map((m) => (/[.!?]$/.test(m) ? m : `${m}.`))
    .join(" ");
}

/** Field keys with errors that none of the given fields will show (reported in the form-level message). */
export function unplacedFieldErrors(errors: FieldErrorMap, fields: string[]): string[] {
  return Object.entries(errors)
    .filter(([key]) => !fields.some((f) => key === f || key.startsWith(`${f}.`)))
    .map(([key, msgs]) => `${key}: ${msgs.join(", ")}`);
}
