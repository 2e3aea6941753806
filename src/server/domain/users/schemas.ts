import { z } from "zod";
import { visibleText } from "@/shared/text/visible-text";

export const handleSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "must be at least 3 characters")
  .max(30, "is at most 30 characters")
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, "uses lowercase letters, digits and inner dashes only");
export const emailSchema = z.string().trim().toLowerCase().max(254).email("must be a valid email address");
/** The name shown next to a handle. */
const displayNameSchema = visibleText(z.string().trim().max(80, "is at most 80 characters"));
export const passwordSchema = z.string().min(8, "must be at least 8 characters").max(200, "is at most 200 characters");

export const signUpInput = z.object({
  email: emailSchema,
  password: passwordSchema,
  handle: handleSchema,
  name: displayNameSchema.optional(),
});
export type SignUpInput = z.infer<typeof signUpInput>;

export const byHandleInput = z.object({ handle: z.string().trim().toLowerCase().min(1, "is required").max(40) });

export const updateProfileInput = z.object({
  name: displayNameSchema.optional(),
  bio: visibleText(z.string().trim().max(500, "is at most 500 characters")).optional(),
  image: z.union([z.literal(""), z.string().trim().url("must be an http(s) URL").max(500).regex(/^https?:\/\//, "must be an http(s) URL")]).optional(),
});
