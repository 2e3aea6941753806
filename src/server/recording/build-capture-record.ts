// Turns one proxied call (ProxyExchange) into the Capture row to store. Pure; runs when the call's
// response is complete, before its last bytes go out (the record is spooled first). Provider
// credentials are scrubbed from everything that is kept, and text PostgreSQL cannot store is
// replaced (storable-text.ts).
import { randomUUID } from "node:crypto";
import type { ProxyExchange } from "@/server/proxy/exchange";
import type { CaptureRecord } from "./capture-record";
import { decodeBody } from "./decode-body";
import { readCaptureMetadata } from "./metadata-headers";
import { parseRequest } from "./parse-request";
import { parseResponse } from "./parse-response";
import { costUsd, type TokenUsage } from "@/shared/models/model-prices";
import { repairUnstorableText } from "./storable-text";
import { estimateTokens } from "@/shared/models/token-estimate";

const MAX_ERROR = 2000;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function scrub(record: CaptureRecord, secrets: string[]): CaptureRecord {
  const present = secrets.filter((s) => s.length >= 8);
  if (!present.length) return record;
  let text = JSON.stringify(record);
  let changed = false;
  for (const secret of present) {
    // Match the secret as it appears inside a JSON string.
    const encoded = JSON.stringify(secret).slice(1, -1);
    if (text.includes(encoded)) {
      text = text.split(encoded).join("[redacted]");
      changed = true;
    }
  }
  return changed ? (JSON.parse(text) as CaptureRecord) : record;
}

export function buildCaptureRecord(exchange: ProxyExchange, makeId: () => string = randomUUID): CaptureRecord {
  const meta = readCaptureMetadata(exchange.promptuaryHeaders);
  const requestText = exchange.requestBody.toString("utf8");
  const requestJson = exchange.requestTruncated ? undefined : parseJson(requestText);
  const request = parseRequest(exchange.provider, exchange.endpoint, requestJson);
  const responseText = decodeBody(exchange.responseBody, exchange.responseContentEncoding);
  const response = parseResponse(exchange.provider, responseText, exchange.responseContentType);

  const model = response.model ?? request.model ?? (requestJson === undefined ? modelFromTruncated(requestText) : null);
  const failed = exchange.status === 0 || exchange.status >= 400;

  let usage: TokenUsage | null = response.usage;
  let tokensEstimated = false;
  if (!usage && !failed && (request.promptText || response.text)) {
    usage = { inputTokens: estimateTokens(request.promptText), outputTokens: estimateTokens(response.text), cachedTokens: 0 };
    tokensEstimated = true;
  }

  const error = exchange.error ?? (failed ? (response.error ?? `HTTP ${exchange.status}`) : response.error);
  const full = meta.captureMode === "full";
  const requestBody = !full || !requestText ? null : requestJson !== undefined ? requestJson : { truncated: exchange.requestTruncated, bytes: exchange.requestBody.length };

  const record: CaptureRecord = {
    id: makeId(),
    ownerId: exchange.ownerId,
    apiKeyId: exchange.apiKeyId,
    provider: exchange.provider,
    endpoint: exchange.endpoint,
    method: exchange.method,
    model,
    status: exchange.status,
    error: error ? error.slice(0, MAX_ERROR) : null,
    stream: request.stream || Boolean(exchange.responseContentType?.includes("text/event-stream")),
    captureMode: meta.captureMode,
    requestBody,
    systemPrompt: full ? request.systemPrompt : null,
    promptText: full ? request.promptText : null,
    responseText: full ? response.text : null,
    latencyMs: Math.round(exchange.latencyMs),
    ttfbMs: exchange.ttfbMs === null ? null : Math.round(exchange.ttfbMs),
    inputTokens: usage?.inputTokens ?? null,
    outputTokens: usage?.outputTokens ?? null,
    cachedTokens: usage ? usage.cachedTokens : null,
    tokensEstimated,
    costUsd: usage ? costUsd(model, usage, exchange.startedAt) : null,
    endUser: meta.endUser,
    sessionId: meta.sessionId,
    properties: meta.properties,
    createdAt: exchange.startedAt.toISOString(),
    textRepaired: false,
  };
  const { value, repaired } = repairUnstorableText(scrub(record, exchange.secrets));
  return repaired ? { ...value, textRepaired: true } : value;
}

/** The model of a request body too large to keep whole, when it is named near the start. */
function modelFromTruncated(text: string): string | null {
  return /"model"\s*:\s*"([^"]{1,200})"/.exec(text.slice(0, 4096))?.[1] ?? null;
}
