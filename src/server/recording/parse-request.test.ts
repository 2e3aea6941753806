import { describe, expect, it } from "vitest";
import { parseRequest } from "./parse-request";

describe("parseRequest", () => {
  it("reads an OpenAI chat request: model, stream, system prompt and prompt text", () => {
    const parsed = parseRequest("openai", "chat/completions", {
      model: "gpt-4o-mini",
      stream: true,
      messages: [
        { role: "system", content: "You are terse." },
        { role: "user", content: [{ type: "text", text: "Summarise" }, { type: "text", text: "this" }] },
      ],
    });
    expect(parsed).toEqual({ model: "gpt-4o-mini", stream: true, systemPrompt: "You are terse.", promptText: "You are terse.\n\nuser: Summarise\nthis" });
  });

  it("reads OpenAI responses and embeddings requests", () => {
    expect(parseRequest("openai", "responses", { model: "gpt-4.1", instructions: "Be kind.", input: "Hi" })).toMatchObject({ systemPrompt: "Be kind.", promptText: "Be kind.\n\nHi" });
    expect(parseRequest("openai", "responses", { model: "gpt-4.1", input: [{ role: "user", content: [{ type: "input_text", text: "Yo" }] }] }).promptText).toBe("user: Yo");
    expect(parseRequest("openai", "embeddings", { model: "text-embedding-3-small", input: ["a", "b"] })).toMatchObject({ model: "text-embedding-3-small", promptText: "a\n\nb" });
  });

  it("reads an Anthropic messages request with a block system prompt", () => {
    const parsed = parseRequest("anthropic", "messages", {
      model: "claude-sonnet-4-5",
      system: [{ type: "text", text: "You write haiku." }],
      messages: [{ role: "user", content: "About autumn" }],
      max_tokens: 100,
    });
    expect(parsed).toEqual({ model: "claude-sonnet-4-5", stream: false, systemPrompt: "You write haiku.", promptText: "You write haiku.\n\nuser: About autumn" });
  });

  it("tolerates bodies it does not understand", () => {
    expect(parseRequest("openai", "models", undefined)).toEqual({ model: null, stream: false, systemPrompt: null, promptText: null });
    expect(parseRequest("anthropic", "messages", { messages: "nope" }).promptText).toBeNull();
  });
});
