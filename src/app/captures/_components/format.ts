// Display formats for captured calls. Times are shown in UTC so server and browser agree.
const timeFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23", timeZone: "UTC" });
const fullFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
const integer = new Intl.NumberFormat("en-US");

export const formatTime = (d: Date | string) => timeFormat.format(new Date(d));
export const formatFullTime = (d: Date | string) => `${fullFormat.format(new Date(d))} UTC`;
export const formatInt = (n: number) => integer.format(n);

export function formatLatency(ms: number | null | undefined) {
  if (ms === null || ms === undefined) return "—";
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** USD with enough digits to show fractions of a cent; "—" when the cost is unknown. */
export function formatCost(usd: number | null | undefined) {
  if (usd === null || usd === undefined) return "—";
  if (usd === 0) return "$0";
  if (usd < 0.01) return `$${usd.toPrecision(2).replace(/0+$/, "")}`;
  return `$${usd.toFixed(usd < 100 ? 4 : 2).replace(/(\.\d\d\d*?)0+$/, "$1")}`;
}

export function formatTokens(n: number | null | undefined, estimated = false) {
  if (n === null || n === undefined) return "—";
  return `${estimated ? "≈" : ""}${formatInt(n)}`;
}

export const isError = (status: number) => status >= 400;
