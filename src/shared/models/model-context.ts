// Context windows (input + output tokens a model can hold) of the known OpenAI and Anthropic model
// families, next to the price table and matched the same way: the first pattern that matches wins,
// so specific names come before general ones. An unknown model's window is unknown (null), never 0.
import { exact, family } from "./model-prices";

export type ModelContext = { pattern: RegExp; contextTokens: number };

export const CONTEXT_WINDOWS: ModelContext[] = [
  // OpenAI
  { pattern: family("gpt-5"), contextTokens: 400_000 },
  { pattern: family("gpt-4.1"), contextTokens: 1_047_576 },
  { pattern: family("gpt-4o"), contextTokens: 128_000 },
  { pattern: exact("chatgpt-4o"), contextTokens: 128_000 },
  { pattern: family("gpt-4-turbo"), contextTokens: 128_000 },
  { pattern: family("gpt-3.5-turbo"), contextTokens: 16_385 },
  { pattern: family("o1-mini"), contextTokens: 128_000 },
  { pattern: family("o4-mini"), contextTokens: 200_000 },
  { pattern: family("o3"), contextTokens: 200_000 },
  { pattern: family("o1"), contextTokens: 200_000 },
  { pattern: exact("text-embedding-3-small"), contextTokens: 8_191 },
  { pattern: exact("text-embedding-3-large"), contextTokens: 8_191 },
  { pattern: exact("text-embedding-ada-002"), contextTokens: 8_191 },
  // Anthropic: every Claude 3 and 4 model holds 200k tokens (larger windows are opt-in betas).
  { pattern: family("claude-opus-4"), contextTokens: 200_000 },
  { pattern: family("claude-sonnet-4"), contextTokens: 200_000 },
  { pattern: family("claude-haiku-4"), contextTokens: 200_000 },
  { pattern: family("claude-3"), contextTokens: 200_000 },
];

/** The model's context window in tokens, or null when the model is not one we know. */
export function contextTokensFor(model: string | null | undefined, table: ModelContext[] = CONTEXT_WINDOWS): number | null {
  if (!model) return null;
  const name = model.toLowerCase();
  return table.find((c) => c.pattern.test(name))?.contextTokens ?? null;
}
