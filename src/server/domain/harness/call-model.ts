// One model call through the official SDKs, streamed: OpenAI chat completions (with streamed usage)
// for `openai` and every compatible server, Anthropic messages for `anthropic`. Text arrives
// through onDelta as it streams; usage is the provider's own (null when it sent none).
import "server-only";
import type OpenAI from "openai";
import type Anthropic from "@anthropic-ai/sdk";
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

/**
 * Some OpenAI-compatible servers ignore `stream: true` and answer one JSON body: the call then reads
 * that body (the whole answer arrives as one piece) instead of finding an empty stream.
 */
const isEventStream = (response: Response) => (response.headers.get("content-type") ?? "").includes("text/event-stream");

async function callOpenAI({ provider, model, prompt, params, signal, timeoutMs, onDelta }: ModelCall): Promise<ModelAnswer> {
  const client = openaiClient(provider, timeoutMs);
  const messages: { role: "system" | "user"; content: string }[] = [];
  if (params.system) messages.push({ role: "system", content: params.system });
  messages.push({ role: "user", content: prompt });
  const { data: stream, response } = await client.chat.completions
    .create(
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
    )
    .withResponse();
  if (!isEventStream(response)) {
    const body = (await response.json()) as OpenAI.Chat.Completions.ChatCompletion;
    const choice = body.choices?.[0];
    const text = typeof choice?.message?.content === "string" ? choice.message.content : "";
    if (text) onDelta(text);
    return { inputTokens: body.usage?.prompt_tokens ?? null, outputTokens: body.usage?.completion_tokens ?? null, finishReason: choice?.finish_reason ?? null };
  }
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

type AnthropicUsage = { input_tokens?: number | null; output_tokens?: number | null; cache_read_input_tokens?: number | null; cache_creation_input_tokens?: number | null };
// Anthropic counts cache reads and writes apart from input_tokens; all of them were input.
const anthropicInput = (u: AnthropicUsage | null | undefined) => (u ? (u.input_tokens ?? 0) + (u.cache_read_input_tokens ?? 0) + (u.cache_creation_input_tokens ?? 0) : null);

async function callAnthropic({ provider, model, prompt, params, signal, timeoutMs, onDelta }: ModelCall): Promise<ModelAnswer> {
  const client = anthropicClient(provider, timeoutMs);
  const { data: stream, response } = await client.messages
    .create(
      {
        model,
        max_tokens: params.maxTokens ?? DEFAULT_ANTHROPIC_MAX_TOKENS,
        messages: [{ role: "user", content: prompt }],
        stream: true,
        ...(params.system ? { system: params.system } : {}),
        ...(params.temperature !== undefined ? { temperature: Math.min(params.temperature, 1) } : {}),
      },
      { signal },
    )
    .withResponse();
  if (!isEventStream(response)) {
    const message = (await response.json()) as Anthropic.Message;
    const text = (message.content ?? []).map((b) => (b.type === "text" ? b.text : "")).join("");
    if (text) onDelta(text);
    return { inputTokens: anthropicInput(message.usage), outputTokens: message.usage?.output_tokens ?? null, finishReason: message.stop_reason ?? null };
  }
  let inputTokens: number | null = null;
  let outputTokens: number | null = null;
  let finishReason: string | null = null;
  for await (const event of stream) {
    if (event.type === "message_start") {
      inputTokens = anthropicInput(event.message.usage);
      outputTokens = event.message.usage?.output_tokens ?? null;
    } else if (event.type === "content_block_delta" && event.delta.type === "text_delta") onDelta(event.delta.text);
    else if (event.type === "message_delta") {
      finishReason = event.delta.stop_reason ?? finishReason;
      // message_delta carries the final output count (and, on newer API versions, the input counts too).
      const u = event.usage as AnthropicUsage | undefined;
      if (u?.output_tokens != null) outputTokens = u.output_tokens;
      if (u?.input_tokens != null) inputTokens = anthropicInput(u);
    }
  }
  return { inputTokens, outputTokens, finishReason };
}
