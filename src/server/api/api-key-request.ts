// Who is calling a plain-HTTP API route (not tRPC) with an API key: `Authorization: Bearer pq_…` or
// `x-promptuary-key: pq_…`. No key, an unknown or revoked one, an expired one (401), a key without
// the needed scope (403) and a caller over the API's rate limit (429, the same budgets as tRPC API
// calls) are refused with a message saying what to do.
import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import type { Actor } from "@/server/domain/actor";
import { resolveApiKey } from "@/server/domain/api-keys/api-keys";
import { assertKeyScope } from "@/server/domain/api-keys/required-scope";
import type { UsageOrigin } from "@/server/domain/analytics/usage-origin";
import { UnauthorizedError } from "@/server/domain/errors";
import { limitApiCall, processRateLimiter, type LimitDecision } from "@/server/domain/rate-limits/rate-limits";
import { RateLimitedError } from "@/server/domain/rate-limits/rate-limited-error";
import type { ApiKeyScope } from "@/shared/governance/api-key-scopes";
import { clientIpFromHeaders } from "@/server/http/client-ip";

export type KeyCaller = { actor: Actor; usage: UsageOrigin; rateLimit: LimitDecision | null };

export function apiKeyFromHeaders(headers: Headers): string | null {
  const authorization = headers.get("authorization");
  if (authorization?.toLowerCase().startsWith("bearer ")) return authorization.slice(7).trim();
  return headers.get("x-promptuary-key")?.trim() || null;
}

export async function authenticateKeyRequest(db: DbOrTx, headers: Headers, scope: ApiKeyScope): Promise<KeyCaller> {
  const raw = apiKeyFromHeaders(headers);
  if (!raw) throw new UnauthorizedError("Missing API key: send it as `Authorization: Bearer <key>` or `x-promptuary-key: <key>` (create one in Settings → API keys).");
  const key = await resolveApiKey(db, raw);
  if (!key) throw new UnauthorizedError("Invalid or revoked API key.");
  assertKeyScope(key.scopes, scope);
  const ip = clientIpFromHeaders(headers);
  const rateLimit = await limitApiCall(db, processRateLimiter(db), { userId: key.actor.id, apiKeyId: key.apiKeyId, ip: ip === "unknown" ? null : ip, points: 1 });
  if (rateLimit && !rateLimit.allowed) throw new RateLimitedError(rateLimit);
  return { actor: key.actor, usage: { source: "api", apiKeyId: key.apiKeyId, viewerKey: key.actor.id }, rateLimit };
}
