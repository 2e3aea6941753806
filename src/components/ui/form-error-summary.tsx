import { Alert } from "@/components/ui/alert";
import type { useFieldErrors } from "@/components/ui/use-field-errors";

/** The form-level message for a failed mutation: a pointer to the highlighted fields, or the server's message. */
export function FormErrorSummary({ error, state }: { error: { message: string } | null; state: ReturnType<typeof useFieldErrors> }) {
  if (!error) return null;
  if (state.hasFieldErrors && !state.hasUnplaced) return state.anyOpen ? <Alert tone="error">Please fix the highlighted fields.</Alert> : null;
  return <Alert tone="error" title="Could not save.">{error.message}</Alert>;
}
