"use client";
import { useCallback, useEffect, useState, type RefObject } from "react";
import { fieldError, fieldErrorsOf, unplacedFieldErrors } from "./field-errors";

/**
 * Field errors from the last failed mutation, per form field. A field's error disappears as soon as
 * the user edits that field (`touch`), and comes back only if the next submit fails on it again.
 */
export function useFieldErrors(error: unknown, fields: readonly string[]) {
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const errors = fieldErrorsOf(error);
  const open = (field: string) => !touched.has(field) && fieldError(errors, field, field) !== undefined;

  return {
    /** The readable error for a field, or undefined. */
    errorFor: (field: string, label: string) => (touched.has(field) ? undefined : fieldError(errors, field, label)),
    /** Call when a field changes. */
    touch: useCallback((field: string) => setTouched((t) => (t.has(field) ? t : new Set(t).add(field))), []),
    /** Call on submit. */
    reset: useCallback(() => setTouched(new Set()), []),
    /** Some shown field still has an error. */
    anyOpen: fields.some(open),
    /** The server sent field errors for keys this form has no field for (show error.message then). */
    hasUnplaced: unplacedFieldErrors(errors, [...fields]).length > 0,
    hasFieldErrors: Object.keys(errors).length > 0,
  };
}

/** After a failed submit, moves focus to the first field marked invalid so keyboard and screen-reader users land on it. */
export function useFocusFirstInvalid(form: RefObject<HTMLFormElement | null>, error: unknown) {
  useEffect(() => {
    if (!error) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, error]);
}
