// What the proxy hands to record building once a call is over, and the row the recorder stores.
// A ProxyExchange never carries provider credentials except in `secrets`, which record building
// only uses to scrub them and which never leaves memory.

export type Provider = "openai" | "anthropic";

export type ProxyExchange = {
  provider: Provider;
  /** Path after /v1/, without the query: "chat/completions", "messages", "responses", … */
  endpoint: string;
  method: string;
  ownerId: string;
  apiKeyId: string | null;
  /** Only our own x-promptuary-* headers (never x-promptuary-key), lower-cased. */
  promptuaryHeaders: Record<string, string>;
  requestBody: Buffer;
  requestTruncated: boolean;
  /** 0 when no response came from the upstream. */
  status: number;
  responseContentType: string | null;
  responseContentEncoding: string | null;
  responseBody: Buffer;
  responseTruncated: boolean;
  startedAt: Date;
  latencyMs: number;
  ttfbMs: number | null;
  error: string | null;
  /** Provider credentials seen on the request, scrubbed from the record. Never stored. */
  secrets: string[];
};

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
};
