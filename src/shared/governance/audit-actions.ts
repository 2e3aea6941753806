// Every action the audit log records, with the words the audit page shows. Domain code names its
// entry with one of these; the audit page's filter offers them.
export const AUDIT_ACTIONS = {
  "org.create": "Created the organisation",
  "org.update": "Changed the organisation's settings",
  "member.invite": "Invited a member",
  "invitation.accept": "Accepted an invitation",
  "invitation.decline": "Declined an invitation",
  "invitation.revoke": "Revoked an invitation",
  "member.add": "Added a member",
  "member.setRole": "Changed a member's role",
  "member.remove": "Removed a member",
  "member.leave": "Left the organisation",
  "prompt.transfer": "Transferred a prompt into the organisation",
  "prompt.settings": "Changed a prompt's visibility or global flag",
  "version.propose": "Proposed a version",
  "version.approve": "Approved a version",
  "version.reject": "Rejected a version",
  "version.publish": "Published a version",
  "version.deprecate": "Deprecated a version",
  "label.move": "Moved a label",
  "apiKey.create": "Created an API key",
  "apiKey.revoke": "Revoked an API key",
  "apiKey.rotate": "Rotated an API key",
  "listing.price": "Changed a listing's price",
  "listing.status": "Changed a listing's status",
  "refund.create": "Refunded a purchase",
  "provider.add": "Added a model provider key",
  "provider.remove": "Removed a model provider key",
  "webhook.create": "Registered a webhook",
  "webhook.delete": "Deleted a webhook",
  "webhook.replay": "Replayed a webhook delivery",
  "account.password": "Changed the account password",
  "account.email": "Changed the account email",
  "account.delete": "Deleted the account",
  "signin.locked": "Sign-in locked after repeated wrong passwords",
  "user.role": "Changed a user's site role",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
export const AUDIT_ACTION_NAMES = Object.keys(AUDIT_ACTIONS) as AuditAction[];
/** "allowed" for what happened, "refused" for a sensitive attempt that was refused. */
export const AUDIT_OUTCOMES = ["allowed", "refused"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];
