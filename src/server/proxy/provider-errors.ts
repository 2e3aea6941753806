// Errors the proxy itself answers with, in the provider's own JSON shape so SDKs surface them
// like any provider error.
import type { Provider } from "./exchange";

export type ProxyErrorKind = "unauthorized" | "forbidden" | "rate_limited" | "bad_gateway" | "unavailable" | "not_found" | "bad_request";

const OPENAI_TYPES: Record<ProxyErrorKind, { type: string; code: string | null }> = {
  unauthorized: { type: "invalid_request_error", code: "invalid_promptuary_key" },
  forbidden: { type: "invalid_request_error", code: "insufficient_scope" },
  rate_limited: { type: "rate_limit_exceeded", code: "rate_limit_exceeded" },
  bad_gateway: { type: "server_error", code: "upstream_unreachable" },
  unavailable: { type: "server_error", code: "promptuary_unavailable" },
  not_found: { type: "invalid_request_error", code: "unknown_url" },
  bad_request: { type: "invalid_request_error", code: "invalid_path" },
};

const ANTHROPIC_TYPES: Record<ProxyErrorKind, string> = {
  unauthorized: "authentication_error",
  forbidden: "permission_error",
  rate_limited: "rate_limit_error",
  bad_gateway: "api_error",
  unavailable: "api_error",
  not_found: "not_found_error",
  bad_request: "invalid_request_error",
};

export function providerErrorBody(provider: Provider, kind: ProxyErrorKind, message: string): string {
  if (provider === "anthropic") return JSON.stringify({ type: "error", error: { type: ANTHROPIC_TYPES[kind], message } });
  const { type, code } = OPENAI_TYPES[kind];
  return JSON.stringify({ error: { message, type, param: null, code } });
}
