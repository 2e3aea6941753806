// GET /api/export through the real route handler, with Auth.js's session lookup replaced by a fixed
// signed-in user (as same-origin-mutations.int.test.ts): the viewer's own prompts only, the
// session only (no API key, nobody signed out), as an attachment the import reads back.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { replaceSingleton } from "@/server/process-singleton";
import { createApiKey } from "@/server/domain/api-keys/api-keys";
import { exportPromptsJsonl } from "@/server/domain/portability/export-prompts";
import { makeUser } from "@/test/callers";
import { setUpTestDatabase } from "@/test/set-up-test-database";

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; handle: string; role: "user" | "admin" } } }));
vi.mock("@/server/auth/config", () => ({ auth: async () => session.current }));

const { GET } = await import("./route");

const t = setUpTestDatabase();
beforeAll(() => replaceSingleton("db", t.db));
afterAll(() => replaceSingleton("db", undefined));
afterEach(() => {
  session.current = null;
});

const request = (headers: Record<string, string> = {}) => GET(new Request("http://localhost:3000/api/export", { headers: { host: "localhost:3000", ...headers } }));

describe("GET /api/export", () => {
  it("streams the signed-in user's own prompts as a JSONL attachment, the same bytes as the CLI's export", async () => {
    const me = await makeUser(t.db);
    const other = await makeUser(t.db);
    await me.caller.prompt.create({ title: "Mine, public", category: "writing", body: "Hi {{name}}" });
    await me.caller.prompt.create({ title: "Mine, private", category: "coding", visibility: "private", body: "Secret {{x}}" });
    await other.caller.prompt.create({ title: "Someone else's", category: "writing", body: "Not yours {{y}}" });
    session.current = { user: { id: me.actor.id, handle: me.actor.handle, role: me.actor.role } };
    const res = await request({ cookie: "authjs.session-token=stand-in" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="promptuary-${me.actor.handle}-prompts-\\d{4}-\\d{2}-\\d{2}\\.jsonl"$`));
    expect(res.headers.get("cache-control")).toBe("no-store");
    const text = await res.text();
    expect(text.trimEnd().split("\n").map((l) => (JSON.parse(l) as { title: string }).title)).toEqual(["Mine, public", "Mine, private"]);
    expect(text).toBe(await exportPromptsJsonl(t.db, me.actor));
  });

  it("answers 401 to a signed-out visitor and to an API key", async () => {
    const signedOut = await request();
    expect(signedOut.status).toBe(401);
    expect(await signedOut.json()).toEqual({ error: "Sign in to download your prompts." });
    const { actor } = await makeUser(t.db);
    const key = await createApiKey(t.db, actor, { name: "script" });
    const withKey = await request({ authorization: `Bearer ${key.key}` });
    expect(withKey.status).toBe(401);
    expect(((await withKey.json()) as { error: string }).error).toMatch(/npm run cli -- export/);
    const badKey = await request({ authorization: "Bearer pq_nope" });
    expect(badKey.status).toBe(401);
  });
});
