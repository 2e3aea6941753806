// The plan of a caller and their key's own limit, for the tRPC API's check: looked up once a minute
// per user and key (a plan or key limit change applies within a minute), not on every request.
import "server-only";
import type { DbOrTx } from "@/server/db/prisma";

export type CallerLimits = { plan: string; keyLimitPerMinute: number | null };

const TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;
const cache = new Map<string, { value: CallerLimits; at: number }>();

export async function callerLimits(db: DbOrTx, userId: string, apiKeyId: string | null, now = Date.now()): Promise<CallerLimits> {
  const id = `${userId}:${apiKeyId ?? ""}`;
  const hit = cache.get(id);
  if (hit && now - hit.at < TTL_MS) return hit.value;
  const [user, key] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { plan: true } }),
    apiKeyId ? db.apiKey.findUnique({ where: { id: apiKeyId }, select: { rateLimitPerMinute: true } }) : null,
  ]);
  const value = { plan: user?.plan ?? "free", keyLimitPerMinute: key?.rateLimitPerMinute ?? null };
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  cache.set(id, { value, at: now });
  return value;
}
