// What a provider response says, from its JSON body or its SSE stream: the assembled output text,
// the model that answered, token usage (from the body or the stream's usage events) and, for an
// error response, the provider's error message.
import type { Provider } from "@/server/proxy/exchange";
import type { TokenUsage } from "@/shared/models/model-prices";
import { contentText } from "@/shared/captures/message-content";
import { sseJsonPayloads } from "./sse";

export type ParsedResponse = {
  model: string | null;
  text: string | null;
  usage: TokenUsage | null;
  error: string | null;
};

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);
const str = (v: unknown) => (typeof v === "string" ? v : null);

/** OpenAI usage: chat (prompt_tokens/completion_tokens) or responses (input_tokens/output_tokens). */
function openAiUsage(u: unknown): TokenUsage | null {
  if (!isObject(u)) return null;
  const input = num(u.prompt_tokens) ?? num(u.input_tokens);
  if (input === null) return null;
  const output = num(u.completion_tokens) ?? num(u.output_tokens) ?? 0;
  const details = isObject(u.prompt_tokens_details) ? u.prompt_tokens_details : isObject(u.input_tokens_details) ? u.input_tokens_details : {};
  return { inputTokens: input, outputTokens: output, cachedTokens: num(details.cached_tokens) ?? 0 };
}

/** Anthropic usage; input_tokens excludes cache reads and writes, so they are added back. */
function anthropicUsage(u: Json): TokenUsage {
  const read = num(u.cache_read_input_tokens) ?? 0;
  const write = num(u.cache_creation_input_tokens) ?? 0;
  return { inputTokens: (num(u.input_tokens) ?? 0) + read + write, outputTokens: num(u.output_tokens) ?? 0, cachedTokens: read, cacheWriteTokens: write };
}

function errorMessage(body: Json): string | null {
  if (isObject(body.error)) return str(body.error.message) ?? str(body.error.type);
  return str(body.error) ?? str(body.message);
}

function openAiOutputText(output: unknown): string {
  if (!Array.isArray(output)) return "";
  return output
    .filter(isObject)
    .filter((item) => item.type === "message")
    .map((item) => contentText(item.content))
    .join("");
}

function openAiJson(body: Json): ParsedResponse {
  const model = str(body.model);
  let text: string | null = null;
  if (Array.isArray(body.choices)) {
    text = body.choices
      .filter(isObject)
      .map((c) => (isObject(c.message) ? contentText(c.message.content) : str(c.text) ?? ""))
      .join("\n");
  } else if (Array.isArray(body.output)) {
    text = openAiOutputText(body.output);
  }
  return { model, text: text || null, usage: openAiUsage(body.usage), error: errorMessage(body) };
}

function openAiStream(raw: string): ParsedResponse {
  let model: string | null = null;
  let usage: TokenUsage | null = null;
  let error: string | null = null;
  const pieces: string[] = [];
  let completedText: string | null = null;
  for (const { event, json } of sseJsonPayloads(raw)) {
    const type = str(json.type) ?? event;
    if (type && type.startsWith("response.")) {
      // Responses API stream
      if (type === "response.output_text.delta") pieces.push(str(json.delta) ?? "");
      if (isObject(json.response)) {
        model = str(json.response.model) ?? model;
        usage = openAiUsage(json.response.usage) ?? usage;
        if (type === "response.completed") completedText = openAiOutputText(json.response.output) || null;
        if (isObject(json.response.error)) error = str(json.response.error.message) ?? error;
      }
      if (type === "error") error = str(json.message) ?? error;
      continue;
    }
    model = str(json.model) ?? model;
    usage = openAiUsage(json.usage) ?? usage;
    if (isObject(json.error)) error = str(json.error.message) ?? error;
    if (Array.isArray(json.choices)) {
      for (const c of json.choices.filter(isObject)) {
        if (isObject(c.delta)) pieces.push(contentText(c.delta.content));
        else if (typeof c.text === "string") pieces.push(c.text);
      }
    }
  }
  const text = pieces.join("") || completedText;
  return { model, text: text || null, usage, error };
}

function anthropicJson(body: Json): ParsedResponse {
  const text = Array.isArray(body.content) ? contentText(body.content.filter((b) => isObject(b) && b.type === "text")) : "";
  return { model: str(body.model), text: text || null, usage: isObject(body.usage) ? anthropicUsage(body.usage) : null, error: errorMessage(body) };
}

function anthropicStream(raw: string): ParsedResponse {
  let model: string | null = null;
  let usage: Json | null = null;
  let error: string | null = null;
  const pieces: string[] = [];
  for (const { event, json } of sseJsonPayloads(raw)) {
    const type = str(json.type) ?? event;
    if (type === "message_start" && isObject(json.message)) {
      model = str(json.message.model);
      if (isObject(json.message.usage)) usage = { ...json.message.usage };
    } else if (type === "content_block_delta" && isObject(json.delta) && json.delta.type === "text_delta") {
      pieces.push(str(json.delta.text) ?? "");
    } else if (type === "message_delta" && isObject(json.usage)) {
      // message_delta usage is cumulative; its fields override message_start's.
      usage = { ...(usage ?? {}), ...Object.fromEntries(Object.entries(json.usage).filter(([, v]) => v !== null)) };
    } else if (type === "error" && isObject(json.error)) {
      error = str(json.error.message);
    }
  }
  return { model, text: pieces.join("") || null, usage: usage ? anthropicUsage(usage) : null, error };
}

export function parseResponse(provider: Provider, body: string, contentType: string | null): ParsedResponse {
  const empty: ParsedResponse = { model: null, text: null, usage: null, error: null };
  if (!body) return empty;
  if (contentType?.includes("text/event-stream")) return provider === "anthropic" ? anthropicStream(body) : openAiStream(body);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return empty;
  }
  if (!isObject(json)) return empty;
  return provider === "anthropic" ? anthropicJson(json) : openAiJson(json);
}
