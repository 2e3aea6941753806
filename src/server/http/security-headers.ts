// The security headers every response carries, in one place: server.ts sets the plain ones on every
// response it sends (pages, API, static files and the capture proxy), and src/proxy.ts (Next's
// request proxy) adds the Content-Security-Policy, with a fresh nonce per page request. Pure: no
// Next, no database, so both can import it.

/** Headers for every response, whatever it carries. */
export const BASE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "strict-origin-when-cross-origin",
};

/** Sent only over TLS (browsers ignore it over plain HTTP, and it must not pin a plain-HTTP install). */
export const HSTS_VALUE = "max-age=31536000; includeSubDomains";

/**
 * Whether the browser reached us over TLS: a TLS socket, or a TLS-terminating proxy in front that
 * says so in X-Forwarded-Proto (its first value, as a chain of proxies appends).
 */
export function servedOverTls(forwardedProto: string | null | undefined, encryptedSocket = false): boolean {
  if (encryptedSocket) return true;
  return forwardedProto?.split(",")[0]?.trim().toLowerCase() === "https";
}

/** The plain security headers for one response. */
export function securityHeaders(tls: boolean): [string, string][] {
  const headers = Object.entries(BASE_SECURITY_HEADERS);
  return tls ? [...headers, ["Strict-Transport-Security", HSTS_VALUE]] : headers;
}

/** A nonce for one response: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

const join = (directives: Record<string, string[]>) =>
  Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(" "))
    .join("; ");

/**
 * The policy of an HTML page. Scripts run only with this response's nonce (Next puts it on every
 * script it renders when it finds it in the request's Content-Security-Policy header) and what those
 * scripts load ('strict-dynamic'); no eval outside development. Style elements need the nonce too;
 * style *attributes* are allowed (React renders widths and offsets inline: bars, stars, avatars).
 * Images may come from anywhere over http(s): avatars are URLs people choose. Everything else is
 * this origin only, and no one may frame a page.
 */
export function pageContentSecurityPolicy(nonce: string, opts: { dev: boolean; tls: boolean }): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(opts.dev ? ["'unsafe-eval'"] : [])],
    // In development Next's overlay and hot reloading inject style elements without the nonce.
    "style-src": ["'self'", ...(opts.dev ? ["'unsafe-inline'"] : [`'nonce-${nonce}'`])],
    ...(opts.dev ? {} : { "style-src-elem": ["'self'", `'nonce-${nonce}'`], "style-src-attr": ["'unsafe-inline'"] }),
    "img-src": ["'self'", "data:", "blob:", "https:", "http:"],
    "font-src": ["'self'", "data:"],
    // Hot reloading talks over a WebSocket in development.
    "connect-src": ["'self'", ...(opts.dev ? ["ws:", "wss:"] : [])],
    "worker-src": ["'self'", "blob:"],
    "manifest-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    ...(opts.tls ? { "upgrade-insecure-requests": [] } : {}),
  };
  return join(directives);
}

/**
 * The policy of everything that is not a page (JSON from /api, Auth.js's own small pages): nothing
 * may run or load, except inline styles and a form posting back here (Auth.js's sign-out page).
 */
export const API_CONTENT_SECURITY_POLICY = join({
  "default-src": ["'none'"],
  "style-src": ["'unsafe-inline'"],
  "img-src": ["'self'", "data:"],
  "form-action": ["'self'"],
  "base-uri": ["'none'"],
  "frame-ancestors": ["'none'"],
});
