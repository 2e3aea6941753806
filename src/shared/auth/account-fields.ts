// The fields of an account as the API validates them and as the sign-up and sign-in forms check
// them before sending: one declaration for both, so the browser catches what the server would refuse.
import { z } from "zod";
import { visibleText } from "../text/visible-text";

export const handleSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "must be at least 3 characters")
  .max(30, "is at most 30 characters")
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, "uses lowercase letters, digits and inner dashes only");
export const emailSchema = z.string().trim().toLowerCase().max(254).email("must be a valid email address");
/** The name shown next to a handle. */
export const displayNameSchema = visibleText(z.string().trim().max(80, "is at most 80 characters"));
export const passwordSchema = z.string().min(8, "must be at least 8 characters").max(200, "is at most 200 characters");

export const signUpFields = z.object({
  email: emailSchema,
  password: passwordSchema,
  handle: handleSchema,
  name: displayNameSchema.optional(),
});

/** What the sign-in form checks before asking: a plausible email and some password (the server judges the rest). */
export const signInFields = z.object({
  email: emailSchema,
  password: z.string().min(1, "is required").max(200, "is at most 200 characters"),
});
