// Display formats for what only captured calls have: latency, cost and token counts. Dates and plain
// counts use the app-wide formatters in @/components/ui.
import { formatInteger } from "@/components/ui/format-number";

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
  return `${estimated ? "≈" : ""}${formatInteger(n)}`;
}

export const isError = (status: number) => status >= 400;
