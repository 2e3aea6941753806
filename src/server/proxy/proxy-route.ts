// Parses /api/proxy/<provider>/v1/<path>?<query> into the provider, the endpoint path and the query,
// and keeps the path under /v1/: a path that could climb out of it once decoded (dot segments,
// in any percent-encoding, also double-encoded, or behind encoded slashes; backslashes) is refused,
// and the upstream URL is checked to stay under the configured base path before anything is sent.
import type { Provider } from "./exchange";

export const PROXY_PREFIX = "/api/proxy/";

/** refused: why the endpoint path is not forwarded (answered with a 400); absent for a path that may be. */
export type ProxyRoute = { provider: Provider; endpoint: string; search: string; refused?: string };

const PATTERN = /^\/api\/proxy\/(openai|anthropic)\/v1(?:\/([^?#]*))?(\?[^#]*)?$/;

export const REFUSED_PATH_MESSAGE =
  "Invalid proxy path: it must stay under /v1/ (no '.' or '..' segments in any encoding, no backslashes, no control characters).";

/** %2e (.), %2f (/), %5c (\) and %25 (%, for double encoding): the escapes that can form a way out. */
const SEPARATOR_ESCAPE = /%(2e|2f|5c|25)/gi;
const MAX_DECODING_ROUNDS = 8;

/** Why an endpoint path may not be forwarded, or null. */
export function refusedEndpoint(endpoint: string): string | null {
  if (/[\u0000-\u001f\u007f]/.test(endpoint)) return REFUSED_PATH_MESSAGE;
  let decoded = endpoint;
  for (let round = 0; ; round++) {
    const next = decoded.replace(SEPARATOR_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    if (next === decoded) break;
    if (round === MAX_DECODING_ROUNDS) return REFUSED_PATH_MESSAGE;
    decoded = next;
  }
  if (decoded.includes("\\")) return REFUSED_PATH_MESSAGE;
  // ";" starts path parameters that some servers drop before normalising ("..;/").
  const dotSegment = decoded.split("/").some((segment) => {
    const name = segment.split(";", 1)[0];
    return name === "." || name === "..";
  });
  return dotSegment ? REFUSED_PATH_MESSAGE : null;
}

export function parseProxyRoute(url: string | undefined): ProxyRoute | null {
  const match = PATTERN.exec(url ?? "");
  if (!match) return null;
  const route: ProxyRoute = { provider: match[1] as Provider, endpoint: match[2] ?? "", search: match[3] ?? "" };
  const refused = refusedEndpoint(route.endpoint);
  return refused ? { ...route, refused } : route;
}

/**
 * The upstream URL: the provider base URL (which includes its /v1) plus the endpoint and query.
 * Throws when the result would not stay under the base (refusedEndpoint keeps such paths out first).
 */
export function upstreamUrl(base: string, route: ProxyRoute): URL {
  const root = base.replace(/\/+$/, "");
  const rootUrl = new URL(root);
  const target = new URL(`${root}/${route.endpoint}${route.search}`);
  const under = `${rootUrl.pathname.replace(/\/+$/, "")}/`;
  if (route.refused || target.origin !== rootUrl.origin || !target.pathname.startsWith(under))
    throw new Error(`refusing to forward outside ${under}: ${JSON.stringify(route.endpoint)}`);
  return target;
}
