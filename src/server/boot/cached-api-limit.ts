// The tRPC API's per-address limit for the anonymous calls the page cache answers: a hit never
// reaches the route handler (which limits the calls it runs), so it is counted here, the same way,
// and refused the same way (429, tRPC's error body, RateLimit-* and Retry-After). Pages are not
// rate-limited; only /api/trpc is.
import type { IncomingMessage, ServerResponse } from "node:http";
import { getDb } from "@/server/db/client";
import { budgetsFor, processRateLimitConfig, processRateLimiter } from "@/server/domain/rate-limits/rate-limits";
import { CLIENT_IP_HEADER } from "@/server/http/client-ip";
import { rateLimitedMessage, rateLimitHeaders } from "@/server/http/rate-limit-headers";
import { callsInRequest, proceduresInRequest, TRPC_ENDPOINT } from "@/server/http/trpc-calls";

/** tRPC's code for TOO_MANY_REQUESTS in its JSON-RPC-style error body. */
const TOO_MANY_REQUESTS = -32029;

/** Counts a cached anonymous API answer; false when it was refused here (the 429 is sent). */
export function admitCachedApiCall(req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url ?? "/";
  if (!url.startsWith(`${TRPC_ENDPOINT}/`)) return true;
  const config = processRateLimitConfig();
  const ip = req.headers[CLIENT_IP_HEADER];
  if (!config.enabled || typeof ip !== "string" || !ip || ip === "unknown") return true;
  const points = callsInRequest(url);
  const decision = processRateLimiter(getDb).checkAll(budgetsFor(config, "api", { userId: null, apiKeyId: null, plan: null, keyLimitPerMinute: null, ip }), points);
  for (const [name, value] of Object.entries(rateLimitHeaders(decision))) res.setHeader(name, value);
  if (decision.allowed) return true;
  const paths = proceduresInRequest(url);
  const error = (path: string) => ({ error: { json: { message: rateLimitedMessage(decision), code: TOO_MANY_REQUESTS, data: { code: "TOO_MANY_REQUESTS", httpStatus: 429, path } } } });
  const batched = new URL(url, "http://local").searchParams.get("batch") === "1";
  const body = JSON.stringify(batched ? paths.map(error) : error(paths[0] ?? ""));
  res.writeHead(429, { "content-type": "application/json", "content-length": Buffer.byteLength(body), "x-cache": "hit" }).end(body);
  return false;
}
