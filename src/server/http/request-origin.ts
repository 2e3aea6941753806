// Where a browser says a request came from, and whether that is this app. The session cookie goes
// with every request a browser makes to us, including those another site's page makes (a form post,
// a fetch): a state-changing request authenticated by the cookie must therefore come from one of our
// own pages. Browsers send Origin on every POST (and on any cross-origin request); Referer is the
// fallback for the few that do not. Used by the tRPC context (api/context.ts), enforced for every
// mutation by one middleware (api/trpc.ts). API-key (Bearer) requests carry no ambient authority
// and are not concerned.
import { env } from "@/env";
import { originFromHeaders } from "./site-origin";

/** The origin the request says it came from: its Origin header, else its Referer's origin; null when neither says ("null" included). */
export function claimedOrigin(headers: Headers): string | null {
  const origin = headers.get("origin")?.trim();
  if (origin && origin !== "null") return originOf(origin);
  if (origin === "null") return null;
  const referer = headers.get("referer")?.trim();
  return referer ? originOf(referer) : null;
}

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.origin : null;
  } catch {
    return null;
  }
}

/**
 * Whether the request comes from the app's own pages. With APP_URL set, its origin must be APP_URL's
 * exactly. Without it, the host (and port) must be the one the request was sent to: Host, or
 * X-Forwarded-Host only behind a trusted proxy (TRUST_PROXY > 0; otherwise any client could name
 * its own). The scheme is not compared, because a TLS-terminating proxy may not say it used TLS.
 * A request that names no origin at all is not from our pages (browsers always name one on a POST).
 */
export function isSameOriginRequest(headers: Headers): boolean {
  const claimed = claimedOrigin(headers);
  if (!claimed) return false;
  if (env.APP_URL) return claimed === originFromHeaders(headers);
  const forwardedHost = env.TRUST_PROXY > 0 ? headers.get("x-forwarded-host") : null;
  const host = (forwardedHost ?? headers.get("host"))?.split(",")[0]?.trim().toLowerCase();
  if (!host) return false;
  return new URL(claimed).host === originOf(`http://${host}`)?.slice("http://".length);
}

export function foreignOriginMessage(headers: Headers): string {
  const claimed = claimedOrigin(headers);
  return `Refused: this change was sent with your session cookie ${claimed ? `from another site (${claimed})` : "without saying which site it came from (no Origin or Referer header)"}. Make it from Promptuary's own pages, or authenticate with an API key (Authorization: Bearer).`;
}
