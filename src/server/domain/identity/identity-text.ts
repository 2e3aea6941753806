// The identity text of a captured call: what makes it "one prompt" to a person. For chat calls with
// instructions (system prompt, developer messages, tool definitions, response format) it is those
// instructions; the user turns vary from call to call and are the prompt's inputs, so they are left
// out. Without instructions (a bare user message, a completion) it is the whole prompt text. A short
// shape tag (which API, tools or not) goes into the hash only, so embeddings compare the words.
//
// Read from the stored request body (the shapes of recording/parse-request.ts, which domain code
// does not import), falling back to the capture's prompt text.
import { createHash } from "node:crypto";
import { MAX_BODY_LENGTH } from "@/shared/prompts/prompt-fields";
import { contentText } from "@/shared/captures/message-content";

export type IdentityText = {
  /** What identity embeds and compares. */
  text: string;
  /** sha256 of the shape tag and the text: captures with one hash share one embedding and decision. */
  hash: string;
  /** The instructions alone, or null when the call has none (the text is then the whole prompt). */
  instructions: string | null;
  /** Every single message (and the instructions) as sent: a rendered library prompt may be any one of them. */
  parts: string[];
};

export type IdentitySource = { provider: string; endpoint: string; requestBody: unknown; promptText: string | null; systemPrompt?: string | null };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === "string" ? v : null);


const nonEmpty = (parts: (string | null | undefined)[]) => parts.map((p) => p?.trim() ?? "").filter(Boolean);

/** "tool name: description (param, param)" for OpenAI ({type, function:{…}} or flat) and Anthropic tools. */
function toolLines(tools: unknown): string[] {
  if (!Array.isArray(tools)) return [];
  return tools.filter(isObject).flatMap((tool) => {
    const fn = isObject(tool.function) ? tool.function : tool;
    const name = str(fn.name) ?? str(tool.type);
    if (!name) return [];
    const schema = isObject(fn.parameters) ? fn.parameters : isObject(fn.input_schema) ? fn.input_schema : null;
    const params = schema && isObject(schema.properties) ? Object.keys(schema.properties) : [];
    const description = str(fn.description)?.trim();
    return [`tool ${name}${description ? `: ${description}` : ""}${params.length ? ` (${params.join(", ")})` : ""}`];
  });
}

/** "response format: json_schema name (field, field)" for chat `response_format` and responses `text.format`. */
function responseFormatLine(format: unknown): string[] {
  if (!isObject(format)) return [];
  const type = str(format.type);
  if (!type || type === "text") return [];
  const spec = isObject(format.json_schema) ? format.json_schema : format;
  const schema = isObject(spec.schema) ? spec.schema : null;
  const fields = schema && isObject(schema.properties) ? Object.keys(schema.properties) : [];
  const name = str(spec.name);
  return [`response format: ${type}${name ? ` ${name}` : ""}${fields.length ? ` (${fields.join(", ")})` : ""}`];
}

type Parsed = { kind: string; instructions: string[]; messages: string[] };

function messagesOf(list: unknown, instructionRoles: string[]): { instructions: string[]; messages: string[] } {
  const instructions: string[] = [];
  const messages: string[] = [];
  if (!Array.isArray(list)) return { instructions, messages };
  for (const m of list.filter(isObject)) {
    const text = contentText(m.content);
    if (!text.trim()) continue;
    (instructionRoles.includes(str(m.role) ?? "user") ? instructions : messages).push(text);
  }
  return { instructions, messages };
}

const endpointPath = (endpoint: string) => endpoint.replace(/^\/+|\/+$/g, "").replace(/^v1\//, "");

function parse(source: IdentitySource): Parsed | null {
  const body = source.requestBody;
  if (!isObject(body)) return null;
  const path = endpointPath(source.endpoint);
  if (source.provider === "anthropic" && path === "messages") {
    const { messages } = messagesOf(body.messages, []);
    const system = body.system === undefined ? [] : nonEmpty([contentText(body.system)]);
    return { kind: "anthropic-messages", instructions: [...system, ...toolLines(body.tools)], messages };
  }
  if (path === "chat/completions") {
    const { instructions, messages } = messagesOf(body.messages, ["system", "developer"]);
    return { kind: "chat", instructions: [...instructions, ...toolLines(body.tools), ...responseFormatLine(body.response_format)], messages };
  }
  if (path === "responses") {
    const input = typeof body.input === "string" ? { instructions: [], messages: [body.input] } : messagesOf(body.input, ["system", "developer"]);
    const format = isObject(body.text) ? body.text.format : undefined;
    return {
      kind: "responses",
      instructions: [...nonEmpty([str(body.instructions)]), ...input.instructions, ...toolLines(body.tools), ...responseFormatLine(format)],
      messages: input.messages,
    };
  }
  if (path === "completions") {
    const prompt = body.prompt;
    const texts = typeof prompt === "string" ? [prompt] : Array.isArray(prompt) ? prompt.filter((p): p is string => typeof p === "string") : [];
    return { kind: "completions", instructions: [], messages: nonEmpty(texts) };
  }
  return null;
}

export const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** The identity text of a capture, or null when it has no prompt text to work on. */
export function identityTextOf(source: IdentitySource): IdentityText | null {
  // Embedding inputs are data, not prompts: every call would be a "new prompt".
  if (endpointPath(source.endpoint) === "embeddings") return null;
  const promptText = source.promptText?.trim() ? source.promptText.trim().slice(0, MAX_BODY_LENGTH) : null;
  const parsed = parse(source);
  const instructions = parsed?.instructions.length ? parsed.instructions.join("\n\n").trim().slice(0, MAX_BODY_LENGTH) : null;
  const text = instructions ?? promptText;
  if (!text) return null;
  const tag = instructions ? `${parsed!.kind}${parsed!.instructions.some((l) => l.startsWith("tool ")) ? "+tools" : ""}` : "prompt";
  const parts = [...new Set(nonEmpty([promptText, instructions, source.systemPrompt, ...(parsed?.instructions ?? []), ...(parsed?.messages ?? [])]))];
  return { text, hash: sha256(`${tag}\n${text}`), instructions, parts };
}
