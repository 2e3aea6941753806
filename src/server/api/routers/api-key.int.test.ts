import { describe, expect, it } from "vitest";
import { authenticateApiKey } from "@/server/domain/api-keys/api-keys";
import { anonymous, makeUser } from "@/test/callers";
import { rejects } from "@/test/expect-trpc-error";
import { setUpTestDatabase } from "@/test/set-up-test-database";

const t = setUpTestDatabase();

describe("apiKey", () => {
  it("creates a key shown once, stores only its hash, authenticates, lists and revokes", async () => {
    const { caller, user } = await makeUser(t.db);
    const created = await caller.apiKey.create({ name: "CI" });
    expect(created.key).toMatch(/^pq_[A-Za-z0-9]{32}$/);
    expect(created.prefix).toBe(created.key.slice(0, 11));

    // The key itself is nowhere in the database.
    const rows = await t.db.$queryRaw<{ hash: string; prefix: string }[]>`SELECT hash, prefix FROM "ApiKey" WHERE "userId" = ${user.id}`;
    expect(rows).toHaveLength(1);
    expect(rows[0].hash).not.toContain(created.key);
    expect(JSON.stringify(await caller.apiKey.list())).not.toContain(created.key);

    expect(await authenticateApiKey(t.db, created.key)).toMatchObject({ id: user.id, handle: user.handle });
    const listed = await caller.apiKey.list();
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ name: "CI", revokedAt: null });
    expect(listed[0].lastUsedAt).toBeInstanceOf(Date);
    expect(listed[0]).not.toHaveProperty("hash");

    await caller.apiKey.revoke({ id: created.id });
    expect(await authenticateApiKey(t.db, created.key)).toBeNull();
    expect((await caller.apiKey.list())[0].revokedAt).toBeInstanceOf(Date);
  });

  it("rejects unknown and malformed keys", async () => {
    expect(await authenticateApiKey(t.db, "pq_" + "a".repeat(32))).toBeNull();
    expect(await authenticateApiKey(t.db, "not a key")).toBeNull();
  });

  it("keeps keys private to their owner", async () => {
    const owner = await makeUser(t.db);
    const other = await makeUser(t.db);
    const key = await owner.caller.apiKey.create({ name: "mine" });
    expect(await other.caller.apiKey.list()).toEqual([]);
    await rejects(other.caller.apiKey.revoke({ id: key.id }), "NOT_FOUND");
    expect(await authenticateApiKey(t.db, key.key)).not.toBeNull();
    await rejects(anonymous(t.db).apiKey.list(), "UNAUTHORIZED");
    await rejects(anonymous(t.db).apiKey.create({ name: "x" }), "UNAUTHORIZED");
    await rejects(anonymous(t.db).apiKey.revoke({ id: key.id }), "UNAUTHORIZED");
    await rejects(owner.caller.apiKey.create({ name: "x".repeat(61) }), "BAD_REQUEST", /name/);
  });
});
