// The instance's model providers for the test harness, from the environment the capture proxy
// already reads: the built-in `openai` and `anthropic` (usable once their key is set) and any
// OpenAI-compatible servers listed in HARNESS_PROVIDERS. Keys stay on the server: the public view
// says only whether a provider is configured.
import "server-only";
import { env } from "@/env";
import type { Db } from "@/server/db/prisma";
import { ValidationError } from "../errors";

export type ProviderKind = "openai" | "anthropic";
export type HarnessProvider = { name: string; kind: ProviderKind; baseUrl: string; apiKey: string | undefined; configured: boolean; builtIn: boolean };
export type PublicProvider = Omit<HarnessProvider, "apiKey" | "baseUrl">;

export function harnessProviders(): HarnessProvider[] {
  const openaiKey = env.OPENAI_API_KEY;
  const anthropicKey = env.ANTHROPIC_API_KEY;
  return [
    { name: "openai", kind: "openai", baseUrl: env.OPENAI_BASE_URL, apiKey: openaiKey, configured: Boolean(openaiKey), builtIn: true },
    { name: "anthropic", kind: "anthropic", baseUrl: env.ANTHROPIC_BASE_URL, apiKey: anthropicKey, configured: Boolean(anthropicKey), builtIn: true },
    // A local server (Ollama, vLLM, LM Studio) usually needs no key, so a listed one is configured.
    ...env.HARNESS_PROVIDERS.map((p) => ({ name: p.name, kind: "openai" as const, baseUrl: p.baseUrl, apiKey: p.apiKey, configured: true, builtIn: false })),
  ];
}

/** The providers a user can call: the instance's, then their own (Settings). */
export async function providersFor(_db: Db, _ownerId: string): Promise<HarnessProvider[]> {
  return harnessProviders();
}

/** What the browser may know: names and whether each can be used (no URLs, which may be internal, and no keys). */
export async function listProviders(db: Db, ownerId: string): Promise<PublicProvider[]> {
  return (await providersFor(db, ownerId)).map(({ name, kind, configured, builtIn }) => ({ name, kind, configured, builtIn }));
}

const KEY_VARIABLE: Record<string, string> = { openai: "OPENAI_API_KEY", anthropic: "ANTHROPIC_API_KEY" };

/** A provider that can be called, or a 400 naming the field and the problem (unknown, or no key). */
export async function requireProvider(db: Db, ownerId: string, name: string, field = "provider"): Promise<HarnessProvider> {
  const all = await providersFor(db, ownerId);
  const provider = all.find((p) => p.name === name);
  if (!provider) {
    const message = `Unknown provider "${name}" (available: ${all.map((p) => p.name).join(", ")})`;
    throw new ValidationError(message, { [field]: [message] });
  }
  if (!provider.configured) {
    const message = `Provider "${name}" is not configured: it has no API key (set ${KEY_VARIABLE[name] ?? "its apiKey"})`;
    throw new ValidationError(message, { [field]: [message] });
  }
  return provider;
}
