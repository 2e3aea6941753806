// Copy-paste client setups for the capture proxy. The OpenAI SDKs' base URL includes /v1; the
// Anthropic SDKs append /v1/messages themselves, so their base URL stops at /anthropic.

export type Snippet = { language: "TypeScript" | "Python"; code: string };

export function openaiSnippets(origin: string): Snippet[] {
  return [
    {
      language: "TypeScript",
      code: `import OpenAI from "openai";

const openai = new OpenAI({
  apiKey: process.env.OPENAI_API_KEY, // your own key, passed through untouched
  baseURL: "${origin}/api/proxy/openai/v1",
  defaultHeaders: { "x-promptuary-key": process.env.PROMPTUARY_KEY },
});

const completion = await openai.chat.completions.create(
  {
    model: "gpt-4o-mini",
    messages: [{ role: "user", content: "Summarise this ticket: …" }],
  },
  // Optional: who and what this call is for.
  { headers: { "x-promptuary-user": "user-123", "x-promptuary-session": "chat-42" } },
);`,
    },
    {
      language: "Python",
      code: `import os
from openai import OpenAI

client = OpenAI(
    api_key=os.environ["OPENAI_API_KEY"],  # your own key, passed through untouched
    base_url="${origin}/api/proxy/openai/v1",
    default_headers={"x-promptuary-key": os.environ["PROMPTUARY_KEY"]},
)

completion = client.chat.completions.create(
    model="gpt-4o-mini",
    messages=[{"role": "user", "content": "Summarise this ticket: …"}],
    # Optional: who and what this call is for.
    extra_headers={"x-promptuary-user": "user-123", "x-promptuary-session": "chat-42"},
)`,
    },
  ];
}

export function anthropicSnippets(origin: string): Snippet[] {
  return [
    {
      language: "TypeScript",
      code: `import Anthropic from "@anthropic-ai/sdk";

const anthropic = new Anthropic({
  apiKey: process.env.ANTHROPIC_API_KEY, // your own key, passed through untouched
  baseURL: "${origin}/api/proxy/anthropic", // the SDK appends /v1/messages
  defaultHeaders: { "x-promptuary-key": process.env.PROMPTUARY_KEY },
});

const message = await anthropic.messages.create(
  {
    model: "claude-sonnet-4-5",
    max_tokens: 1024,
    system: "You are a concise support assistant.",
    messages: [{ role: "user", content: "Summarise this ticket: …" }],
  },
  // Optional: who and what this call is for.
  { headers: { "x-promptuary-user": "user-123", "x-promptuary-session": "chat-42" } },
);`,
    },
    {
      language: "Python",
      code: `import os
from anthropic import Anthropic

client = Anthropic(
    api_key=os.environ["ANTHROPIC_API_KEY"],  # your own key, passed through untouched
    base_url="${origin}/api/proxy/anthropic",  # the SDK appends /v1/messages
    default_headers={"x-promptuary-key": os.environ["PROMPTUARY_KEY"]},
)

message = client.messages.create(
    model="claude-sonnet-4-5",
    max_tokens=1024,
    system="You are a concise support assistant.",
    messages=[{"role": "user", "content": "Summarise this ticket: …"}],
    # Optional: who and what this call is for.
    extra_headers={"x-promptuary-user": "user-123", "x-promptuary-session": "chat-42"},
)`,
    },
  ];
}
