// The row the recorder stores for one proxied call, built from a ProxyExchange by
// build-capture-record.ts. JSON-safe so it can sit in the spool as one JSONL line.
import type { Provider } from "@/server/proxy/exchange";

/** One Capture row as spooled (JSON-safe: dates as ISO strings, cost as a decimal string). */
export type CaptureRecord = {
  id: string;
  ownerId: string;
  apiKeyId: string | null;
  provider: Provider;
  endpoint: string;
  method: string;
  model: string | null;
  status: number;
  error: string | null;
  stream: boolean;
  captureMode: "full" | "metadata";
  requestBody: unknown;
  systemPrompt: string | null;
  promptText: string | null;
  responseText: string | null;
  latencyMs: number;
  ttfbMs: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  cachedTokens: number | null;
  tokensEstimated: boolean;
  costUsd: string | null;
  endUser: string | null;
  sessionId: string | null;
  properties: Record<string, string>;
  createdAt: string;
  /** Some text had NUL characters or unpaired surrogates, stored as U+FFFD (storable-text.ts). */
  textRepaired: boolean;
};
