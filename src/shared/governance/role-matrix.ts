// What each organisation role may do, written once as data (role × action). Every path that acts on
// an organisation or its prompts asks `roleAllows` through the domain's assertOrgAction
// (src/server/domain/governance), and the integration tests are generated from this table, so an
// action added here is tested for every role.
import type { OrgRole } from "./org-roles";

export const ORG_ACTIONS = {
  /** Read the organisation's prompts (members-only ones too) and their approved versions. */
  "prompt.read": ["admin", "owner", "contributor", "consumer"],
  /** Render, copy, fork, run in the harness: approved versions only for consumers. */
  "prompt.use": ["admin", "owner", "contributor", "consumer"],
  /** See versions that are not approved (in review, rejected, drafts) and their reviews. */
  "version.readUnapproved": ["admin", "owner", "contributor"],
  /** Create a prompt owned by the organisation, or transfer one's own prompt into it. */
  "prompt.create": ["admin", "owner"],
  /** Change a prompt's details (title, description, tags, visibility, global), archive, restore. */
  "prompt.update": ["admin", "owner"],
  "prompt.delete": ["admin"],
  /** Propose a version for review. */
  "version.propose": ["admin", "owner", "contributor"],
  /** Write a version that is approved at once (not for global prompts, which always need two approvals). */
  "version.publish": ["admin", "owner"],
  "version.approve": ["admin", "owner"],
  "version.reject": ["admin", "owner"],
  "version.deprecate": ["admin", "owner"],
  /** Move labels (production, latest, custom) — to approved versions only. */
  "label.move": ["admin", "owner"],
  /** List what waits for review. */
  "review.queue": ["admin", "owner"],
  "member.list": ["admin", "owner", "contributor", "consumer"],
  "member.invite": ["admin", "owner"],
  "member.setRole": ["admin", "owner"],
  "member.remove": ["admin", "owner"],
  "org.update": ["admin"],
  "audit.read": ["admin", "owner"],
  /** The organisation's usage dashboard (its prompts' views, uses, revenue…). */
  "analytics.read": ["admin", "owner"],
  "webhook.manage": ["admin", "owner"],
  /** Create, edit, delete and reorder the organisation's collections, and see its private ones. */
  "collection.manage": ["admin", "owner"],
  /** The capture proxy counts a member's captured calls as uses of the organisation's prompts. */
  "capture.attribute": ["admin", "owner", "contributor", "consumer"],
} as const satisfies Record<string, readonly OrgRole[]>;

export type OrgAction = keyof typeof ORG_ACTIONS;
export const ORG_ACTION_NAMES = Object.keys(ORG_ACTIONS) as OrgAction[];

export function roleAllows(role: OrgRole | null | undefined, action: OrgAction): boolean {
  return role != null && (ORG_ACTIONS[action] as readonly OrgRole[]).includes(role);
}
