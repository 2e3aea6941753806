/** The bell's accessible name: "Notifications, 3 unread" (or none, or still loading). */
export function bellLabel(count: number | undefined) {
  if (count === undefined) return "Notifications";
  return count === 0 ? "Notifications, none unread" : `Notifications, ${count} unread`;
}

/** What the badge shows: the count, capped so it fits. */
export const badgeText = (count: number) => (count > 99 ? "99+" : String(count));
