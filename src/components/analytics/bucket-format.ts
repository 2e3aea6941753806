// Bucket times on chart axes and in tooltips. Buckets are UTC hours or days (the rollups' own), so
// they are labelled in UTC: the server and the browser render the same text.
import type { Granularity } from "./usage-figures";

const axisDay = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const axisHour = new Intl.DateTimeFormat("en-US", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" });
const fullDay = new Intl.DateTimeFormat("en-US", { weekday: "short", month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
const fullHour = new Intl.DateTimeFormat("en-US", { weekday: "short", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" });

export const bucketTime = (bucket: Date | string) => (bucket instanceof Date ? bucket : new Date(bucket)).getTime();

/** A tick: "Nov 24" for days; for hours the time, or the day at midnight so days stay readable. */
export function axisLabel(ms: number, granularity: Granularity) {
  const d = new Date(ms);
  if (granularity === "day" || d.getUTCHours() === 0) return axisDay.format(d);
  return axisHour.format(d);
}

export const fullLabel = (ms: number, granularity: Granularity) =>
  granularity === "day" ? fullDay.format(new Date(ms)) : `${fullHour.format(new Date(ms))} UTC`;
