// API keys' scopes and expiry, and the tRPC API's rate limit, through the real /api/trpc route
// handler (route.ts → createRequestContext → withApiRateLimit → the tiers in trpc.ts): a scoped key
// gets 403 naming the missing scope, an expired key 401 saying it expired, and past a limit every
// call of the request gets 429 with Retry-After and the RateLimit-* headers.
import superjson from "superjson";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createBatchedLimiter, type BatchedLimiter } from "@/server/domain/rate-limits/batched-limiter";
import { postgresLimiterStore } from "@/server/domain/rate-limits/limiter-store";
import { DEFAULT_IP_LIMITS, type RateLimitConfig } from "@/server/domain/rate-limits/rate-limit-plans";
import { replaceSingleton } from "@/server/process-singleton";
import { makeUser } from "@/test/callers";
import { setUpTestDatabase } from "@/test/set-up-test-database";

vi.mock("@/server/auth/config", () => ({ auth: async () => null }));
const { GET, POST } = await import("@/app/api/trpc/[trpc]/route");

const t = setUpTestDatabase();
const HOST = "localhost:3000";
const LIMITS: RateLimitConfig = { enabled: true, plans: { free: { api: 4, proxy: 4 }, pro: { api: 1000, proxy: 1000 } }, ip: DEFAULT_IP_LIMITS };
let limiter: BatchedLimiter;

beforeAll(() => replaceSingleton("db", t.db));
afterAll(() => {
  replaceSingleton("db", undefined);
  replaceSingleton("rate-limiter", undefined);
  replaceSingleton("rate-limit-config", undefined);
});
beforeEach(() => {
  limiter = createBatchedLimiter({ store: postgresLimiterStore(t.db), syncMs: 60_000 });
  replaceSingleton("rate-limiter", limiter);
  replaceSingleton("rate-limit-config", LIMITS);
});

/** A user on the pro plan (so only the key's scopes are in play) or on free, with a key. */
async function keyFor(opts: { scopes?: ("read" | "write" | "proxy" | "admin")[]; plan?: string; expiresAt?: Date } = {}) {
  const { caller, user } = await makeUser(t.db);
  await t.db.user.update({ where: { id: user.id }, data: { plan: opts.plan ?? "pro" } });
  const created = await caller.apiKey.create({ name: "test", scopes: opts.scopes });
  if (opts.expiresAt) await t.db.apiKey.update({ where: { id: created.id }, data: { expiresAt: opts.expiresAt } });
  return { key: created.key, keyId: created.id, user };
}

const auth = (key: string) => ({ authorization: `Bearer ${key}`, host: HOST, "x-promptuary-client-ip": "203.0.113.9" });
const query = (path: string, key: string, input?: unknown) =>
  GET(new Request(`http://${HOST}/api/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`}`, { headers: auth(key) }));
const mutation = (path: string, key: string, input: unknown) =>
  POST(new Request(`http://${HOST}/api/trpc/${path}`, { method: "POST", headers: { ...auth(key), "content-type": "application/json" }, body: JSON.stringify(superjson.serialize(input)) }));

async function errorOf(res: Response) {
  const body = (await res.json()) as { error: { json: { message: string; data: { code: string } } } } | { error: { json: { message: string; data: { code: string } } } }[];
  return (Array.isArray(body) ? body[0] : body).error.json;
}

describe("API key scopes", () => {
  it("a read key reads, and is refused writes (write) and key management (admin) with a 403 naming the scope", async () => {
    const { key } = await keyFor({ scopes: ["read"] });
    expect((await query("user.me", key)).status).toBe(200);

    const write = await mutation("user.updateProfile", key, { bio: "from a read key" });
    expect(write.status).toBe(403);
    expect((await errorOf(write)).message).toMatch(/lacks the "write" scope/);

    const admin = await mutation("apiKey.create", key, { name: "escalate" });
    expect(admin.status).toBe(403);
    expect((await errorOf(admin)).message).toMatch(/lacks the "admin" scope/);
    const list = await query("apiKey.list", key);
    expect(list.status).toBe(403);
  });

  it("a write key writes but cannot read; a proxy-only key can do neither; a key without scopes does everything", async () => {
    const writer = await keyFor({ scopes: ["write"] });
    expect((await mutation("user.updateProfile", writer.key, { bio: "written" })).status).toBe(200);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: writer.user.id } })).bio).toBe("written");
    expect((await errorOf(await query("user.me", writer.key))).message).toMatch(/lacks the "read" scope/);

    const proxyOnly = await keyFor({ scopes: ["proxy"] });
    expect((await query("user.me", proxyOnly.key)).status).toBe(403);
    expect((await mutation("user.updateProfile", proxyOnly.key, { bio: "x" })).status).toBe(403);

    const full = await keyFor();
    expect((await query("user.me", full.key)).status).toBe(200);
    expect((await query("apiKey.list", full.key)).status).toBe(200);
    expect((await mutation("apiKey.create", full.key, { name: "minted by a full key" })).status).toBe(200);
  });

  it("refuses an expired key with a 401 that says it expired", async () => {
    const { key } = await keyFor({ expiresAt: new Date(Date.now() - 1000) });
    const res = await query("user.me", key);
    expect(res.status).toBe(401);
    expect((await errorOf(res)).message).toMatch(/expired at \d{4}-\d\d-\d\dT/);
  });
});

describe("the tRPC API's rate limit", () => {
  it("answers with RateLimit-* headers, and past the plan's limit with 429, Retry-After and the headers", async () => {
    const { key } = await keyFor({ plan: "free" });
    const first = await query("user.me", key);
    expect(first.status).toBe(200);
    expect(first.headers.get("ratelimit-limit")).toBe("4");
    expect(first.headers.get("ratelimit-remaining")).toBe("3");
    expect(first.headers.get("ratelimit-policy")).toBe("4;w=60");
    expect(Number(first.headers.get("ratelimit-reset"))).toBeGreaterThan(0);
    expect(first.headers.get("retry-after")).toBeNull();

    // A batch of two calls counts two.
    const batch = await GET(new Request(`http://${HOST}/api/trpc/user.me,apiKey.list?batch=1&input=${encodeURIComponent("{}")}`, { headers: auth(key) }));
    expect(batch.status).toBe(200);
    expect(batch.headers.get("ratelimit-remaining")).toBe("1");
    expect((await query("user.me", key)).status).toBe(200);

    const refused = await query("user.me", key);
    expect(refused.status).toBe(429);
    expect((await errorOf(refused)).message).toMatch(/Rate limit exceeded: 4 requests per minute/);
    expect(refused.headers.get("ratelimit-remaining")).toBe("0");
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get("ratelimit-reset")).toBe(String(retryAfter));

    // Mutations are refused too, and nothing is written.
    const write = await mutation("user.updateProfile", key, { bio: "over the limit" });
    expect(write.status).toBe(429);
    expect(await t.db.user.count({ where: { bio: "over the limit" } })).toBe(0);
  });

  it("a key's own limit overrides its owner's plan", async () => {
    const limited = await keyFor({ plan: "pro" });
    await t.db.apiKey.update({ where: { id: limited.keyId }, data: { rateLimitPerMinute: 1 } });
    expect((await query("user.me", limited.key)).status).toBe(200);
    const refused = await query("user.me", limited.key);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("ratelimit-limit")).toBe("1");
  });

  it("counts anonymous calls per client address", async () => {
    replaceSingleton("rate-limit-config", { ...LIMITS, ip: { api: 2, proxy: 2 } });
    const anonymous = () => GET(new Request(`http://${HOST}/api/trpc/user.byHandle?input=${encodeURIComponent(JSON.stringify(superjson.serialize({ handle: "nobody" })))}`, { headers: { host: HOST, "x-promptuary-client-ip": "198.51.100.7" } }));
    expect((await anonymous()).headers.get("ratelimit-limit")).toBe("2");
    await anonymous();
    expect((await anonymous()).status).toBe(429);
  });
});
