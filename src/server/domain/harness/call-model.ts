// One streamed model call through the official SDKs: OpenAI chat completions (with streamed usage)
// for `openai` and every compatible server, Anthropic messages for `anthropic`. Text arrives
// through onDelta as it streams; usage is the provider's own (null when it sent none).
import "server-only";
import type { ModelParams } from "@/shared/harness/run-fields";
import { anthropicClient, openaiClient } from "./provider-clients";
import type { HarnessProvider } from "./providers";

export type ModelCall = {
  provider: HarnessProvider;
  model: string;
  prompt: string;
  params: ModelParams;
  signal: AbortSignal;
  timeoutMs: number;
  onDelta: (text: string) => void;
};
export type ModelAnswer = { inputTokens: number | null; outputTokens: number | null; finishReason: string | null };

/** Anthropic requires max_tokens; this is what a run uses when the user set none. */
export const DEFAULT_ANTHROPIC_MAX_TOKENS = 1024;

export function callModel(call: ModelCall): Promise<ModelAnswer> {
  return call.provider.kind === "anthropic" ? callAnthropic(call) : callOpenAI(call);
}

async function callOpenAI({ provider, model, prompt, params, signal, timeoutMs, onDelta }: ModelCall): Promise<ModelAnswer> {
  const client = openaiClient(provider, timeoutMs);
  const messages: { role: "system" | "user"; content: string }[] = [];
  if (params.system) messages.push({ role: "system", content: params.system });
  messages.push({ role: "user", content: prompt });
  const stream = await client.chat.completions.create(
    {
      model,
      messages,
      stream: true,
      stream_options: { include_usage: true },
      ...(params.temperature !== undefined ? { temperature: params.temperature } : {}),
      // OpenAI's newer models take max_completion_tokens; compatible servers know max_tokens.
      ...(params.maxTokens !== undefined ? (provider.kind === "openai" ? { max_completion_tokens: params.maxTokens } : { max_tokens: params.maxTokens }) : {}),
    },
    { signal },
  );
  let finishReason: string | null = null;
  let inputTokens: number | null = null;
  let outputTokens: number | null = null;
  for await (const chunk of stream) {
    const choice = chunk.choices?.[0];
    const text = choice?.delta?.content;
    if (text) onDelta(text);
    if (choice?.finish_reason) finishReason = choice.finish_reason;
    if (chunk.usage) {
      inputTokens = chunk.usage.prompt_tokens ?? null;
      outputTokens = chunk.usage.completion_tokens ?? null;
    }
  }
  return { inputTokens, outputTokens, finishReason };
}

async function callAnthropic({ provider, model, prompt, params, signal, timeoutMs, onDelta }: ModelCall): Promise<ModelAnswer> {
  const client = anthropicClient(provider, timeoutMs);
  const stream = client.messages.stream(
    {
      model,
      max_tokens: params.maxTokens ?? DEFAULT_ANTHROPIC_MAX_TOKENS,
      messages: [{ role: "user", content: prompt }],
      ...(params.system ? { system: params.system } : {}),
      ...(params.temperature !== undefined ? { temperature: Math.min(params.temperature, 1) } : {}),
    },
    { signal },
  );
  stream.on("text", (text) => onDelta(text));
  const message = await stream.finalMessage();
  const u = message.usage;
  // Anthropic counts cache reads and writes apart from input_tokens; all of them were input.
  const input = u ? (u.input_tokens ?? 0) + (u.cache_read_input_tokens ?? 0) + (u.cache_creation_input_tokens ?? 0) : null;
  return { inputTokens: input, outputTokens: u?.output_tokens ?? null, finishReason: message.stop_reason ?? null };
}
