// What the proxy learns about a key (its answer, cached by proxy/cached-authenticator.ts) and its
// rate-limit check, composed from the domain for capture-runtime.ts (and the tests that compose the
// proxy the same way): the proxy checks expiry, the proxy scope and the limits from the answer on
// every call, with no database round trip.
import type { ResolvedApiKey } from "@/server/domain/api-keys/api-keys";
import type { BatchedLimiter } from "@/server/domain/rate-limits/batched-limiter";
import type { RateLimitConfig } from "@/server/domain/rate-limits/rate-limit-plans";
import { limitProxyCall } from "@/server/domain/rate-limits/rate-limits";
import type { Authenticated } from "@/server/proxy/cached-authenticator";
import type { ProxyHandlerOptions } from "@/server/proxy/proxy-handler";

/** Expired keys are answered too: the proxy refuses them saying so (and when). */
export function proxyKeyAnswer(resolved: ResolvedApiKey | null): Authenticated | null {
  if (!resolved) return null;
  return {
    ownerId: resolved.actor.id,
    apiKeyId: resolved.apiKeyId,
    scopes: resolved.scopes,
    expiresAt: resolved.expiresAt?.getTime() ?? null,
    plan: resolved.plan,
    keyLimitPerMinute: resolved.rateLimitPerMinute,
  };
}

/** The proxy's `limit` option: undefined when limits are off. */
export function proxyLimit(limiter: BatchedLimiter | null, config: RateLimitConfig): ProxyHandlerOptions["limit"] {
  if (!limiter || !config.enabled) return undefined;
  return (caller, ip) => limitProxyCall(limiter, { userId: caller.ownerId, apiKeyId: caller.apiKeyId, plan: caller.plan ?? null, keyLimitPerMinute: caller.keyLimitPerMinute ?? null, ip }, config);
}
