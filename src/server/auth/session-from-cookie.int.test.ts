import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { makeUser } from "@/test/callers";
import { setUpTestDatabase } from "@/test/set-up-test-database";
import { credentialStampOf } from "@/server/domain/users/credential-stamp";
import { ASK_AUTH_JS, sessionFromCookie } from "./session-from-cookie";

const t = setUpTestDatabase();
const SECRET = "a-test-secret-of-enough-length-0123456789";
const PLAIN = "authjs.session-token";
const SECURE = "__Secure-authjs.session-token";
const http = { "x-forwarded-proto": "http" };

/** A session cookie as Auth.js writes it at sign-in (its jwt callback puts uid and cs in the token). */
async function sessionCookie(userId: string, opts: { name?: string; secret?: string; maxAge?: number } = {}) {
  const name = opts.name ?? PLAIN;
  const token = await encode({ token: { sub: userId, uid: userId, cs: await credentialStampOf(t.db, userId) }, secret: opts.secret ?? SECRET, salt: name, maxAge: opts.maxAge });
  return `${name}=${token}`;
}

const read = (headers: Record<string, string>, environment: Record<string, string | undefined> = {}) => sessionFromCookie(t.db, new Headers(headers), SECRET, environment);

describe("the session read from Auth.js's cookie", () => {
  it("answers the user row as it is now, on every request", async () => {
    const { user } = await makeUser(t.db);
    const cookie = await sessionCookie(user.id);
    const first = await read({ cookie, ...http });
    expect(first).not.toBe(ASK_AUTH_JS);
    expect(first && first !== ASK_AUTH_JS ? first.user : null).toMatchObject({ id: user.id, handle: user.handle, role: "user" });

    // A role change and a new handle show on the next request with the same cookie.
    await t.db.user.update({ where: { id: user.id }, data: { role: "admin", handle: `${user.handle}-renamed` } });
    const second = await read({ cookie, ...http });
    expect(second && second !== ASK_AUTH_JS ? second.user : null).toMatchObject({ role: "admin", handle: `${user.handle}-renamed` });

    // A deleted account's cookie is no session, though the token itself is still valid.
    await t.db.user.update({ where: { id: user.id }, data: { deletedAt: new Date() } });
    expect(await read({ cookie, ...http })).toBeNull();
  });

  it("ends the sessions signed in before a password change", async () => {
    const { user } = await makeUser(t.db);
    const cookie = await sessionCookie(user.id);
    expect(await read({ cookie, ...http })).not.toBeNull();
    await t.db.user.update({ where: { id: user.id }, data: { passwordHash: "scrypt$another$hash" } });
    expect(await read({ cookie, ...http })).toBeNull();
  });

  it("is signed out without a cookie, and never takes an API key in Authorization for a token", async () => {
    expect(await read({ ...http })).toBeNull();
    const { user } = await makeUser(t.db);
    const token = (await sessionCookie(user.id)).split("=")[1];
    expect(await read({ authorization: `Bearer ${token}`, ...http })).toBeNull();
    expect(await read({ cookie: "theme=dark", ...http })).toBeNull();
  });

  it("leaves to Auth.js the tokens it cannot read: forged, another secret, expired", async () => {
    const { user } = await makeUser(t.db);
    expect(await read({ cookie: `${PLAIN}=not-a-token`, ...http })).toBe(ASK_AUTH_JS);
    expect(await read({ cookie: await sessionCookie(user.id, { secret: "another-secret-of-enough-length-987654" }), ...http })).toBe(ASK_AUTH_JS);
    expect(await read({ cookie: await sessionCookie(user.id, { maxAge: -60 }), ...http })).toBe(ASK_AUTH_JS);
  });

  it("reads the cookie Auth.js would read: __Secure- on https (by AUTH_URL or the forwarded protocol), the plain one on http", async () => {
    const { user } = await makeUser(t.db);
    const plain = await sessionCookie(user.id);
    const secure = await sessionCookie(user.id, { name: SECURE });
    expect(await read({ cookie: secure, ...http })).toBeNull();
    expect(await read({ cookie: plain, "x-forwarded-proto": "https" })).toBeNull();
    expect(await read({ cookie: secure, "x-forwarded-proto": "https" })).toMatchObject({ user: { id: user.id } });
    // No forwarded protocol: https, as next-auth assumes.
    expect(await read({ cookie: secure })).toMatchObject({ user: { id: user.id } });
    expect(await read({ cookie: plain, ...http }, { AUTH_URL: "https://prompts.example" })).toBeNull();
    expect(await read({ cookie: secure, ...http }, { AUTH_URL: "https://prompts.example" })).toMatchObject({ user: { id: user.id } });
    // A cookie signed for one name does not pass under the other (the name is the key's salt).
    const renamed = `${SECURE}=${plain.split("=")[1]}`;
    expect(await read({ cookie: renamed, "x-forwarded-proto": "https" })).toBe(ASK_AUTH_JS);
  });

  it("asks Auth.js when no secret is configured", async () => {
    const { user } = await makeUser(t.db);
    expect(await sessionFromCookie(t.db, new Headers({ cookie: await sessionCookie(user.id), ...http }), undefined)).toBe(ASK_AUTH_JS);
  });
});
