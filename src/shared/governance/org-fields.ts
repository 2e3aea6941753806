// The fields of an organisation and of an invitation as the API validates them and as the forms
// check them before sending: one declaration for both.
import { z } from "zod";
import { visibleText } from "../text/visible-text";
import { emailSchema, handleSchema } from "../auth/account-fields";
import { orgRoleSchema } from "./org-roles";

export const ORG_NAME_MAX_LENGTH = 80;
export const ORG_DESCRIPTION_MAX_LENGTH = 500;
/** Days an invitation waits for its invitee before it lapses. */
export const INVITATION_DAYS = 14;

export const orgNameSchema = visibleText(z.string().trim().min(2, "must be at least 2 characters").max(ORG_NAME_MAX_LENGTH, `is at most ${ORG_NAME_MAX_LENGTH} characters`));
export const orgSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, "must be at least 2 characters")
  .max(40, "is at most 40 characters")
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, "uses lowercase letters, digits and inner dashes only");
export const orgDescriptionSchema = visibleText(z.string().trim().max(ORG_DESCRIPTION_MAX_LENGTH, `is at most ${ORG_DESCRIPTION_MAX_LENGTH} characters`));

export const createOrgFields = z.object({ name: orgNameSchema, slug: orgSlugSchema });

/** Whom to invite: exactly one of an email address or a handle, and the role they will hold. */
export const inviteFields = z
  .object({
    email: emailSchema.optional(),
    handle: handleSchema.optional(),
    role: orgRoleSchema,
  })
  .superRefine((i, ctx) => {
    if (!i.email === !i.handle) ctx.addIssue({ code: "custom", path: [i.email ? "handle" : "email"], message: "give an email address or a handle (one of them)" });
  });

/** A slug suggestion from a name (the create form fills it in until the slug is edited). */
export function suggestOrgSlug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
}

/** What each visibility means for an organisation's prompt (the personal hints are in shared/prompts/visibility.ts). */
export const ORG_VISIBILITY_HINTS = {
  public: "Anyone can see its approved versions; listed in Explore.",
  unlisted: "Anyone with the link can see its approved versions; not listed anywhere.",
  members: "Only the organisation's members can see it (consumers: approved versions only).",
  private: "Only the organisation's contributors, owners and admins can see it.",
} as const;
