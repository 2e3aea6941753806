// The kinds of in-app notification, declared once: the Prisma enum NotificationKind lists the
// same names (a test checks they match).

export const NOTIFICATION_KINDS = [
  "comment_reply",
  "prompt_comment",
  "prompt_rating",
  "new_follower",
  "prompt_fork",
  "listing_sale",
  "listing_refund",
  "org_invitation",
] as const;

export type NotificationKindName = (typeof NOTIFICATION_KINDS)[number];

/** Short labels for filters and headings. */
export const NOTIFICATION_LABELS: Record<NotificationKindName, string> = {
  comment_reply: "Reply",
  prompt_comment: "Comment",
  prompt_rating: "Rating",
  new_follower: "New follower",
  prompt_fork: "Fork",
  listing_sale: "Sale",
  listing_refund: "Refund",
  org_invitation: "Invitation",
};

/**
 * What the server knows of a notification when it words it. `actor` and `prompt` are null when the
 * recipient may not know them (a deleted account, a prompt that became private, a private fork).
 */
export type NotificationFacts = {
  kind: NotificationKindName;
  actor: { handle: string; name: string | null } | null;
  prompt: { title: string } | null;
  stars?: number | null;
  /** A sale's or refund's amount, already formatted ("$12.00"). */
  amount?: string | null;
  /** For a refund: whether the whole sale was refunded. */
  full?: boolean | null;
  /** For a sale: a free license claimed, not money. */
  free?: boolean | null;
  /** For an invitation: the organisation and the role offered. */
  org?: { name: string } | null;
  role?: string | null;
};

/** The sentence shown for a notification, in one place for the header dropdown and the page. */
export function notificationText(n: NotificationFacts): string {
  const who = n.actor ? n.actor.name || `@${n.actor.handle}` : "Someone";
  const what = n.prompt ? `“${n.prompt.title}”` : "a prompt you can no longer see";
  const yours = n.prompt ? `your prompt “${n.prompt.title}”` : "one of your prompts";
  switch (n.kind) {
    case "comment_reply":
      return `${who} replied to your comment on ${what}`;
    case "prompt_comment":
      return `${who} commented on ${yours}`;
    case "prompt_rating":
      return `${who} rated ${yours}${n.stars ? ` ${n.stars} ${n.stars === 1 ? "star" : "stars"}` : ""}`;
    case "new_follower":
      return `${who} started following you`;
    case "prompt_fork":
      return `${who} forked ${yours}`;
    case "listing_sale":
      return n.free ? `Someone claimed a free license for ${yours}` : `You sold a license for ${yours}${n.amount ? ` (${n.amount})` : ""}`;
    case "listing_refund":
      return `${n.full ? "A sale" : "Part of a sale"} of ${yours} was refunded${n.amount ? ` (${n.amount})` : ""}`;
    case "org_invitation":
      return `${who} invited you to join ${n.org ? n.org.name : "an organisation"}${n.role ? ` as ${n.role}` : ""}`;
  }
}
