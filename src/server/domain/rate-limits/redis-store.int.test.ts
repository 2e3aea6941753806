// Rate limits shared through Redis (REDIS_URL): rate-limiter-flexible's Redis store, and two limiter
// instances, each with its own Redis connection (two app instances), drawing on one budget. Needs a
// Redis server: TEST_REDIS_URL (CI starts one for its server-backed phase, with TEST_DATABASE_URL).
import { afterAll, describe, expect, it } from "vitest";
import { createBatchedLimiter } from "./batched-limiter";
import { redisLimiterStore } from "./limiter-store";

const REDIS = process.env.TEST_REDIS_URL;
const stores: ReturnType<typeof redisLimiterStore>[] = [];
const store = () => {
  const s = redisLimiterStore(REDIS as string);
  stores.push(s);
  return s;
};
afterAll(() => Promise.all(stores.map((s) => s.close())));

let n = 0;
const freshKey = (what: string) => `test:${what}:${process.pid}:${Date.now()}:${++n}`;

describe.skipIf(!REDIS)("the Redis store (needs TEST_REDIS_URL)", () => {
  it("adds points to a key's window and reports the total and the window's end, shared by two connections", async () => {
    const [a, b] = [store(), store()];
    const key = freshKey("store");
    const first = await a.add(key, 3);
    expect(first.consumed).toBe(3);
    expect(first.msBeforeReset).toBeGreaterThan(55_000);
    expect(first.msBeforeReset).toBeLessThanOrEqual(60_000);
    expect((await b.add(key, 2)).consumed).toBe(5);
  });

  it("two limiter instances share one budget: calls one allowed are refused by the other once it has synced", async () => {
    const [a, b] = [store(), store()].map((s) => createBatchedLimiter({ store: s, syncMs: 60_000 }));
    const key = freshKey("shared");
    const budget = [{ key, limit: 10 }];
    for (let i = 0; i < 6; i++) expect(a.checkAll(budget).allowed).toBe(true);
    await a.sync();
    expect(b.checkAll(budget)).toMatchObject({ allowed: true, remaining: 9 });
    await b.sync();
    const left: boolean[] = [];
    for (let i = 0; i < 5; i++) left.push(b.checkAll(budget).allowed);
    expect(left).toEqual([true, true, true, false, false]);
    await b.sync();
    // A learns B's calls at its next sync of that key (its own 6 + this one are all it knows before).
    expect(a.checkAll(budget).allowed).toBe(true);
    await a.sync();
    expect(a.checkAll(budget)).toMatchObject({ allowed: false, limit: 10, remaining: 0 });
    a.close();
    b.close();
  });

  it("an unreachable Redis fails the sync (the limiter then counts locally), never the call", async () => {
    const down = redisLimiterStore("redis://127.0.0.1:1");
    stores.push(down);
    const errors: unknown[] = [];
    const limiter = createBatchedLimiter({ store: down, syncMs: 60_000, onStoreError: (error) => errors.push(error) });
    const key = freshKey("down");
    for (let i = 0; i < 2; i++) expect(limiter.checkAll([{ key, limit: 2 }]).allowed).toBe(true);
    await limiter.sync();
    expect(errors.length).toBeGreaterThan(0);
    expect(limiter.checkAll([{ key, limit: 2 }]).allowed).toBe(false);
    limiter.close();
  });
});
