// Absolute dates in one fixed locale and time zone, so server and browser render the same text.
const dateFormat = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
const monthFormat = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "long", timeZone: "UTC" });

export const formatDate = (value: Date | string) => dateFormat.format(new Date(value));
export const formatMonth = (value: Date | string) => monthFormat.format(new Date(value));
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

/** A compact count: 999, 1.2k, 12k, 1.2M. */
export function compactNumber(n: number) {
  if (n < 1000) return String(n);
  if (n < 1_000_000) return `${n < 10_000 ? (Math.floor(n / 100) / 10).toString() : Math.floor(n / 1000)}k`;
  return `${Math.floor(n / 100_000) / 10}M`;
}
