import { describe, expect, it } from "vitest";
import { verifyCredentials } from "@/server/domain/users/verify-credentials";
import { anonymous, makeUser } from "@/test/callers";
import { rejects } from "@/test/expect-trpc-error";
import { setUpTestDatabase } from "@/test/set-up-test-database";

const t = setUpTestDatabase();

describe("user", () => {
  it("signs up with a hashed password that verifies", async () => {
    const created = await anonymous(t.db).user.signUp({ email: "Ada@Example.com", password: "analytical engine", handle: "Ada-L", name: "Ada" });
    expect(created).toMatchObject({ email: "ada@example.com", handle: "ada-l", role: "user" });
    expect(created).not.toHaveProperty("passwordHash");
    const row = await t.db.user.findUniqueOrThrow({ where: { id: created.id }, omit: { passwordHash: false } });
    expect(row.passwordHash).toMatch(/^scrypt\$/);
    expect(row.passwordHash).not.toContain("analytical engine");
    expect(await verifyCredentials(t.db, "ADA@example.com", "analytical engine")).toMatchObject({ id: created.id });
    expect(await verifyCredentials(t.db, "ada@example.com", "wrong password")).toBeNull();
    expect(await verifyCredentials(t.db, "nobody@example.com", "analytical engine")).toBeNull();
  });

  it("refuses taken emails and handles, and bad input, naming the field", async () => {
    await anonymous(t.db).user.signUp({ email: "grace@example.com", password: "compiler1952", handle: "grace" });
    await rejects(anonymous(t.db).user.signUp({ email: "grace@example.com", password: "compiler1952", handle: "grace2" }), "CONFLICT", /email/);
    await rejects(anonymous(t.db).user.signUp({ email: "grace2@example.com", password: "compiler1952", handle: "Grace" }), "CONFLICT", /handle/i);
    const bad = await rejects(anonymous(t.db).user.signUp({ email: "not-an-email", password: "short", handle: "x!" }), "BAD_REQUEST");
    expect(bad.message).toMatch(/email/);
    expect(bad.message).toMatch(/password/);
    expect(bad.message).toMatch(/handle/);
    expect(await t.db.user.count({ where: { email: "not-an-email" } })).toBe(0);
  });

  it("shows public profiles by handle and the caller's own account via me", async () => {
    const { caller, user } = await makeUser(t.db);
    const profile = await anonymous(t.db).user.byHandle({ handle: user.handle.toUpperCase() });
    expect(profile).toMatchObject({ handle: user.handle, promptCount: 0 });
    expect(profile).not.toHaveProperty("email");
    expect(await caller.user.me()).toMatchObject({ id: user.id, email: user.email, role: "user" });
    await rejects(anonymous(t.db).user.me(), "UNAUTHORIZED");
    await rejects(anonymous(t.db).user.byHandle({ handle: "no-such-user" }), "NOT_FOUND");
  });

  it("updates the caller's own profile only", async () => {
    const { caller, user } = await makeUser(t.db);
    const updated = await caller.user.updateProfile({ name: "New Name", bio: "Prompt gardener", image: "https://example.com/a.png" });
    expect(updated).toMatchObject({ id: user.id, name: "New Name", bio: "Prompt gardener", image: "https://example.com/a.png" });
    await rejects(caller.user.updateProfile({ image: "javascript:alert(1)" }), "BAD_REQUEST", /image/);
    await rejects(anonymous(t.db).user.updateProfile({ name: "x" }), "UNAUTHORIZED");
  });
});
