// Remembers API key lookups (known and unknown keys, by hash, bounded) so that the proxy's hot path
// neither waits for the database nor fails while it is down.
//
// - An answer younger than `ttlMs` is used as it is. Up to twice that age it is still used, while a
//   background lookup refreshes it; older, it is looked up before the call. So a key revoked while
//   the database is reachable is refused within 2 × ttlMs (normally ttlMs, for a key in use).
// - When a lookup fails (the database is unreachable or slower than `lookupTimeoutMs`), every
//   remembered answer is used whatever its age: keys accepted before go on working, keys refused
//   before stay refused, and a key never seen gets an error (the proxy answers 503). The database
//   is tried again every `retryMs` (`ping`, and a background lookup for a call's key), never on the
//   call's own path.
// - The first lookup or ping that succeeds ends the outage, and every answer used during it is
//   looked up again before its next use, so a key revoked meanwhile is refused from its next call.
// Each change of state is reported once (onDatabaseState), never once per call.
// - Processes that serve side by side (HTTP workers) tell each other what they looked up
//   (onAnswer → learn), so a key one of them has seen keeps working on all of them in an outage.
import { createHash } from "node:crypto";

/**
 * A key's answer: its owner and key, and what the proxy checks on every call without the database
 * (scopes: none means every scope; expiry in ms since the epoch; the owner's plan and the key's own
 * limit for rate limits). An answer is at most 2 × ttlMs old, so a rotation's grace end applies on time
 * while the expiry it already knew is checked at each call.
 */
export type Authenticated = { ownerId: string; apiKeyId: string | null; scopes?: string[]; expiresAt?: number | null; plan?: string | null; keyLimitPerMinute?: number | null };

export type CachedAuthenticatorOptions = {
  /** A cheap database round trip, tried every retryMs during an outage so its end is noticed without calls. */
  ping?: () => Promise<unknown>;
  ttlMs?: number;
  lookupTimeoutMs?: number;
  retryMs?: number;
  maxEntries?: number;
  now?: () => number;
  onDatabaseState?: (reachable: boolean, error?: unknown) => void;
  /** An answer this process looked up (by the key's hash), for its sibling processes' `learn`. */
  onAnswer?: (keyHash: string, value: Authenticated | null) => void;
};

export type CachedAuthenticator = ((key: string) => Promise<Authenticated | null>) & {
  /** Remembers an answer a sibling process looked up just now. */
  learn: (keyHash: string, value: Authenticated | null) => void;
  /** A sibling saw an outage end: every remembered answer is looked up again before its next use. */
  recheckAll: () => void;
};

type Entry = { value: Authenticated | null; checkedAt: number };

export class DatabaseUnreachableError extends Error {
  constructor() {
    super("the database is unreachable; this key has not been seen since the server started");
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`API key lookup took over ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function createCachedAuthenticator(
  lookup: (key: string) => Promise<Authenticated | null>,
  opts: CachedAuthenticatorOptions = {},
): CachedAuthenticator {
  const ttlMs = opts.ttlMs ?? 30_000;
  const lookupTimeoutMs = opts.lookupTimeoutMs ?? 5_000;
  const retryMs = opts.retryMs ?? 1_000;
  const maxEntries = opts.maxEntries ?? 10_000;
  const now = opts.now ?? Date.now;
  const cache = new Map<string, Entry>();
  const running = new Map<string, Promise<Authenticated | null>>();
  let outage = false;
  let lastAttempt = -Infinity;
  let pinging: NodeJS.Timeout | null = null;

  function reachable() {
    if (!outage) return;
    outage = false;
    if (pinging) clearInterval(pinging);
    pinging = null;
    // Answers used during the outage are checked before their next use: revocations apply now.
    recheckAll();
    opts.onDatabaseState?.(true);
  }

  function unreachable(error: unknown) {
    if (outage) return;
    outage = true;
    opts.onDatabaseState?.(false, error);
    const ping = opts.ping;
    if (!ping) return;
    pinging = setInterval(() => {
      if (!mayTry()) return;
      lastAttempt = now();
      withTimeout(ping(), lookupTimeoutMs).then(reachable, () => {});
    }, retryMs);
    pinging.unref?.();
  }

  function recheckAll() {
    for (const entry of cache.values()) entry.checkedAt = -Infinity;
  }

  function remember(id: string, value: Authenticated | null) {
    cache.delete(id); // re-inserted last: the map's order is the order answers were checked in
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
    cache.set(id, { value, checkedAt: now() });
  }

  /** One lookup per key at a time. */
  function lookUp(id: string, key: string): Promise<Authenticated | null> {
    const existing = running.get(id);
    if (existing) return existing;
    lastAttempt = now();
    const attempt = withTimeout(lookup(key), lookupTimeoutMs)
      .then(
        (value) => {
          reachable();
          remember(id, value);
          opts.onAnswer?.(id, value);
          return value;
        },
        (error: unknown) => {
          unreachable(error);
          throw error;
        },
      )
      .finally(() => running.delete(id));
    running.set(id, attempt);
    return attempt;
  }

  const mayTry = () => !outage || now() - lastAttempt >= retryMs;

  const authenticate = (key: string) => {
    const id = createHash("sha256").update(key).digest("base64");
    const entry = cache.get(id);
    if (!entry) return mayTry() ? lookUp(id, key) : Promise.reject(new DatabaseUnreachableError());
    const { value } = entry;
    const age = now() - entry.checkedAt;
    if (age < ttlMs) return Promise.resolve(value);
    if (outage || age < 2 * ttlMs) {
      if (mayTry()) lookUp(id, key).catch(() => {});
      return Promise.resolve(value);
    }
    return lookUp(id, key).catch(() => value);
  };
  return Object.assign(authenticate, { learn: remember, recheckAll });
}
