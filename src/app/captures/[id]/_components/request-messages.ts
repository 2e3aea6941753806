// Turns a captured request body (OpenAI chat/responses/completions, Anthropic messages) into
// readable messages. Anything unrecognised is left to the raw JSON view.

export type ReadableMessage = { role: string; text: string };
export type ReadableRequest = { messages: ReadableMessage[]; parameters: [string, string][] };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Text of a content value: a string, or content blocks (text shown, other blocks named). */
function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) return content.map(blockText).filter(Boolean).join("\n\n");
  if (isRecord(content)) return blockText(content);
  return content === null || content === undefined ? "" : JSON.stringify(content);
}

function blockText(block: unknown): string {
  if (typeof block === "string") return block;
  if (!isRecord(block)) return "";
  if (typeof block.text === "string") return block.text;
  const type = typeof block.type === "string" ? block.type : "block";
  if (type === "tool_result") return `[tool result] ${contentText(block.content)}`;
  if (type === "tool_use") return `[tool call ${String(block.name ?? "")}] ${JSON.stringify(block.input ?? {})}`;
  return `[${type.replace(/_/g, " ")}]`;
}

function toolCallsText(calls: unknown): string {
  if (!Array.isArray(calls)) return "";
  return calls
    .map((c) => (isRecord(c) && isRecord(c.function) ? `[tool call ${String(c.function.name ?? "")}] ${String(c.function.arguments ?? "")}` : ""))
    .filter(Boolean)
    .join("\n");
}

const PARAMETER_KEYS = ["temperature", "top_p", "max_tokens", "max_completion_tokens", "max_output_tokens", "stream", "n", "seed", "stop", "response_format", "reasoning_effort"];

export function readableRequest(body: unknown, systemPrompt: string | null): ReadableRequest {
  const messages: ReadableMessage[] = [];
  const parameters: [string, string][] = [];
  if (!isRecord(body)) return { messages: systemPrompt ? [{ role: "system", text: systemPrompt }] : [], parameters };

  // Anthropic: top-level system; OpenAI Responses: instructions.
  const system = body.system !== undefined ? contentText(body.system) : typeof body.instructions === "string" ? body.instructions : "";
  if (system) messages.push({ role: "system", text: system });

  const list = Array.isArray(body.messages) ? body.messages : Array.isArray(body.input) ? body.input : null;
  if (list) {
    for (const m of list) {
      if (!isRecord(m)) continue;
      const role = typeof m.role === "string" ? m.role : typeof m.type === "string" ? m.type : "message";
      const text = [contentText(m.content), toolCallsText(m.tool_calls)].filter(Boolean).join("\n");
      messages.push({ role, text });
    }
  } else if (typeof body.input === "string") {
    messages.push({ role: "user", text: body.input });
  } else if (typeof body.prompt === "string") {
    messages.push({ role: "prompt", text: body.prompt });
  }
  if (systemPrompt && !messages.some((m) => m.role === "system" || m.role === "developer")) messages.unshift({ role: "system", text: systemPrompt });

  for (const key of PARAMETER_KEYS) {
    if (body[key] !== undefined) parameters.push([key, typeof body[key] === "string" ? body[key] : JSON.stringify(body[key])]);
  }
  if (Array.isArray(body.tools) && body.tools.length) parameters.push(["tools", String(body.tools.length)]);
  return { messages, parameters };
}
