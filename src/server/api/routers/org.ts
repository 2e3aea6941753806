import { createTRPCRouter, protectedProcedure, publicProcedure } from "../trpc";
import * as s from "@/server/domain/orgs/schemas";
import { createOrg } from "@/server/domain/orgs/create-org";
import { updateOrg } from "@/server/domain/orgs/update-org";
import { myOrgs, orgBySlug, orgMembers, orgPrompts, sentInvitations } from "@/server/domain/orgs/org-queries";
import { acceptInvitation, declineInvitation, invitationByLink, inviteMember, myInvitations, revokeInvitation } from "@/server/domain/orgs/invitations";
import { leaveOrg, removeMember, setMemberRole } from "@/server/domain/orgs/membership-changes";
import { transferPrompt } from "@/server/domain/orgs/transfer-prompt";

export const orgRouter = createTRPCRouter({
  create: protectedProcedure.input(s.createOrgInput).mutation(({ ctx, input }) => createOrg(ctx.db, ctx.actor, input, ctx.request)),
  bySlug: publicProcedure.input(s.orgSlugInput).query(({ ctx, input }) => orgBySlug(ctx.db, ctx.viewer, input.slug)),
  mine: protectedProcedure.query(({ ctx }) => myOrgs(ctx.db, ctx.actor)),
  update: protectedProcedure.input(s.updateOrgInput).mutation(({ ctx, input }) => updateOrg(ctx.db, ctx.actor, input, ctx.request)),
  prompts: publicProcedure.input(s.orgIdInput).query(({ ctx, input }) => orgPrompts(ctx.db, ctx.viewer, input.orgId)),
  members: publicProcedure.input(s.orgIdInput).query(({ ctx, input }) => orgMembers(ctx.db, ctx.viewer, input.orgId)),
  invite: protectedProcedure.input(s.inviteInput).mutation(({ ctx, input }) => inviteMember(ctx.db, ctx.actor, input, ctx.request)),
  sentInvitations: protectedProcedure.input(s.orgIdInput).query(({ ctx, input }) => sentInvitations(ctx.db, ctx.actor, input.orgId)),
  invitations: protectedProcedure.query(({ ctx }) => myInvitations(ctx.db, ctx.actor)),
  /** The invitation an invitation link names (its secret must match). */
  invitationByLink: protectedProcedure.input(s.invitationLinkInput).query(({ ctx, input }) => invitationByLink(ctx.db, input.invitationId, input.token)),
  acceptInvitation: protectedProcedure.input(s.answerInvitationInput).mutation(({ ctx, input }) => acceptInvitation(ctx.db, ctx.actor, input.invitationId, ctx.request, input.token)),
  declineInvitation: protectedProcedure.input(s.answerInvitationInput).mutation(({ ctx, input }) => declineInvitation(ctx.db, ctx.actor, input.invitationId, ctx.request, input.token)),
  revokeInvitation: protectedProcedure.input(s.invitationIdInput).mutation(({ ctx, input }) => revokeInvitation(ctx.db, ctx.actor, input.invitationId, ctx.request)),
  setRole: protectedProcedure.input(s.setRoleInput).mutation(({ ctx, input }) => setMemberRole(ctx.db, ctx.actor, input, ctx.request)),
  removeMember: protectedProcedure.input(s.memberInput).mutation(({ ctx, input }) => removeMember(ctx.db, ctx.actor, input, ctx.request)),
  leave: protectedProcedure.input(s.orgIdInput).mutation(({ ctx, input }) => leaveOrg(ctx.db, ctx.actor, input.orgId, ctx.request)),
  transferPrompt: protectedProcedure.input(s.transferPromptInput).mutation(({ ctx, input }) => transferPrompt(ctx.db, ctx.actor, input, ctx.request)),
});
