import { describe, expect, test } from "vitest";
import { identityTextOf } from "./identity-text";

const chat = (messages: object[], extra: object = {}) => ({ provider: "openai", endpoint: "chat/completions", requestBody: { model: "gpt-4o-mini", messages, ...extra }, promptText: "fallback" });

describe("identityTextOf", () => {
  test("a chat call's identity is its instructions: user turns and history length do not change it", () => {
    const a = identityTextOf(chat([{ role: "system", content: "You are a travel agent." }, { role: "user", content: "Rome?" }]))!;
    const b = identityTextOf(
      chat([
        { role: "system", content: "You are a travel agent." },
        { role: "user", content: "Paris?" },
        { role: "assistant", content: "Lovely." },
        { role: "user", content: [{ type: "text", text: "And Lyon?" }] },
      ]),
    )!;
    expect(a).toMatchObject({ text: "You are a travel agent.", instructions: "You are a travel agent." });
    expect(b.hash).toBe(a.hash);
    expect(b.parts).toEqual(expect.arrayContaining(["Paris?", "Lovely.", "And Lyon?", "You are a travel agent."]));
  });

  test("developer messages, tools and the response format are instructions; a different tool set is another prompt", () => {
    const tools = [{ type: "function", function: { name: "get_weather", description: "Current weather for a city.", parameters: { type: "object", properties: { city: {}, unit: {} } } } }];
    const format = { type: "json_schema", json_schema: { name: "forecast", schema: { type: "object", properties: { summary: {}, high: {} } } } };
    const withTools = identityTextOf(chat([{ role: "developer", content: "Answer briefly." }, { role: "user", content: "Oslo" }], { tools, response_format: format }))!;
    expect(withTools.text).toBe("Answer briefly.\n\ntool get_weather: Current weather for a city. (city, unit)\n\nresponse format: json_schema forecast (summary, high)");
    const without = identityTextOf(chat([{ role: "developer", content: "Answer briefly." }, { role: "user", content: "Oslo" }]))!;
    expect(without.hash).not.toBe(withTools.hash);
  });

  test("Anthropic system blocks and tools, and the Responses API's instructions", () => {
    const anthropic = identityTextOf({
      provider: "anthropic",
      endpoint: "messages",
      requestBody: { system: [{ type: "text", text: "You write haiku." }], tools: [{ name: "save", description: "Save a poem", input_schema: { properties: { poem: {} } } }], messages: [{ role: "user", content: "autumn" }] },
      promptText: "You write haiku.\n\nuser: autumn",
    })!;
    expect(anthropic.text).toBe("You write haiku.\n\ntool save: Save a poem (poem)");
    const responses = identityTextOf({ provider: "openai", endpoint: "/responses", requestBody: { instructions: "Be terse.", input: "What is 2+2?" }, promptText: "Be terse.\n\nWhat is 2+2?" })!;
    expect(responses).toMatchObject({ text: "Be terse.", instructions: "Be terse." });
    expect(responses.parts).toContain("What is 2+2?");
  });

  test("without instructions the whole prompt text is the identity; nothing to identify gives null", () => {
    const bare = identityTextOf({ ...chat([{ role: "user", content: "Write a limerick about a cat." }]), promptText: "user: Write a limerick about a cat." })!;
    expect(bare).toMatchObject({ text: "user: Write a limerick about a cat.", instructions: null });
    const completion = identityTextOf({ provider: "openai", endpoint: "completions", requestBody: { prompt: "Once upon a time" }, promptText: "Once upon a time" })!;
    expect(completion.text).toBe("Once upon a time");
    // No request body stored (older captures): the prompt text.
    expect(identityTextOf({ provider: "openai", endpoint: "chat/completions", requestBody: null, promptText: "  Summarise this.  " })!.text).toBe("Summarise this.");
    expect(identityTextOf({ provider: "openai", endpoint: "chat/completions", requestBody: null, promptText: "   " })).toBeNull();
    // Embedding inputs are not prompts.
    expect(identityTextOf({ provider: "openai", endpoint: "embeddings", requestBody: { input: "a document" }, promptText: "a document" })).toBeNull();
    // The same words as instructions or as a bare prompt are different identities.
    const asSystem = identityTextOf(chat([{ role: "system", content: "Once upon a time" }]))!;
    expect(asSystem.hash).not.toBe(completion.hash);
  });
});
