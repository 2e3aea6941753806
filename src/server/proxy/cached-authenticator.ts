// Remembers API key lookups for a short time so the proxy's hot path does not query the database
// on every call. Known and unknown keys are both cached (bounded); a revoked key keeps working for
// at most `ttlMs`. Concurrent lookups of one key share one query. Keys are cached by hash.
import { createHash } from "node:crypto";

export type Authenticated = { ownerId: string; apiKeyId: string | null };

type Entry = { value: Promise<Authenticated | null>; expiresAt: number };

export function createCachedAuthenticator(
  lookup: (key: string) => Promise<Authenticated | null>,
  opts: { ttlMs?: number; maxEntries?: number; now?: () => number } = {},
): (key: string) => Promise<Authenticated | null> {
  const ttlMs = opts.ttlMs ?? 30_000;
  const maxEntries = opts.maxEntries ?? 10_000;
  const now = opts.now ?? Date.now;
  const cache = new Map<string, Entry>();

  return (key: string) => {
    const id = createHash("sha256").update(key).digest("base64");
    const t = now();
    const hit = cache.get(id);
    if (hit && hit.expiresAt > t) return hit.value;
    if (cache.size >= maxEntries) {
      for (const [k, e] of cache) if (e.expiresAt <= t) cache.delete(k);
      if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
    }
    const value = lookup(key);
    cache.set(id, { value, expiresAt: t + ttlMs });
    // A failed lookup (database down) is not remembered.
    value.catch(() => {
      if (cache.get(id)?.value === value) cache.delete(id);
    });
    return value;
  };
}
