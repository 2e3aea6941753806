import { describe, expect, it } from "vitest";
import { parseResponse } from "./parse-response";

const sse = (events: unknown[], named = false) =>
  events.map((e) => (named ? `event: ${(e as { type: string }).type}\n` : "") + `data: ${JSON.stringify(e)}\n\n`).join("");

describe("parseResponse (OpenAI)", () => {
  it("reads a chat completion with cached tokens", () => {
    const body = JSON.stringify({
      model: "gpt-4o-2024-08-06",
      choices: [{ index: 0, message: { role: "assistant", content: "Hello!" } }],
      usage: { prompt_tokens: 20, completion_tokens: 3, prompt_tokens_details: { cached_tokens: 8 } },
    });
    expect(parseResponse("openai", body, "application/json")).toEqual({
      model: "gpt-4o-2024-08-06",
      text: "Hello!",
      usage: { inputTokens: 20, outputTokens: 3, cachedTokens: 8 },
      error: null,
    });
  });

  it("assembles a chat stream and takes usage from the last chunk", () => {
    const body =
      sse([
        { model: "gpt-4o-mini", choices: [{ delta: { role: "assistant", content: "" } }] },
        { model: "gpt-4o-mini", choices: [{ delta: { content: "Hel" } }] },
        { model: "gpt-4o-mini", choices: [{ delta: { content: "lo" } }] },
        { model: "gpt-4o-mini", choices: [], usage: { prompt_tokens: 5, completion_tokens: 2 } },
      ]) + "data: [DONE]\n\n";
    expect(parseResponse("openai", body, "text/event-stream; charset=utf-8")).toEqual({
      model: "gpt-4o-mini",
      text: "Hello",
      usage: { inputTokens: 5, outputTokens: 2, cachedTokens: 0 },
      error: null,
    });
  });

  it("reads the Responses API, JSON and stream", () => {
    const response = {
      model: "gpt-4.1",
      output: [{ type: "message", content: [{ type: "output_text", text: "Hi there" }] }],
      usage: { input_tokens: 9, output_tokens: 2, input_tokens_details: { cached_tokens: 4 } },
    };
    expect(parseResponse("openai", JSON.stringify(response), "application/json")).toMatchObject({ text: "Hi there", usage: { inputTokens: 9, outputTokens: 2, cachedTokens: 4 } });
    const stream = sse(
      [
        { type: "response.created", response: { model: "gpt-4.1" } },
        { type: "response.output_text.delta", delta: "Hi " },
        { type: "response.output_text.delta", delta: "there" },
        { type: "response.completed", response },
      ],
      true,
    );
    expect(parseResponse("openai", stream, "text/event-stream")).toEqual({ model: "gpt-4.1", text: "Hi there", usage: { inputTokens: 9, outputTokens: 2, cachedTokens: 4 }, error: null });
  });

  it("reports the provider's error message and survives a truncated stream", () => {
    expect(parseResponse("openai", JSON.stringify({ error: { message: "Rate limited", type: "requests" } }), "application/json").error).toBe("Rate limited");
    const cut = sse([{ model: "m", choices: [{ delta: { content: "partial" } }] }]) + 'data: {"model":"m","choi';
    expect(parseResponse("openai", cut, "text/event-stream")).toMatchObject({ text: "partial", usage: null });
  });
});

describe("parseResponse (Anthropic)", () => {
  it("reads a message with cache reads and writes", () => {
    const body = JSON.stringify({
      model: "claude-sonnet-4-5",
      content: [{ type: "text", text: "Leaves fall" }, { type: "tool_use", id: "t", name: "x", input: {} }],
      usage: { input_tokens: 10, output_tokens: 4, cache_read_input_tokens: 100, cache_creation_input_tokens: 5 },
    });
    expect(parseResponse("anthropic", body, "application/json")).toEqual({
      model: "claude-sonnet-4-5",
      text: "Leaves fall",
      usage: { inputTokens: 115, outputTokens: 4, cachedTokens: 100, cacheWriteTokens: 5 },
      error: null,
    });
  });

  it("assembles a stream with usage from message_start and message_delta", () => {
    const body = sse(
      [
        { type: "message_start", message: { model: "claude-haiku-4-5", usage: { input_tokens: 12, output_tokens: 1, cache_read_input_tokens: 3 } } },
        { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
        { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "Crisp " } },
        { type: "ping" },
        { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "air" } },
        { type: "content_block_stop", index: 0 },
        { type: "message_delta", delta: { stop_reason: "end_turn" }, usage: { output_tokens: 7 } },
        { type: "message_stop" },
      ],
      true,
    );
    expect(parseResponse("anthropic", body, "text/event-stream")).toEqual({
      model: "claude-haiku-4-5",
      text: "Crisp air",
      usage: { inputTokens: 15, outputTokens: 7, cachedTokens: 3, cacheWriteTokens: 0 },
      error: null,
    });
  });

  it("reports an error body", () => {
    const body = JSON.stringify({ type: "error", error: { type: "overloaded_error", message: "Overloaded" } });
    expect(parseResponse("anthropic", body, "application/json").error).toBe("Overloaded");
  });
});
