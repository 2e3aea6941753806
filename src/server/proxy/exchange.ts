// What the proxy reports once a call is over (createProxyHandler's onExchange hook; for a call
// answered in full, before the client's response completes): the route, the caller, copies of both
// bodies and the timings. A ProxyExchange never carries provider credentials except in `secrets`,
// which a consumer may only use to scrub them and must never keep.

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
  /** Provider credentials seen on the request, for scrubbing them from whatever is kept. Never stored. */
  secrets: string[];
};
