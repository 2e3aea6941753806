// Official SDK clients for a harness provider. Retries are off: a cell has its own timeout and
// reports the first failure rather than hiding it behind silent retries. Credentials come from the
// provider alone: the SDKs would otherwise fill a missing key, token, organization or project from
// the server's environment, and send it to whatever URL a user's own provider names.
import "server-only";
import OpenAI from "openai";
import Anthropic from "@anthropic-ai/sdk";
import type { HarnessProvider } from "./providers";

export function openaiClient(p: HarnessProvider, timeoutMs: number) {
  // OpenAI-compatible servers without a key still need a non-empty value for the SDK.
  return new OpenAI({ apiKey: p.apiKey ?? "no-key", organization: null, project: null, baseURL: p.baseUrl, maxRetries: 0, timeout: timeoutMs });
}

export function anthropicClient(p: HarnessProvider, timeoutMs: number) {
  // ANTHROPIC_BASE_URL names the /v1 root (as the proxy uses it); the SDK adds /v1 itself.
  return new Anthropic({ apiKey: p.apiKey ?? null, authToken: null, baseURL: p.baseUrl.replace(/\/v1\/?$/, ""), maxRetries: 0, timeout: timeoutMs });
}
