// A zod failure from checking a form in the browser, shaped like the API's validation error
// (`data.fieldErrors` keyed by field path), so forms show it with the same field-error helpers.
import type { z } from "zod";
import type { FieldErrorMap } from "./field-errors";

export type ClientValidationError = { message: string; data: { fieldErrors: FieldErrorMap } };

export function clientValidationError(error: z.ZodError): ClientValidationError {
  const fieldErrors: FieldErrorMap = {};
  for (const issue of error.issues) (fieldErrors[issue.path.join(".") || "form"] ??= []).push(issue.message);
  return { message: "Please fix the highlighted fields.", data: { fieldErrors } };
}
