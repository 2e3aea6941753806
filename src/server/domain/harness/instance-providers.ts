// The instance's model providers for the test harness, from the environment the capture proxy
// already reads: the built-in `openai` and `anthropic` (usable once their key is set) and any
// OpenAI-compatible servers listed in HARNESS_PROVIDERS. Users add their own in Settings
// (user-providers.ts); providers.ts puts both together.
import "server-only";
import { env } from "@/env";
import type { ProviderKind } from "@/shared/harness/provider-fields";

export type { ProviderKind };
export type HarnessProvider = {
  name: string;
  /** anthropic speaks Anthropic's messages API; openai and openai-compatible speak chat completions. */
  kind: ProviderKind;
  baseUrl: string;
  apiKey: string | undefined;
  configured: boolean;
  /** The instance's `openai` or `anthropic`. */
  builtIn: boolean;
  /** A user's own provider (Settings) rather than the instance's. */
  own?: boolean;
  /** Configured model ids: when not empty, the provider's catalogue (for servers with no model list). */
  models?: string[];
  /** Why a provider that is otherwise set up cannot be used (its saved key cannot be decrypted). */
  problem?: string;
};

export function harnessProviders(): HarnessProvider[] {
  const openaiKey = env.OPENAI_API_KEY;
  const anthropicKey = env.ANTHROPIC_API_KEY;
  return [
    { name: "openai", kind: "openai", baseUrl: env.OPENAI_BASE_URL, apiKey: openaiKey, configured: Boolean(openaiKey), builtIn: true },
    { name: "anthropic", kind: "anthropic", baseUrl: env.ANTHROPIC_BASE_URL, apiKey: anthropicKey, configured: Boolean(anthropicKey), builtIn: true },
    // A local server (Ollama, vLLM, LM Studio) usually needs no key, so a listed one is configured.
    ...env.HARNESS_PROVIDERS.map((p) => ({
      name: p.name,
      kind: "openai-compatible" as const,
      baseUrl: p.baseUrl,
      apiKey: p.apiKey,
      configured: true,
      builtIn: false,
      models: p.models ?? [],
    })),
  ];
}

/** The environment variable that configures a built-in provider (said only to admins). */
export const KEY_VARIABLE: Record<string, string> = { openai: "OPENAI_API_KEY", anthropic: "ANTHROPIC_API_KEY" };
