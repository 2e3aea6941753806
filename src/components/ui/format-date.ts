// Every date and time in the app is written in one locale (en-US) and one time zone (UTC), so the
// server's HTML and the browser's render are the same text: no hydration mismatch, and no page
// that shows a different day depending on where it was rendered. Times of day say "UTC".
const dateFormat = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
const monthFormat = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "long", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
const shortDateTimeFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23", timeZone: "UTC" });

/** "Jan 5, 2026" */
export const formatDate = (value: Date | string) => dateFormat.format(new Date(value));
/** "January 2026" */
export const formatMonth = (value: Date | string) => monthFormat.format(new Date(value));
/** "Jan 5, 2026, 2:03:09 PM UTC" */
export const formatDateTime = (value: Date | string) => `${dateTimeFormat.format(new Date(value))} UTC`;
/** "Jan 5, 14:03:09", for dense tables (the zone is said once, nearby). */
export const formatShortDateTime = (value: Date | string) => shortDateTimeFormat.format(new Date(value));
/** For `<time dateTime>`. */
export const isoDate = (value: Date | string) => new Date(value).toISOString();

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];
const relative = new Intl.RelativeTimeFormat("en-US", { numeric: "auto" });

/** "3 hours ago", "yesterday", "just now" — relative to `now`. */
export function timeAgo(value: Date | string, now: Date = new Date()) {
  const seconds = Math.round((new Date(value).getTime() - now.getTime()) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.trunc(seconds / size), unit);
  }
  return "just now";
}
