// The roles a member holds in an organisation, from most to least powerful, declared once for the
// API's validation, the role matrix and the pages.
import { z } from "zod";

export const ORG_ROLES = ["admin", "owner", "contributor", "consumer"] as const;
export type OrgRole = (typeof ORG_ROLES)[number];
export const orgRoleSchema = z.enum(ORG_ROLES);

export const ORG_ROLE_LABELS: Record<OrgRole, string> = {
  admin: "Admin",
  owner: "Owner",
  contributor: "Contributor",
  consumer: "Consumer",
};

export const ORG_ROLE_DESCRIPTIONS: Record<OrgRole, string> = {
  admin: "Manages the organisation, its members and settings, and everything an owner does.",
  owner: "Owns the prompts: creates and publishes them, approves or rejects proposals, reads the audit log.",
  contributor: "Proposes new versions for review; sees proposals.",
  consumer: "Sees and uses approved versions only.",
};

/** 0 for admin … 3 for consumer: a lower rank holds more power. */
export const orgRoleRank = (role: OrgRole) => ORG_ROLES.indexOf(role);

/** Whether `role` is at least as powerful as `than` (a member never grants a role above their own). */
export const roleAtLeast = (role: OrgRole, than: OrgRole) => orgRoleRank(role) <= orgRoleRank(than);
