// The batched limiter's own rules, against a store kept in memory (the PostgreSQL store and two
// instances sharing it are in rate-limits.int.test.ts): local decisions, windows, all-or-none
// budgets, sync timing, and a bounded memory.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createBatchedLimiter } from "./batched-limiter";
import type { LimiterStore } from "./limiter-store";

/** A one-minute fixed-window store, as rate_limits behaves, over an injected clock. */
function memoryStore(now: () => number) {
  const rows = new Map<string, { points: number; expire: number }>();
  const calls: [string, number][] = [];
  const store: LimiterStore = {
    async add(key, points) {
      calls.push([key, points]);
      const row = rows.get(key);
      const fresh = !row || row.expire <= now();
      const next = fresh ? { points, expire: now() + 60_000 } : { points: row.points + points, expire: row.expire };
      rows.set(key, next);
      return { consumed: next.points, msBeforeReset: next.expire - now() };
    },
  };
  return { store, rows, calls };
}

afterEach(() => vi.useRealTimers());

describe("the batched limiter", () => {
  it("decides locally, counts in batches, and opens a new window after a minute", async () => {
    let t = 1_000_000;
    const { store, calls } = memoryStore(() => t);
    const limiter = createBatchedLimiter({ store, syncMs: 60_000, now: () => t });
    const budget = [{ key: "k", limit: 3 }];
    expect(limiter.checkAll(budget)).toEqual({ allowed: true, limit: 3, remaining: 2, resetMs: 60_000 });
    limiter.checkAll(budget);
    limiter.checkAll(budget);
    expect(limiter.checkAll(budget)).toMatchObject({ allowed: false, remaining: 0 });
    await limiter.sync();
    // One store call for the three allowed calls; the refused one is not counted.
    expect(calls).toEqual([["k", 3]]);
    t += 30_000;
    expect(limiter.checkAll(budget)).toMatchObject({ allowed: false, resetMs: 30_000 });
    t += 30_001;
    expect(limiter.checkAll(budget)).toMatchObject({ allowed: true, remaining: 2 });
    limiter.close();
  });

  it("refuses a call that one budget cannot take without counting it on the others", async () => {
    const { store } = memoryStore(Date.now);
    const limiter = createBatchedLimiter({ store, syncMs: 60_000 });
    const wide = { key: "ip", limit: 10 };
    expect(limiter.checkAll([wide, { key: "user", limit: 1 }]).allowed).toBe(true);
    expect(limiter.checkAll([wide, { key: "user", limit: 1 }])).toMatchObject({ allowed: false, limit: 1 });
    // The address lost one call (the allowed one), not two; the tightest budget is reported.
    expect(limiter.checkAll([wide, { key: "other-user", limit: 5 }])).toMatchObject({ allowed: true, limit: 5, remaining: 4 });
    expect(limiter.checkAll([wide])).toMatchObject({ remaining: 7 });
    limiter.close();
  });

  it("syncs a key using a tenth of its budget at once instead of waiting for the interval", async () => {
    vi.useFakeTimers();
    const { store, calls } = memoryStore(Date.now);
    const limiter = createBatchedLimiter({ store, syncMs: 10_000 });
    limiter.checkAll([{ key: "slow", limit: 100 }]);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual([]);
    for (let i = 0; i < 10; i++) limiter.checkAll([{ key: "fast", limit: 100 }]);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual(expect.arrayContaining([["fast", 10]]));
    limiter.close();
  });

  it("sends a key with under 1% of its limit pending at most every lightSyncMs, and everything on an explicit sync", async () => {
    vi.useFakeTimers();
    const { store, calls } = memoryStore(Date.now);
    const limiter = createBatchedLimiter({ store, syncMs: 100, lightSyncMs: 1_000 });
    limiter.checkAll([{ key: "quiet", limit: 1_000 }]);
    limiter.checkAll([{ key: "busy", limit: 100 }]);
    await vi.advanceTimersByTimeAsync(150);
    expect(calls).toEqual([["busy", 1]]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toEqual([["busy", 1], ["quiet", 1]]);
    limiter.checkAll([{ key: "quiet", limit: 1_000 }]);
    await limiter.sync();
    expect(calls.at(-1)).toEqual(["quiet", 1]);
    limiter.close();
  });

  it("keeps at most maxKeys keys: with none idle, the oldest is dropped", () => {
    const t = 0;
    const { store } = memoryStore(() => t);
    const limiter = createBatchedLimiter({ store, syncMs: 60_000, now: () => t, maxKeys: 3 });
    for (const key of ["a", "b", "c"]) limiter.checkAll([{ key, limit: 1 }]);
    // All three used their budget; a fourth key pushes the oldest out, which then starts afresh.
    limiter.checkAll([{ key: "d", limit: 1 }]);
    expect(limiter.checkAll([{ key: "a", limit: 1 }]).allowed).toBe(true);
    expect(limiter.checkAll([{ key: "d", limit: 1 }]).allowed).toBe(false);
    limiter.close();
  });
});
