// How the Test tab writes a run's numbers: an unknown price or cost is "unknown", never $0.
import { formatInteger } from "@/components/ui/format-number";

/** A run's cost (a decimal string from the API): small amounts keep their significant digits. */
export function formatCost(costUsd: string | number | null | undefined): string {
  if (costUsd === null || costUsd === undefined) return "unknown";
  const n = Number(costUsd);
  if (!Number.isFinite(n)) return "unknown";
  if (n === 0) return "$0";
  if (n < 0.0001) return `$${n.toPrecision(2)}`;
  if (n < 1) return `$${n.toFixed(n < 0.01 ? 5 : 4).replace(/0+$/, "")}`;
  return `$${n.toFixed(2)}`;
}

/** Price per 1M tokens, input / output, as a provider's price page writes it. */
export function formatPricePerMTok(input: number | null | undefined, output: number | null | undefined): string {
  if (input === null || input === undefined || output === null || output === undefined) return "price unknown";
  const f = (n: number) => `$${n < 1 ? String(Number(n.toFixed(3))) : Number(n.toFixed(2)).toString()}`;
  return `${f(input)} / ${f(output)} per 1M`;
}

/** A context window: 128k, 1M, or "context unknown". */
export function formatContext(tokens: number | null | undefined): string {
  if (!tokens) return "context unknown";
  if (tokens >= 1_000_000) return `${Number((tokens / 1_000_000).toFixed(1))}M context`;
  return `${Math.round(tokens / 1000)}k context`;
}

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function formatTokens(n: number | null | undefined): string {
  return n === null || n === undefined ? "—" : formatInteger(n);
}
