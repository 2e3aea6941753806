// What a provider request says: model, whether it streams, the system prompt and the prompt text
// (system prompt and messages as sent) that prompt identity works on.
import type { Provider } from "@/server/proxy/exchange";
import { contentText } from "@/shared/captures/message-content";

export type ParsedRequest = {
  model: string | null;
  stream: boolean;
  systemPrompt: string | null;
  promptText: string | null;
};

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === "string" ? v : null);


function join(parts: (string | null | undefined)[]): string | null {
  const kept = parts.filter((p): p is string => Boolean(p && p.length));
  return kept.length ? kept.join("\n\n") : null;
}

function messagesText(messages: unknown, skipRoles: string[] = []): string[] {
  if (!Array.isArray(messages)) return [];
  return messages.filter(isObject).flatMap((m) => {
    const role = str(m.role) ?? "user";
    if (skipRoles.includes(role)) return [];
    const text = contentText(m.content);
    return text ? [`${role}: ${text}`] : [];
  });
}

function openAiChat(body: Json): ParsedRequest {
  const messages = Array.isArray(body.messages) ? body.messages.filter(isObject) : [];
  const system = join(messages.filter((m) => m.role === "system" || m.role === "developer").map((m) => contentText(m.content)));
  return {
    model: str(body.model),
    stream: body.stream === true,
    systemPrompt: system,
    promptText: join([system, ...messagesText(messages, ["system", "developer"])]),
  };
}

function openAiResponses(body: Json): ParsedRequest {
  const system = str(body.instructions);
  const input = body.input;
  const inputParts = typeof input === "string" ? [input] : messagesText(input);
  return { model: str(body.model), stream: body.stream === true, systemPrompt: system, promptText: join([system, ...inputParts]) };
}

function openAiEmbeddings(body: Json): ParsedRequest {
  const input = body.input;
  const texts = typeof input === "string" ? [input] : Array.isArray(input) ? input.filter((i): i is string => typeof i === "string") : [];
  return { model: str(body.model), stream: false, systemPrompt: null, promptText: join(texts) };
}

function openAiCompletions(body: Json): ParsedRequest {
  const prompt = body.prompt;
  const texts = typeof prompt === "string" ? [prompt] : Array.isArray(prompt) ? prompt.filter((p): p is string => typeof p === "string") : [];
  return { model: str(body.model), stream: body.stream === true, systemPrompt: null, promptText: join(texts) };
}

function anthropicMessages(body: Json): ParsedRequest {
  const system = body.system === undefined ? null : contentText(body.system) || null;
  return { model: str(body.model), stream: body.stream === true, systemPrompt: system, promptText: join([system, ...messagesText(body.messages)]) };
}

export function parseRequest(provider: Provider, endpoint: string, body: unknown): ParsedRequest {
  const empty: ParsedRequest = { model: null, stream: false, systemPrompt: null, promptText: null };
  if (!isObject(body)) return empty;
  const path = endpoint.replace(/^\/+|\/+$/g, "");
  if (provider === "anthropic") {
    if (path === "messages") return anthropicMessages(body);
    return { ...empty, model: str(body.model), stream: body.stream === true };
  }
  if (path === "chat/completions") return openAiChat(body);
  if (path === "responses") return openAiResponses(body);
  if (path === "embeddings") return openAiEmbeddings(body);
  if (path === "completions") return openAiCompletions(body);
  return { ...empty, model: str(body.model), stream: body.stream === true };
}
