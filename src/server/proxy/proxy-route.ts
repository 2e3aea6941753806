// Parses /api/proxy/<provider>/v1/<path>?<query> into the provider, the endpoint path and the query.
import type { Provider } from "./exchange";

export const PROXY_PREFIX = "/api/proxy/";

export type ProxyRoute = { provider: Provider; endpoint: string; search: string };

const PATTERN = /^\/api\/proxy\/(openai|anthropic)\/v1(?:\/([^?#]*))?(\?[^#]*)?$/;

export function parseProxyRoute(url: string | undefined): ProxyRoute | null {
  const match = PATTERN.exec(url ?? "");
  if (!match) return null;
  return { provider: match[1] as Provider, endpoint: match[2] ?? "", search: match[3] ?? "" };
}

/** The upstream URL: the provider base URL (which includes its /v1) plus the endpoint and query. */
export function upstreamUrl(base: string, route: ProxyRoute): URL {
  return new URL(`${base.replace(/\/+$/, "")}/${route.endpoint}${route.search}`);
}
