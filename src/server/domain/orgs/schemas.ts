// API inputs of the org router, composed from the organisation fields the forms share.
import { z } from "zod";
import { handleSchema } from "@/shared/auth/account-fields";
import { createOrgFields, inviteFields, orgDescriptionSchema, orgNameSchema, orgSlugSchema } from "@/shared/governance/org-fields";
import { orgRoleSchema } from "@/shared/governance/org-roles";
import { idSchema } from "../ids";

export const createOrgInput = createOrgFields;
export type CreateOrgInput = z.infer<typeof createOrgInput>;

export const orgIdInput = z.object({ orgId: idSchema });
export const orgSlugInput = z.object({ slug: orgSlugSchema });

export const updateOrgInput = z.object({ orgId: idSchema, name: orgNameSchema.optional(), description: orgDescriptionSchema.optional() });
export type UpdateOrgInput = z.infer<typeof updateOrgInput>;

export const inviteInput = z.intersection(z.object({ orgId: idSchema }), inviteFields);
export type InviteInput = z.infer<typeof inviteInput>;

export const invitationIdInput = z.object({ invitationId: idSchema });
/** The secret of an invitation link (an email invitation no account answered yet). */
const tokenSchema = z.string({ error: "must be the token from the invitation link" }).trim().min(1, "must be the token from the invitation link").max(200, "must be the token from the invitation link");
export const answerInvitationInput = z.object({ invitationId: idSchema, token: tokenSchema.optional() });
export const invitationLinkInput = z.object({ invitationId: idSchema, token: tokenSchema });

export const setRoleInput = z.object({ orgId: idSchema, handle: handleSchema, role: orgRoleSchema });
export type SetRoleInput = z.infer<typeof setRoleInput>;

export const memberInput = z.object({ orgId: idSchema, handle: handleSchema });

export const transferPromptInput = z.object({ promptId: idSchema, orgId: idSchema });
export type TransferPromptInput = z.infer<typeof transferPromptInput>;
