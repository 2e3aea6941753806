// Which headers cross the proxy. Requests: everything but hop-by-hop headers, Host (set from the
// upstream URL) and our own x-promptuary-* headers. Responses: everything but hop-by-hop headers.
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from "node:http";

const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

const PROMPTUARY_PREFIX = "x-promptuary-";

function connectionTokens(value: string | string[] | undefined): Set<string> {
  const text = Array.isArray(value) ? value.join(",") : (value ?? "");
  return new Set(
    text
      .split(",")
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean),
  );
}

export function upstreamRequestHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const extra = connectionTokens(headers.connection);
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || name === "host" || HOP_BY_HOP.has(name) || extra.has(name) || name.startsWith(PROMPTUARY_PREFIX)) continue;
    out[name] = value;
  }
  return out;
}

/** Our own headers minus the key: the capture metadata. */
export function promptuaryHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!name.startsWith(PROMPTUARY_PREFIX) || name === "x-promptuary-key" || value === undefined) continue;
    out[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

/** Provider credentials on the request, so the exchange's consumer can scrub them. Kept in memory only. */
export function providerSecrets(headers: IncomingHttpHeaders): string[] {
  const secrets: string[] = [];
  for (const name of ["authorization", "x-api-key", "api-key", "x-goog-api-key"]) {
    const value = headers[name];
    for (const v of Array.isArray(value) ? value : value ? [value] : []) {
      secrets.push(v);
      const token = /^\s*(?:bearer|basic)\s+(.+)$/i.exec(v)?.[1];
      if (token) secrets.push(token.trim());
    }
  }
  return secrets;
}

/** Upstream response headers as a flat [name, value, …] list (case and repeats kept). */
export function downstreamResponseHeaders(rawHeaders: string[]): string[] {
  let extra = new Set<string>();
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (rawHeaders[i].toLowerCase() === "connection") extra = new Set([...extra, ...connectionTokens(rawHeaders[i + 1])]);
  }
  const out: string[] = [];
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i].toLowerCase();
    if (HOP_BY_HOP.has(name) || extra.has(name)) continue;
    out.push(rawHeaders[i], rawHeaders[i + 1]);
  }
  return out;
}
