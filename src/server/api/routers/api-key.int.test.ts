import { describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
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

describe("apiKey scopes, expiry and rotation", () => {
  const HOUR = 3_600_000;

  it("creates a key with scopes and an expiry, lists them with the last use, and audits the creation", async () => {
    const { caller, user } = await makeUser(t.db);
    const expiresAt = new Date(Date.now() + 7 * 24 * HOUR);
    const created = await caller.apiKey.create({ name: "reader", scopes: ["read", "proxy", "read"], expiresAt });
    expect(created.scopes).toEqual(["read", "proxy"]);
    expect(created.expiresAt).toEqual(expiresAt);
    const [listed] = await caller.apiKey.list();
    expect(listed).toMatchObject({ name: "reader", scopes: ["read", "proxy"], expiresAt, lastUsedAt: null, rotatedToId: null });
    await authenticateApiKey(t.db, created.key);
    expect((await caller.apiKey.list())[0].lastUsedAt).toBeInstanceOf(Date);

    const entry = await t.db.auditEntry.findFirstOrThrow({ where: { actorId: user.id, action: "apiKey.create" } });
    expect(entry).toMatchObject({ targetType: "apiKey", targetId: created.id, outcome: "allowed" });
    expect(entry.toValue).toContain("read, proxy");
    expect(entry.toValue).not.toContain(created.key);
  });

  it("refuses bad scopes, a past expiry and a bad grace period with a 400 naming the field", async () => {
    const { caller } = await makeUser(t.db);
    await rejects(caller.apiKey.create({ name: "x", scopes: ["everything" as "read"] }), "BAD_REQUEST", /scopes/);
    await rejects(caller.apiKey.create({ name: "x", expiresAt: new Date(Date.now() - 1000) }), "BAD_REQUEST", /expiresAt/);
    await rejects(caller.apiKey.create({ name: "x", expiresAt: "next tuesday" as unknown as Date }), "BAD_REQUEST", /expiresAt/);
    const key = await caller.apiKey.create({ name: "x" });
    await rejects(caller.apiKey.rotate({ id: key.id, graceHours: 24 * 31 }), "BAD_REQUEST", /graceHours/);
    await rejects(caller.apiKey.rotate({ id: key.id, graceHours: -1 }), "BAD_REQUEST", /graceHours/);
  });

  it("an expired key no longer authenticates", async () => {
    const { caller } = await makeUser(t.db);
    const expiresAt = new Date(Date.now() + HOUR);
    const key = await caller.apiKey.create({ name: "short-lived", expiresAt });
    expect(await authenticateApiKey(t.db, key.key)).not.toBeNull();
    expect(await authenticateApiKey(t.db, key.key, new Date(expiresAt.getTime() + 1))).toBeNull();
  });

  it("rotates: a new key shown once with the same name and scopes; the old one works until the grace end; audited", async () => {
    const { caller, user } = await makeUser(t.db);
    const old = await caller.apiKey.create({ name: "deploy", scopes: ["proxy"] });
    const before = Date.now();
    const rotated = await caller.apiKey.rotate({ id: old.id, graceHours: 2 });
    expect(rotated.key).toMatch(/^pq_[A-Za-z0-9]{32}$/);
    expect(rotated.key).not.toBe(old.key);
    expect(rotated).toMatchObject({ name: "deploy", scopes: ["proxy"], replaced: { id: old.id, prefix: old.prefix } });
    const graceEnd = rotated.replaced.worksUntil.getTime();
    expect(graceEnd).toBeGreaterThanOrEqual(before + 2 * HOUR);
    expect(graceEnd).toBeLessThanOrEqual(Date.now() + 2 * HOUR);

    // Both work now; after the grace end only the new one.
    expect(await authenticateApiKey(t.db, old.key)).toMatchObject({ id: user.id });
    expect(await authenticateApiKey(t.db, rotated.key)).toMatchObject({ id: user.id });
    const after = new Date(graceEnd + 1);
    expect(await authenticateApiKey(t.db, old.key, after)).toBeNull();
    expect(await authenticateApiKey(t.db, rotated.key, after)).toMatchObject({ id: user.id });

    const listed = await caller.apiKey.list();
    expect(listed.find((k) => k.id === old.id)).toMatchObject({ rotatedToId: rotated.id, expiresAt: new Date(graceEnd) });
    expect(JSON.stringify(listed)).not.toContain(rotated.key);

    const entry = await t.db.auditEntry.findFirstOrThrow({ where: { actorId: user.id, action: "apiKey.rotate" } });
    expect(entry).toMatchObject({ targetId: old.id, fromValue: `${old.prefix}…`, toValue: `${rotated.prefix}…` });

    // One replacement per key; the replacement can be rotated in turn.
    await rejects(caller.apiKey.rotate({ id: old.id, graceHours: 1 }), "CONFLICT", /already rotated/);
    await caller.apiKey.rotate({ id: rotated.id, graceHours: 0 });
    expect(await authenticateApiKey(t.db, rotated.key)).toBeNull();
  });

  it("keeps an earlier expiry through a rotation, refuses revoked keys and other people's, and audits a revocation", async () => {
    const { caller, user } = await makeUser(t.db);
    const other = await makeUser(t.db);
    const soon = new Date(Date.now() + HOUR);
    const key = await caller.apiKey.create({ name: "soon", expiresAt: soon });
    const rotated = await caller.apiKey.rotate({ id: key.id, graceHours: 24 });
    expect(rotated.replaced.worksUntil).toEqual(soon);
    await rejects(other.caller.apiKey.rotate({ id: rotated.id }), "NOT_FOUND");

    const revoked = await caller.apiKey.create({ name: "gone" });
    await caller.apiKey.revoke({ id: revoked.id });
    await rejects(caller.apiKey.rotate({ id: revoked.id }), "CONFLICT", /revoked/);
    const entry = await t.db.auditEntry.findFirstOrThrow({ where: { actorId: user.id, action: "apiKey.revoke" } });
    expect(entry).toMatchObject({ targetId: revoked.id, fromValue: "active", toValue: "revoked" });
    // Revoking twice records once.
    await caller.apiKey.revoke({ id: revoked.id });
    expect(await t.db.auditEntry.count({ where: { actorId: user.id, action: "apiKey.revoke" } })).toBe(1);
  });
});

describe("apiKey with an API key: grants no more than the calling key has", () => {
  it("an admin-only key cannot mint an all-scopes or a write key; without scopes it passes on its own", async () => {
    const { user, actor, caller } = await makeUser(t.db);
    const adminKey = await caller.apiKey.create({ name: "admin only", scopes: ["admin"] });
    const viaKey = createCaller({ db: t.db, viewer: actor, apiKey: { id: adminKey.id, scopes: adminKey.scopes } });

    const inherited = await viaKey.apiKey.create({ name: "child" });
    expect(inherited.scopes).toEqual(["admin"]);
    await rejects(viaKey.apiKey.create({ name: "wider", scopes: ["admin", "write"] }), "FORBIDDEN", /scopes[\s\S]*cannot grant write/);
    expect(await viaKey.apiKey.create({ name: "same", scopes: ["admin"] })).toMatchObject({ scopes: ["admin"] });

    // Rotating a key wider than the caller is refused; one within it is allowed.
    const allScopes = await caller.apiKey.create({ name: "everything" });
    await rejects(viaKey.apiKey.rotate({ id: allScopes.id }), "FORBIDDEN", /scopes/);
    expect((await viaKey.apiKey.rotate({ id: inherited.id })).scopes).toEqual(["admin"]);

    // A key with every scope (none listed) and a signed-in session grant anything.
    const fullKey = createCaller({ db: t.db, viewer: actor, apiKey: { id: allScopes.id, scopes: [] } });
    expect((await fullKey.apiKey.create({ name: "any" })).scopes).toEqual([]);
    expect((await caller.apiKey.create({ name: "session", scopes: ["write"] })).scopes).toEqual(["write"]);
    const keys = await t.db.apiKey.findMany({ where: { userId: user.id, scopes: { isEmpty: true } }, select: { name: true } });
    expect(keys.map((k) => k.name).sort()).toEqual(["any", "everything"]);
  });
});
