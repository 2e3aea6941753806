// A rate limiter that decides without waiting for the store: each instance keeps, per key, the
// window's total as the store last reported it plus the calls it allowed since, and adds its calls
// to the store in batches (every `syncMs`, or sooner once a key has used a tenth of its limit; a
// key with under 1% of its limit pending waits up to `lightSyncMs`, so many quiet keys do not cost
// a store round trip per call). So
// a check is a Map lookup (the proxy's hot path never waits for a database round trip) while the
// budget is still shared: every instance sees the others' calls at its next sync. The price is a
// bounded overshoot: an instance may allow up to one sync's worth of calls the others already
// used. While the store is unreachable each instance keeps counting on its own (the limit then
// holds per instance) and retries at the next sync.
import type { LimiterStore } from "./limiter-store";
import { RATE_LIMIT_WINDOW_MS } from "./rate-limit-plans";

export type LimitDecision = {
  allowed: boolean;
  limit: number;
  /** Calls left in this window after this one. */
  remaining: number;
  /** Until the window ends (and, when refused, how long to wait). */
  resetMs: number;
};

type Entry = {
  /** The window's total in the store at the last sync (ours included), plus what the store never got while it was down. */
  stored: number;
  /** Allowed here, not yet sent to the store. */
  pending: number;
  /** Sent to the store, answer not back yet. */
  sending: number;
  /** When its calls were last sent to the store. */
  sentAt: number;
  windowEnd: number;
  limit: number;
};

export type BatchedLimiterOptions = {
  store: LimiterStore;
  syncMs?: number;
  /** Longest a key with under 1% of its limit pending waits to be sent (default 1 s). */
  lightSyncMs?: number;
  windowMs?: number;
  now?: () => number;
  /** Keys remembered at most (the oldest idle ones are dropped first). */
  maxKeys?: number;
  onStoreError?: (error: unknown) => void;
  /** Called after the store answered (so an outage's end can be told once). */
  onStoreOk?: () => void;
};

export type BatchedLimiter = {
  /** Counts `points` on each key if each has that much left of its limit in its window. Synchronous. */
  checkAll(limits: readonly { key: string; limit: number }[], points?: number): LimitDecision;
  /** Sends what is pending to the store now and waits for its answers (tests, shutdown). */
  sync(): Promise<void>;
  close(): void;
};

export function createBatchedLimiter(opts: BatchedLimiterOptions): BatchedLimiter {
  const syncMs = opts.syncMs ?? 100;
  const lightSyncMs = opts.lightSyncMs ?? 1_000;
  const windowMs = opts.windowMs ?? RATE_LIMIT_WINDOW_MS;
  const now = opts.now ?? Date.now;
  const maxKeys = opts.maxKeys ?? 100_000;
  const entries = new Map<string, Entry>();
  /** Keys with calls not yet sent to the store. */
  const dirty = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let syncing: Promise<void> | null = null;

  let timerDue = Infinity;
  function schedule(delayMs: number) {
    const due = now() + delayMs;
    if (timer && timerDue <= due) return;
    if (timer) clearTimeout(timer);
    timerDue = due;
    timer = setTimeout(() => {
      timer = null;
      void sync();
    }, delayMs);
    timer.unref?.();
  }

  function entryFor(key: string, limit: number, at: number): Entry {
    let entry = entries.get(key);
    if (!entry) {
      if (entries.size >= maxKeys) forgetIdle(at);
      entry = { stored: 0, pending: 0, sending: 0, sentAt: at, windowEnd: at + windowMs, limit };
      entries.set(key, entry);
    } else if (at >= entry.windowEnd) {
      // The window is over here; the store's answer at the next sync says where its window stands.
      entry.stored = 0;
      entry.windowEnd = at + windowMs;
    }
    entry.limit = limit;
    return entry;
  }

  function forgetIdle(at: number) {
    for (const [key, entry] of entries) {
      if (entries.size < maxKeys) break;
      if (entry.pending === 0 && entry.sending === 0 && at >= entry.windowEnd) entries.delete(key);
    }
    // Still full: drop the oldest (insertion order), which costs at most a little accuracy.
    while (entries.size >= maxKeys) entries.delete(entries.keys().next().value as string);
  }

  /**
   * Counts `points` on every key if each has that much left of its limit: all or none, so a call
   * refused by one limit (the client address's) costs nothing from the others (the key's).
   * Answers with the refusing limit (the longest wait), or else the tightest one.
   */
  function checkAll(limits: readonly { key: string; limit: number }[], points = 1): LimitDecision {
    const at = now();
    const seen = limits.map(({ key, limit }) => {
      const entry = entryFor(key, limit, at);
      const used = entry.stored + entry.sending + entry.pending;
      return { key, entry, decision: { allowed: used + points <= limit, limit, remaining: Math.max(0, limit - used - points), resetMs: Math.max(0, entry.windowEnd - at) } };
    });
    const refused = seen.filter((s) => !s.decision.allowed);
    if (refused.length) {
      const worst = refused.reduce((a, b) => (b.decision.resetMs > a.decision.resetMs ? b : a));
      return { ...worst.decision, remaining: 0 };
    }
    let urgent = false;
    for (const { key, entry } of seen) {
      entry.pending += points;
      dirty.add(key);
      // A key using its budget fast is synced sooner, so the other instances learn of it in time.
      if (entry.pending * 10 >= entry.limit) urgent = true;
    }
    schedule(urgent ? 0 : syncMs);
    const tightest = seen.reduce((a, b) => (b.decision.remaining < a.decision.remaining ? b : a));
    return tightest.decision;
  }

  /**
   * Sends what is pending: every key when `all`, otherwise keys that used at least 1% of their limit
   * since the last send or waited `lightSyncMs` (many keys each making a call now and then would
   * otherwise cost a store round trip per call; their overshoot stays under 1% of the limit).
   */
  async function sendAll(all: boolean): Promise<void> {
    const at = now();
    const batch: [string, Entry, number][] = [];
    for (const key of dirty) {
      const entry = entries.get(key);
      if (!entry || entry.pending === 0) {
        dirty.delete(key);
        continue;
      }
      if (!all && entry.pending * 100 < entry.limit && at - entry.sentAt < lightSyncMs) continue;
      batch.push([key, entry, entry.pending]);
      entry.sending += entry.pending;
      entry.pending = 0;
      entry.sentAt = at;
      dirty.delete(key);
    }
    await Promise.all(
      batch.map(async ([key, entry, points]) => {
        try {
          const { consumed, msBeforeReset } = await opts.store.add(key, points);
          entry.sending -= points;
          entry.stored = consumed;
          entry.windowEnd = now() + msBeforeReset;
          opts.onStoreOk?.();
        } catch (error) {
          // Counted here only; the store gets the next batch.
          entry.sending -= points;
          entry.stored += points;
          opts.onStoreError?.(error);
        }
      }),
    );
  }

  function sync(all = false): Promise<void> {
    // One sync at a time: a key's answers then arrive in the order its batches were sent.
    syncing ??= sendAll(all).finally(() => {
      syncing = null;
      if (dirty.size) schedule(syncMs);
    });
    return syncing;
  }

  return {
    checkAll,
    async sync() {
      if (syncing) await syncing;
      await sync(true);
    },
    close() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
