// A mutation authenticated by the session cookie must come from the app's own pages: through the
// real /api/trpc route handler (route.ts → createRequestContext → the middleware in trpc.ts), with
// Auth.js's session lookup replaced by a fixed signed-in user (Auth.js needs Next's request scope,
// which Vitest does not have). e2e/security.spec.ts repeats the refusal with a real session cookie.
import superjson from "superjson";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { replaceSingleton } from "@/server/process-singleton";
import { makeUser } from "@/test/callers";
import { setUpTestDatabase } from "@/test/set-up-test-database";

/** The session Auth.js would find in the cookie of the request under test (null: none). */
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; handle: string; role: "user" | "admin" } } }));
vi.mock("@/server/auth/config", () => ({ auth: async () => session.current }));

const { GET, POST } = await import("@/app/api/trpc/[trpc]/route");

const t = setUpTestDatabase();
const HOST = "localhost:3000";

beforeAll(() => replaceSingleton("db", t.db));
afterAll(() => replaceSingleton("db", undefined));
afterEach(() => {
  session.current = null;
  delete process.env.APP_URL;
});

async function signedInUser() {
  const { user, actor } = await makeUser(t.db);
  session.current = { user: { id: actor.id, handle: actor.handle, role: actor.role } };
  return user;
}

function mutation(path: string, input: unknown, headers: Record<string, string>) {
  return POST(
    new Request(`http://${HOST}/api/trpc/${path}`, {
      method: "POST",
      headers: { host: HOST, "content-type": "application/json", cookie: "authjs.session-token=stand-in", ...headers },
      body: JSON.stringify(superjson.serialize(input)),
    }),
  );
}

async function errorOf(res: Response) {
  const body = (await res.json()) as { error: { json: { message: string; data: { code: string; httpStatus: number } } } };
  return body.error.json;
}

describe("cookie-authenticated mutations and the Origin header", () => {
  it("refuses a mutation from another site's page with a 403 that says why, and changes nothing", async () => {
    const user = await signedInUser();
    const res = await mutation("apiKey.create", { name: "stolen" }, { origin: "http://evil.example" });
    expect(res.status).toBe(403);
    const error = await errorOf(res);
    expect(error.data.code).toBe("FORBIDDEN");
    expect(error.message).toMatch(/session cookie from another site \(http:\/\/evil\.example\)/);
    expect(error.message).toMatch(/API key/);
    expect(await t.db.apiKey.count({ where: { userId: user.id } })).toBe(0);
  });

  it("uses the Referer when there is no Origin, and refuses a request that names neither", async () => {
    const user = await signedInUser();
    expect((await mutation("apiKey.create", { name: "x" }, { referer: "http://evil.example/page" })).status).toBe(403);
    const anonymousOrigin = await mutation("apiKey.create", { name: "x" }, {});
    expect(anonymousOrigin.status).toBe(403);
    expect((await errorOf(anonymousOrigin)).message).toMatch(/no Origin or Referer/);
    expect((await mutation("apiKey.create", { name: "x" }, { origin: "null" })).status).toBe(403);
    // Same host, another port: another origin.
    expect((await mutation("apiKey.create", { name: "x" }, { origin: "http://localhost:3001" })).status).toBe(403);
    expect(await t.db.apiKey.count({ where: { userId: user.id } })).toBe(0);
  });

  it("accepts the app's own pages: Origin, or Referer alone, naming the request's host", async () => {
    const user = await signedInUser();
    expect((await mutation("apiKey.create", { name: "from a page" }, { origin: `http://${HOST}` })).status).toBe(200);
    expect((await mutation("apiKey.create", { name: "old browser" }, { referer: `http://${HOST}/settings` })).status).toBe(200);
    // X-Forwarded-Host is any client's to send: believed only behind a trusted proxy (TRUST_PROXY).
    expect((await mutation("apiKey.create", { name: "forged" }, { origin: "http://evil.example", "x-forwarded-host": "evil.example" })).status).toBe(403);
    process.env.TRUST_PROXY = "1";
    try {
      expect((await mutation("apiKey.create", { name: "proxied" }, { origin: "https://prompts.example", "x-forwarded-host": "prompts.example" })).status).toBe(200);
    } finally {
      delete process.env.TRUST_PROXY;
    }
    expect(await t.db.apiKey.count({ where: { userId: user.id } })).toBe(3);
  });

  it("compares with APP_URL when it is set", async () => {
    await signedInUser();
    process.env.APP_URL = "https://prompts.example";
    expect((await mutation("apiKey.create", { name: "x" }, { origin: `http://${HOST}` })).status).toBe(403);
    expect((await mutation("apiKey.create", { name: "x" }, { origin: "https://prompts.example" })).status).toBe(200);
  });

  it("leaves reads alone: a query from another site still answers", async () => {
    const user = await signedInUser();
    const res = await GET(new Request(`http://${HOST}/api/trpc/user.me`, { headers: { host: HOST, origin: "http://evil.example", cookie: "authjs.session-token=stand-in" } }));
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toContain(user.handle);
  });

  it("does not concern API-key requests, whatever their Origin", async () => {
    const user = await signedInUser();
    const { createApiKey } = await import("@/server/domain/api-keys/api-keys");
    const { key } = await createApiKey(t.db, { id: user.id, handle: user.handle, role: user.role }, { name: "ci" });
    session.current = null; // no cookie session: the key is the only credential
    const res = await mutation("apiKey.create", { name: "by key" }, { origin: "http://evil.example", authorization: `Bearer ${key}`, cookie: "" });
    expect(res.status).toBe(200);
    expect(await t.db.apiKey.count({ where: { userId: user.id, name: "by key" } })).toBe(1);
  });

  it("does not concern requests without a session (nothing ambient to abuse)", async () => {
    const res = await mutation("user.signUp", { email: "cross-site@example.com", password: "a long password", handle: "cross-site" }, { origin: "http://evil.example", cookie: "" });
    expect(res.status).toBe(200);
  });
});
