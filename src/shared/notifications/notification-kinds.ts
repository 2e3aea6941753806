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
] as const;

export type NotificationKindName = (typeof NOTIFICATION_KINDS)[number];
