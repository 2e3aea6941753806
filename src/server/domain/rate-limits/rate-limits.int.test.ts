// Rate limits shared through the database: rate-limiter-flexible's PostgreSQL store on rate_limits
// (through the Prisma client), and two limiter instances, each with its own Prisma client on one
// database (two app instances), drawing on one budget. PGlite by default; with TEST_DATABASE_URL a
// PostgreSQL server (CI runs both).
import { PGlite } from "@electric-sql/pglite";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/server/db/migrator";
import { pgliteExtensions } from "@/server/db/pglite-extensions";
import { createPgPrismaClient, createPrismaClient, type Db } from "@/server/db/prisma";
import { pgConnection, pgliteConnection } from "@/server/db/sql-connection";
import { createScratchDatabase } from "@/test/scratch-database";
import { createBatchedLimiter } from "./batched-limiter";
import { postgresLimiterStore } from "./limiter-store";
import { budgetsFor, limitApiCall, limitProxyCall } from "./rate-limits";
import { DEFAULT_IP_LIMITS, DEFAULT_PLAN_LIMITS, type RateLimitConfig } from "./rate-limit-plans";

/** Two Prisma clients (two app instances) on one fresh database. */
let clients: [Db, Db];
let closeAll: () => Promise<void>;

beforeAll(async () => {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const scratch = await createScratchDatabase(serverUrl, "pq_test_rl");
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    await migrate(pgConnection(client));
    await client.end();
    clients = [createPgPrismaClient(scratch.url, { max: 4 }), createPgPrismaClient(scratch.url, { max: 4 })];
    closeAll = async () => {
      await Promise.all(clients.map((c) => c.$disconnect()));
      await scratch.drop();
    };
  } else {
    const pglite = await PGlite.create({ extensions: pgliteExtensions });
    await migrate(pgliteConnection(pglite));
    const adapter = () => new PrismaPGlite(pglite) as unknown as SqlDriverAdapterFactory;
    clients = [createPrismaClient(adapter()), createPrismaClient(adapter())];
    closeAll = async () => {
      await Promise.all(clients.map((c) => c.$disconnect()));
      await pglite.close();
    };
  }
});
afterAll(() => closeAll());

let n = 0;
const freshKey = (what: string) => `test:${what}:${process.pid}:${++n}`;
const config = (over: Partial<RateLimitConfig> = {}): RateLimitConfig => ({ enabled: true, plans: DEFAULT_PLAN_LIMITS, ip: DEFAULT_IP_LIMITS, ...over });

describe("the PostgreSQL store (rate-limiter-flexible on rate_limits)", () => {
  it("adds points to a key's window and reports the total and the window's end, shared by both clients", async () => {
    const [a, b] = clients.map(postgresLimiterStore);
    const key = freshKey("store");
    const first = await a.add(key, 3);
    expect(first.consumed).toBe(3);
    expect(first.msBeforeReset).toBeGreaterThan(55_000);
    expect(first.msBeforeReset).toBeLessThanOrEqual(60_000);
    expect((await b.add(key, 2)).consumed).toBe(5);
    const rows = await clients[0].$queryRawUnsafe<{ key: string; points: number }[]>(`SELECT key, points FROM rate_limits WHERE key LIKE $1`, `%${key}`);
    expect(rows).toHaveLength(1);
    expect(rows[0].points).toBe(5);
  });

  it("starts a new window once the stored one has expired", async () => {
    const store = postgresLimiterStore(clients[0]);
    const key = freshKey("expired");
    await store.add(key, 7);
    await clients[0].$executeRawUnsafe(`UPDATE rate_limits SET expire = $1 WHERE key LIKE $2`, Date.now() - 1, `%${key}`);
    expect((await store.add(key, 1)).consumed).toBe(1);
  });
});

describe("two limiter instances on one database", () => {
  it("share one budget: calls one instance allowed are refused by the other once it has synced", async () => {
    const [a, b] = clients.map((db) => createBatchedLimiter({ store: postgresLimiterStore(db), syncMs: 60_000 }));
    const key = freshKey("shared");
    const budget = [{ key, limit: 10 }];
    for (let i = 0; i < 6; i++) expect(a.checkAll(budget).allowed).toBe(true);
    await a.sync();
    // B has seen nothing yet: one call, synced, tells it the total.
    expect(b.checkAll(budget)).toMatchObject({ allowed: true, remaining: 9 });
    await b.sync();
    const left: boolean[] = [];
    for (let i = 0; i < 5; i++) left.push(b.checkAll(budget).allowed);
    // 6 (A) + 1 + 3 (B) = 10: the 4th of these five and after are refused.
    expect(left).toEqual([true, true, true, false, false]);
    await b.sync();
    // And A, at its next sync, learns B's calls: refused too, with the window's end as Retry-After.
    expect(a.checkAll(budget).allowed).toBe(true); // not yet synced: its own 6 + this one are all it knows
    await a.sync();
    const refused = a.checkAll(budget);
    expect(refused).toMatchObject({ allowed: false, limit: 10, remaining: 0 });
    expect(refused.resetMs).toBeGreaterThan(50_000);
    // The store holds every allowed call of both, no more than one over the limit.
    const rows = await clients[0].$queryRawUnsafe<{ points: number }[]>(`SELECT points FROM rate_limits WHERE key LIKE $1`, `%${key}`);
    expect(rows[0].points).toBe(11);
    a.close();
    b.close();
  });

  it("under concurrent load from both, allows at most the limit plus one sync's worth per instance", async () => {
    const [a, b] = clients.map((db) => createBatchedLimiter({ store: postgresLimiterStore(db), syncMs: 5 }));
    const key = freshKey("concurrent");
    const limit = 200;
    let allowed = 0;
    // 600 calls alternating between the instances, with pauses that let both sync as they go.
    for (let i = 0; i < 600; i++) {
      if ((i % 2 ? a : b).checkAll([{ key, limit }]).allowed) allowed++;
      if (i % 20 === 19) await new Promise((resolve) => setTimeout(resolve, 15));
    }
    await Promise.all([a.sync(), b.sync()]);
    expect(allowed).toBeGreaterThanOrEqual(limit);
    // Each instance can overshoot by what it allowed between two syncs (here at most 20 calls' worth).
    expect(allowed).toBeLessThanOrEqual(limit + 40);
    a.close();
    b.close();
  });

  it("keeps counting on its own while the store is unreachable, and syncs again when it is back", async () => {
    let down = true;
    const real = postgresLimiterStore(clients[0]);
    const errors: unknown[] = [];
    const limiter = createBatchedLimiter({
      store: { add: (key, points) => (down ? Promise.reject(new Error("connection refused")) : real.add(key, points)) },
      syncMs: 60_000,
      onStoreError: (error) => errors.push(error),
    });
    const key = freshKey("outage");
    for (let i = 0; i < 3; i++) expect(limiter.checkAll([{ key, limit: 3 }]).allowed).toBe(true);
    await limiter.sync();
    expect(errors).toHaveLength(1);
    expect(limiter.checkAll([{ key, limit: 3 }]).allowed).toBe(false);
    down = false;
    expect(limiter.checkAll([{ key, limit: 5 }]).allowed).toBe(true);
    await limiter.sync();
    // Only what was sent after the outage reached the store.
    const rows = await clients[0].$queryRawUnsafe<{ points: number }[]>(`SELECT points FROM rate_limits WHERE key LIKE $1`, `%${key}`);
    expect(rows[0].points).toBe(1);
    limiter.close();
  });
});

describe("which budgets a call draws on", () => {
  it("the user's (by plan) and the key's own limit for signed-in callers, the client address's for anonymous ones; all or none are counted", async () => {
    const limiter = createBatchedLimiter({ store: postgresLimiterStore(clients[0]), syncMs: 60_000 });
    const cfg = config({ plans: { free: { api: 5, proxy: 3 }, pro: { api: 50, proxy: 30 } }, ip: { api: 100, proxy: 4 } });
    const caller = { userId: `u${++n}`, apiKeyId: `k${n}`, plan: "free", keyLimitPerMinute: null, ip: `10.0.0.${n}` };
    // Signed in: the user's and the key's budgets; many people may share one address.
    expect(budgetsFor(cfg, "proxy", caller).map((b) => b.limit)).toEqual([3]);
    expect(budgetsFor(cfg, "proxy", { ...caller, keyLimitPerMinute: 2 }).map((b) => b.limit)).toEqual([3, 2]);
    expect(budgetsFor(cfg, "api", { ...caller, plan: "pro" }).map((b) => b.limit)).toEqual([50]);
    // A plan nobody configured counts as free.
    expect(budgetsFor(cfg, "api", { ...caller, plan: "mystery", ip: null }).map((b) => b.limit)).toEqual([5]);
    // Anonymous: the address's budget.
    const anonymous = { userId: null, apiKeyId: null, plan: null, keyLimitPerMinute: null, ip: `10.1.0.${n}` };
    expect(budgetsFor(cfg, "api", anonymous).map((b) => b.limit)).toEqual([100]);

    for (let i = 0; i < 3; i++) expect(limitProxyCall(limiter, caller, cfg)?.allowed).toBe(true);
    const refused = limitProxyCall(limiter, caller, cfg)!;
    expect(refused).toMatchObject({ allowed: false, limit: 3, remaining: 0 });
    // Another user from the same address has their own budget.
    expect(limitProxyCall(limiter, { ...caller, userId: "someone-else", apiKeyId: null }, cfg)).toMatchObject({ allowed: true, limit: 3, remaining: 2 });
    // Anonymous callers from one address share its budget: the fifth is refused.
    for (let i = 0; i < 4; i++) expect(limitProxyCall(limiter, anonymous, cfg)).toMatchObject({ allowed: true, limit: 4 });
    expect(limitProxyCall(limiter, anonymous, cfg)).toMatchObject({ allowed: false, limit: 4 });
    expect(limitProxyCall(limiter, caller, { ...cfg, enabled: false })).toBeNull();
    limiter.close();
  });

  it("the tRPC API reads the user's plan and the key's own limit from the database", async () => {
    const db = clients[0];
    const user = await db.user.create({ data: { email: `rl-${++n}@example.com`, handle: `rl-${process.pid}-${n}`, plan: "pro" } });
    const key = await db.apiKey.create({ data: { userId: user.id, name: "limited", prefix: "pq_xxxxxxxx", hash: `hash-${n}`, rateLimitPerMinute: 2 } });
    const limiter = createBatchedLimiter({ store: postgresLimiterStore(db), syncMs: 60_000 });
    const cfg = config({ plans: { free: { api: 1, proxy: 1 }, pro: { api: 3, proxy: 1 } } });
    const call = (apiKeyId: string | null, points = 1) => limitApiCall(db, limiter, { userId: user.id, apiKeyId, ip: null, points }, cfg);
    expect(await call(key.id)).toMatchObject({ allowed: true, limit: 2, remaining: 1 });
    expect(await call(key.id)).toMatchObject({ allowed: true, limit: 2, remaining: 0 });
    expect(await call(key.id)).toMatchObject({ allowed: false, limit: 2 });
    // The session (no key) still has the pro plan's third call; a batch of two would not fit.
    expect(await call(null, 2)).toMatchObject({ allowed: false, limit: 3 });
    expect(await call(null)).toMatchObject({ allowed: true, limit: 3, remaining: 0 });
    limiter.close();
  });
});
