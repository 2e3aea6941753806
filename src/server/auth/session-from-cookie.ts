// The signed-in session of a request, read from Auth.js's own session cookie without Auth.js's
// round trip. `auth()` runs Auth.js's whole session action on every call: it builds a Request,
// derives a key and decrypts the token, then derives another and encrypts a renewed token that is
// thrown away (next-auth sets the renewed cookie only when its session endpoint is called, never
// from `auth()`), and sends the answer through JSON and back. That was a few milliseconds of CPU on
// every signed-in page. Here a token is decrypted with Auth.js's own `decode` once and kept until it
// expires; the user row is still read on every request (`sessionUserFromToken`), so a role change,
// a password change or a deleted account takes effect at once, as before.
import "server-only";
import { decode, getToken, type JWT } from "next-auth/jwt";
import type { Db } from "@/server/db/prisma";
import { sessionUserFromToken, type SessionUser } from "./session-user-from-token";

/** What Auth.js's `auth()` answers: null, or the user and when the session would expire. */
export type FastSession = { user: SessionUser; expires: string } | null;

/** The session cookie is not one this reader decides (no secret, a token that does not decode): ask Auth.js. */
export const ASK_AUTH_JS = Symbol("ask Auth.js");

const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60; // Auth.js's default, which the config keeps
const MAX_TOKENS = 20_000;

/** Decrypted tokens by their cookie value. Map order is insertion order: the oldest go first. */
const decoded = new Map<string, JWT>();

/**
 * Auth.js's choice of cookie: `__Secure-` when the site's URL is https, which it takes from AUTH_URL
 * or else the request's forwarded protocol (https when none is given), exactly as next-auth does.
 */
function secureCookies(headers: Headers, environment: Record<string, string | undefined>): boolean {
  const configured = environment.AUTH_URL ?? environment.NEXTAUTH_URL;
  if (configured) return new URL(configured).protocol === "https:";
  const protocol = headers.get("x-forwarded-proto") ?? "https";
  return protocol.replace(/:$/, "") === "https";
}

async function decodedToken(raw: string, secret: string, salt: string, now: number): Promise<JWT | null> {
  const known = decoded.get(raw);
  if (known) return typeof known.exp === "number" && known.exp * 1000 > now ? known : null;
  const token = await decode({ token: raw, secret, salt }).catch(() => null);
  if (!token || typeof token.exp !== "number" || token.exp * 1000 <= now) return null;
  if (decoded.size >= MAX_TOKENS) decoded.delete(decoded.keys().next().value as string);
  decoded.set(raw, token);
  return token;
}

export async function sessionFromCookie(
  db: Db,
  headers: Headers,
  secret: string | undefined,
  environment: Record<string, string | undefined> = process.env,
  now = Date.now(),
): Promise<FastSession | typeof ASK_AUTH_JS> {
  if (!secret) return ASK_AUTH_JS;
  const cookie = headers.get("cookie");
  if (!cookie) return null;
  const secureCookie = secureCookies(headers, environment);
  const cookieName = `${secureCookie ? "__Secure-" : ""}authjs.session-token`;
  // Only the cookie header: getToken would otherwise take an Authorization bearer (an API key) for a token.
  const raw = await getToken({ req: { headers: new Headers({ cookie }) }, secret, secureCookie, cookieName, raw: true });
  if (!raw) return null;
  const token = await decodedToken(raw, secret, cookieName, now);
  // Expired, forged or written with another secret: Auth.js answers it (and logs it) as before.
  if (!token) return ASK_AUTH_JS;
  const user = await sessionUserFromToken(db, token);
  if (!user) return null;
  return { user, expires: new Date(now + SESSION_MAX_AGE_SECONDS * 1000).toISOString() };
}

/** For tests: forget every decoded token. */
export function forgetDecodedTokens() {
  decoded.clear();
}
