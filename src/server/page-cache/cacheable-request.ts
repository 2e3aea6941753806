// Which requests the anonymous page cache may answer, and the key of the bytes they would get.
// Only what an anonymous visitor sees: GET of the public pages (home, Explore, a prompt's page, an
// author's page) and of prompt.search, with no session cookie (valid or not), no API key, no
// conditional or range request, and none of Next's client-navigation (RSC, prefetch, router
// state, server action) headers, whose answers differ from the document's.
import type { IncomingMessage } from "node:http";
import { THEME_COOKIE, parseTheme } from "@/components/ui/theme-preference";

const PAGE_PATHS = [/^\/$/, /^\/explore$/, /^\/p\/[^/]+$/, /^\/u\/[^/]+$/];
/** tRPC queries whose anonymous answer is public; a batch is cacheable only if all of it is. */
const PUBLIC_QUERIES = new Set(["prompt.search"]);
const TRPC_PREFIX = "/api/trpc/";

const BYPASS_HEADERS = [
  "authorization",
  "x-api-key",
  "x-promptuary-key",
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-action",
  "next-url",
  "if-none-match",
  "if-modified-since",
  "range",
];

/**
 * Any Auth.js session cookie (authjs.session-token, __Secure-…, chunked .0/.1, next-auth's), however
 * it is spelled: cookie parsers differ (whitespace before "=" still signs in), so any mention of the
 * name bypasses the cache rather than risk storing a signed-in render.
 */
const SESSION_COOKIE = /session-token/i;

export type CacheDecision = { cacheable: true; key: string } | { cacheable: false; reason: "not-a-public-page" | "personal" };

function cookieValue(header: string, name: string): string | undefined {
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function isPublicTarget(pathname: string): boolean {
  if (PAGE_PATHS.some((re) => re.test(pathname))) return true;
  if (!pathname.startsWith(TRPC_PREFIX)) return false;
  const procedures = decodeURIComponent(pathname.slice(TRPC_PREFIX.length)).split(",");
  return procedures.every((p) => PUBLIC_QUERIES.has(p));
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

/**
 * Whether the cache may answer this request, and under which key. The key holds everything the
 * response's bytes depend on for an anonymous visitor: the full URL as the browser used it (host,
 * forwarded host and scheme: pages name their own origin, and TLS changes the security headers),
 * the theme (rendered on <html>), and tRPC's response format. Compression is not in the key: one
 * entry serves both (nonce-body.ts).
 */
export function cacheDecision(req: IncomingMessage): CacheDecision {
  if (req.method !== "GET" || !req.url) return { cacheable: false, reason: "not-a-public-page" };
  const q = req.url.indexOf("?");
  const pathname = q === -1 ? req.url : req.url.slice(0, q);
  if (!isPublicTarget(pathname)) return { cacheable: false, reason: "not-a-public-page" };
  // Next's own cache-busting parameter marks a client navigation.
  if (q !== -1 && /(?:^|&)_rsc=/.test(req.url.slice(q + 1))) return { cacheable: false, reason: "personal" };
  const h = req.headers;
  if (BYPASS_HEADERS.some((name) => h[name] !== undefined)) return { cacheable: false, reason: "personal" };
  const cookie = first(h.cookie);
  if (SESSION_COOKIE.test(cookie)) return { cacheable: false, reason: "personal" };
  const key = [
    first(h["x-forwarded-proto"]),
    first(h["x-forwarded-host"]),
    first(h.host),
    req.url,
    parseTheme(cookieValue(cookie, THEME_COOKIE)),
    first(h["trpc-accept"]),
  ].join("\n");
  return { cacheable: true, key };
}

/**
 * Auth.js's own routes (sign-in, sign-out, CSRF, session): they change who someone is, never what a
 * public page shows (a new account is created by user.signUp, a tRPC mutation).
 */
const AUTH_PREFIX = "/api/auth/";

/** tRPC mutations that only record usage (a copy of a prompt's text): no public page shows their effect at once. */
const RECORD_ONLY_MUTATIONS = new Set(["analytics.copy"]);

/** Requests that may change what pages show: every method but GET, HEAD and OPTIONS, except Auth.js's routes and usage records. */
export function isWrite(req: IncomingMessage): boolean {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return false;
  const url = req.url ?? "";
  if (url.startsWith(AUTH_PREFIX)) return false;
  if (url.startsWith(TRPC_PREFIX)) {
    const q = url.indexOf("?");
    const procedures = decodeURIComponent(url.slice(TRPC_PREFIX.length, q === -1 ? undefined : q)).split(",");
    if (procedures.every((p) => RECORD_ONLY_MUTATIONS.has(p))) return false;
  }
  return true;
}

/** The request is someone's: a session cookie (however spelled) or an API key. */
export function carriesCredentials(req: IncomingMessage): boolean {
  const h = req.headers;
  return SESSION_COOKIE.test(first(h.cookie)) || h.authorization !== undefined || h["x-api-key"] !== undefined || h["x-promptuary-key"] !== undefined;
}

/** Whether a write's response says it may have changed something: a refused or failed one (4xx, 5xx) did not. */
export function writeMayHaveChanged(status: number): boolean {
  return status < 400;
}
