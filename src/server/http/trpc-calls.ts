// Where tRPC is served and how many procedure calls a request makes: shared by the route's rate
// limit and the page cache's (boot code, which must not load the router before Next starts).

export const TRPC_ENDPOINT = "/api/trpc";

/** The procedures a request names: /api/trpc/a.b,c.d names two. */
export function proceduresInRequest(url: string, endpoint = TRPC_ENDPOINT): string[] {
  const path = new URL(url, "http://local").pathname;
  const at = path.indexOf(endpoint);
  const procedures = at < 0 ? "" : decodeURIComponent(path.slice(at + endpoint.length).replace(/^\//, ""));
  return procedures.split(",").filter(Boolean);
}

/** How many procedure calls a request makes (at least one). */
export const callsInRequest = (url: string, endpoint = TRPC_ENDPOINT) => Math.max(1, proceduresInRequest(url, endpoint).length);
