// The address of the client a request came from, for per-IP limits (sign-in throttling). server.ts
// computes it from the socket (or, behind TRUST_PROXY reverse proxies, from the X-Forwarded-For
// entry the outermost trusted proxy appended) and passes it on in CLIENT_IP_HEADER, overwriting
// whatever a client sent under that name. Client-chosen X-Forwarded-For entries are never trusted.

export const CLIENT_IP_HEADER = "x-promptuary-client-ip";

/** "::ffff:10.0.0.1" → "10.0.0.1"; trims and lowercases. */
function normalizeIp(ip: string): string {
  const trimmed = ip.trim().toLowerCase();
  return trimmed.startsWith("::ffff:") && trimmed.includes(".") ? trimmed.slice(7) : trimmed;
}

export function clientIpOf(remoteAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedProxies: number): string {
  if (trustedProxies > 0 && forwardedFor) {
    const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor)
      .split(",")
      .map((h) => h.trim())
      .filter(Boolean);
    // Each trusted proxy appends the address it saw; the outermost one's entry is the client.
    const entry = hops[Math.max(0, hops.length - trustedProxies)];
    if (entry) return normalizeIp(entry);
  }
  return remoteAddress ? normalizeIp(remoteAddress) : "unknown";
}

/** The client address server.ts passed on, or "unknown" (a request that did not come through it). */
export function clientIpFromHeaders(headers: Headers): string {
  return headers.get(CLIENT_IP_HEADER)?.trim() || "unknown";
}
