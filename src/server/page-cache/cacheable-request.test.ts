import type { IncomingMessage } from "node:http";
import { describe, expect, test } from "vitest";
import { cacheDecision, isWrite, writeMayHaveChanged } from "./cacheable-request";

const request = (url: string, headers: Record<string, string> = {}, method = "GET") => ({ method, url, headers: { host: "localhost:3000", ...headers } }) as unknown as IncomingMessage;
const keyOf = (req: IncomingMessage) => {
  const decision = cacheDecision(req);
  return decision.cacheable ? decision.key : null;
};

describe("which requests the anonymous page cache may answer", () => {
  test("the public pages and prompt.search, anonymously", () => {
    for (const url of ["/", "/explore", "/explore?q=review&sort=top", "/p/pr-code-review", "/p/pr-code-review?v=2", "/u/amara-nwosu", "/api/trpc/prompt.search?input=%7B%7D", "/api/trpc/prompt.search,prompt.search?batch=1"])
      expect(keyOf(request(url)), url).not.toBeNull();
  });

  test("not other pages, other procedures, nor anything but GET", () => {
    for (const url of ["/library", "/p/pr-code-review/versions/new", "/captures", "/api/trpc/prompt.bySlug?input=%7B%7D", "/api/trpc/prompt.search,user.me?batch=1", "/api/auth/session", "/notifications"])
      expect(keyOf(request(url)), url).toBeNull();
    expect(keyOf(request("/", {}, "HEAD"))).toBeNull();
    expect(keyOf(request("/", {}, "POST"))).toBeNull();
  });

  test("any session cookie, valid or not, an API key, or Next's client navigation bypasses it", () => {
    for (const cookie of ["authjs.session-token=x", "theme=dark; __Secure-authjs.session-token=garbage", "authjs.session-token.0=a; authjs.session-token.1=b", "next-auth.session-token=x", "authjs.session-token =x", "authjs.session-token\t=x", "authjs.session-token.0 =a"])
      expect(cacheDecision(request("/", { cookie }))).toEqual({ cacheable: false, reason: "personal" });
    for (const header of ["authorization", "x-api-key", "rsc", "next-router-prefetch", "next-router-state-tree", "next-action", "if-none-match"])
      expect(cacheDecision(request("/explore", { [header]: "1" })), header).toEqual({ cacheable: false, reason: "personal" });
    expect(cacheDecision(request("/explore?_rsc=abc"))).toEqual({ cacheable: false, reason: "personal" });
    // Other cookies (the CSRF cookie of a visitor who opened the sign-in page) do not.
    expect(keyOf(request("/", { cookie: "authjs.csrf-token=abc" }))).not.toBeNull();
  });

  test("the key holds the URL, host, scheme and theme, not the other cookies", () => {
    const base = keyOf(request("/explore?q=a"));
    expect(keyOf(request("/explore?q=b"))).not.toBe(base);
    expect(keyOf(request("/explore?q=a", { host: "127.0.0.1:3000" }))).not.toBe(base);
    expect(keyOf(request("/explore?q=a", { "x-forwarded-proto": "https" }))).not.toBe(base);
    expect(keyOf(request("/explore?q=a", { cookie: "theme=dark" }))).not.toBe(base);
    expect(keyOf(request("/explore?q=a", { cookie: "theme=light" }))).not.toBe(keyOf(request("/explore?q=a", { cookie: "theme=dark" })));
    // An unknown theme renders as "system", the default.
    expect(keyOf(request("/explore?q=a", { cookie: "theme=purple" }))).toBe(base);
    expect(keyOf(request("/explore?q=a", { cookie: "authjs.csrf-token=abc", "accept-encoding": "gzip" }))).toBe(base);
  });

  test("writes are every method but GET, HEAD and OPTIONS", () => {
    expect(["POST", "PUT", "PATCH", "DELETE"].every((m) => isWrite(request("/api/trpc/prompt.update", {}, m)))).toBe(true);
    expect(["GET", "HEAD", "OPTIONS"].some((m) => isWrite(request("/", {}, m)))).toBe(false);
    // Signing in or out changes no public page.
    expect(isWrite(request("/api/auth/callback/credentials", {}, "POST"))).toBe(false);
    expect(isWrite(request("/api/auth/signout", {}, "POST"))).toBe(false);
    expect(isWrite(request("/api/stripe/webhook", {}, "POST"))).toBe(true);
    // Recording a copy changes no page; a batch with anything else in it is a write.
    expect(isWrite(request("/api/trpc/analytics.copy?batch=1", {}, "POST"))).toBe(false);
    expect(isWrite(request("/api/trpc/analytics.copy,prompt.update?batch=1", {}, "POST"))).toBe(true);
    expect([200, 201, 204, 207, 302].every(writeMayHaveChanged)).toBe(true);
    expect([400, 401, 403, 404, 413, 429, 500, 503].some(writeMayHaveChanged)).toBe(false);
  });
});
