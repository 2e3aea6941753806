import { z } from "zod";
import { visibleText } from "@/shared/text/visible-text";
import { displayNameSchema, emailSchema, handleSchema, passwordSchema, signUpFields } from "@/shared/auth/account-fields";

export { emailSchema, handleSchema, passwordSchema };

export const signUpInput = signUpFields;
export type SignUpInput = z.infer<typeof signUpInput>;

export const byHandleInput = z.object({ handle: z.string().trim().toLowerCase().min(1, "is required").max(40) });

export const updateProfileInput = z.object({
  name: displayNameSchema.optional(),
  bio: visibleText(z.string().trim().max(500, "is at most 500 characters")).optional(),
  image: z.union([z.literal(""), z.string().trim().url("must be an http(s) URL").max(500).regex(/^https?:\/\//, "must be an http(s) URL")]).optional(),
});

/** The password the account has now, when it must be confirmed (empty when the account has none). */
const currentPasswordSchema = z.string().max(200, "is at most 200 characters");

export const changePasswordInput = z.object({
  currentPassword: currentPasswordSchema.optional(),
  newPassword: passwordSchema,
});

export const changeEmailInput = z.object({
  email: emailSchema,
  currentPassword: currentPasswordSchema.optional(),
});

export const deleteAccountInput = z.object({
  /** The account's handle, typed out: deleting cannot be undone. */
  confirmHandle: z.string().trim().toLowerCase().min(1, "is required").max(40, "is at most 40 characters"),
  currentPassword: currentPasswordSchema.optional(),
});
