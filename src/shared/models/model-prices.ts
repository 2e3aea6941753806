// The one model price table, shared by the capture proxy (recording) and the test harness.
// Model prices in USD per 1M tokens, by model-name pattern and effective date. The first pattern
// that matches a model wins (list specific names before general ones); among that pattern's
// entries the latest one in effect at the call's time applies. An unknown model has no price, so
// its cost is unknown (null), never 0.

export type ModelPrice = {
  pattern: RegExp;
  /** ISO date (UTC) from which this price applies. */
  from: string;
  input: number;
  output: number;
  /** Cached input tokens read (OpenAI cached_tokens, Anthropic cache_read_input_tokens). */
  cachedInput?: number;
  /** Input tokens written to the cache (Anthropic cache_creation_input_tokens). */
  cacheWrite?: number;
};

/** A model name with its dated or -latest variants. */
export const exact = (name: string) => new RegExp(`^${name.replace(/[.]/g, "\\.")}(?:-\\d{4}-\\d{2}-\\d{2}|-\\d{8}|-latest)?$`);
/** A model family: the prefix alone or followed by a dash. */
export const family = (prefix: string) => new RegExp(`^${prefix.replace(/[.]/g, "\\.")}(?:$|-)`);

export const PRICES: ModelPrice[] = [
  // OpenAI
  { pattern: family("gpt-5-nano"), from: "2025-08-07", input: 0.05, output: 0.4, cachedInput: 0.005 },
  { pattern: family("gpt-5-mini"), from: "2025-08-07", input: 0.25, output: 2, cachedInput: 0.025 },
  { pattern: family("gpt-5"), from: "2025-08-07", input: 1.25, output: 10, cachedInput: 0.125 },
  { pattern: family("gpt-4.1-nano"), from: "2025-04-14", input: 0.1, output: 0.4, cachedInput: 0.025 },
  { pattern: family("gpt-4.1-mini"), from: "2025-04-14", input: 0.4, output: 1.6, cachedInput: 0.1 },
  { pattern: family("gpt-4.1"), from: "2025-04-14", input: 2, output: 8, cachedInput: 0.5 },
  { pattern: family("gpt-4o-mini"), from: "2024-07-18", input: 0.15, output: 0.6, cachedInput: 0.075 },
  { pattern: /^gpt-4o-2024-05-13$/, from: "2024-05-13", input: 5, output: 15 },
  { pattern: family("gpt-4o"), from: "2024-05-13", input: 5, output: 15 },
  { pattern: family("gpt-4o"), from: "2024-10-02", input: 2.5, output: 10, cachedInput: 1.25 },
  { pattern: family("gpt-4-turbo"), from: "2024-04-09", input: 10, output: 30 },
  { pattern: family("gpt-3.5-turbo"), from: "2024-01-25", input: 0.5, output: 1.5 },
  { pattern: family("o4-mini"), from: "2025-04-16", input: 1.1, output: 4.4, cachedInput: 0.275 },
  { pattern: family("o3-mini"), from: "2025-01-31", input: 1.1, output: 4.4, cachedInput: 0.55 },
  { pattern: family("o3"), from: "2025-04-16", input: 10, output: 40, cachedInput: 2.5 },
  { pattern: family("o3"), from: "2025-06-10", input: 2, output: 8, cachedInput: 0.5 },
  { pattern: family("o1-mini"), from: "2024-09-12", input: 1.1, output: 4.4, cachedInput: 0.55 },
  { pattern: family("o1"), from: "2024-12-17", input: 15, output: 60, cachedInput: 7.5 },
  { pattern: exact("text-embedding-3-small"), from: "2024-01-25", input: 0.02, output: 0 },
  { pattern: exact("text-embedding-3-large"), from: "2024-01-25", input: 0.13, output: 0 },
  { pattern: exact("text-embedding-ada-002"), from: "2022-12-15", input: 0.1, output: 0 },
  // Anthropic
  { pattern: family("claude-opus-4-5"), from: "2025-11-24", input: 5, output: 25, cachedInput: 0.5, cacheWrite: 6.25 },
  { pattern: family("claude-opus-4"), from: "2025-05-22", input: 15, output: 75, cachedInput: 1.5, cacheWrite: 18.75 },
  { pattern: family("claude-sonnet-4"), from: "2025-05-22", input: 3, output: 15, cachedInput: 0.3, cacheWrite: 3.75 },
  { pattern: family("claude-3-7-sonnet"), from: "2025-02-24", input: 3, output: 15, cachedInput: 0.3, cacheWrite: 3.75 },
  { pattern: family("claude-3-5-sonnet"), from: "2024-06-20", input: 3, output: 15, cachedInput: 0.3, cacheWrite: 3.75 },
  { pattern: family("claude-haiku-4-5"), from: "2025-10-15", input: 1, output: 5, cachedInput: 0.1, cacheWrite: 1.25 },
  { pattern: family("claude-3-5-haiku"), from: "2024-10-22", input: 0.8, output: 4, cachedInput: 0.08, cacheWrite: 1 },
  { pattern: family("claude-3-opus"), from: "2024-02-29", input: 15, output: 75, cachedInput: 1.5, cacheWrite: 18.75 },
  { pattern: family("claude-3-haiku"), from: "2024-03-07", input: 0.25, output: 1.25, cachedInput: 0.03, cacheWrite: 0.3 },
];

export function priceFor(model: string | null | undefined, at: Date, table: ModelPrice[] = PRICES): ModelPrice | null {
  if (!model) return null;
  const name = model.toLowerCase();
  const first = table.find((p) => p.pattern.test(name));
  if (!first) return null;
  const day = at.toISOString().slice(0, 10);
  const candidates = table.filter((p) => p.pattern.source === first.pattern.source && p.from <= day);
  if (!candidates.length) return null;
  return candidates.reduce((a, b) => (b.from > a.from ? b : a));
}

export type TokenUsage = {
  /** All input tokens, cached reads and cache writes included. */
  inputTokens: number;
  outputTokens: number;
  cachedTokens: number;
  cacheWriteTokens?: number;
};

/** Cost in USD as a decimal string (10 places), or null when the model has no price. */
export function costUsd(model: string | null | undefined, usage: TokenUsage, at: Date, table: ModelPrice[] = PRICES): string | null {
  const price = priceFor(model, at, table);
  if (!price) return null;
  const cacheWrite = usage.cacheWriteTokens ?? 0;
  const uncached = Math.max(0, usage.inputTokens - usage.cachedTokens - cacheWrite);
  const micro =
    uncached * price.input +
    usage.cachedTokens * (price.cachedInput ?? price.input) +
    cacheWrite * (price.cacheWrite ?? price.input) +
    usage.outputTokens * price.output;
  return (micro / 1_000_000).toFixed(10);
}
