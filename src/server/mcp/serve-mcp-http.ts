// /api/mcp: the Model Context Protocol over Streamable HTTP, stateless (a fresh server and transport
// per POST; JSON responses, no session, no SSE stream to GET). Authenticated with a Promptuary API
// key (Authorization: Bearer pq_…, scope "read"), 401 saying what is wrong otherwise; each request
// counts against the API's rate limit like one tRPC call made with that key.
import "server-only";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import type { DbOrTx } from "@/server/db/prisma";
import { resolveApiKey, type ResolvedApiKey } from "@/server/domain/api-keys/api-keys";
import { assertKeyScope } from "@/server/domain/api-keys/required-scope";
import { DomainError } from "@/server/domain/errors";
import { limitApiCall, processRateLimiter } from "@/server/domain/rate-limits/rate-limits";
import { clientIpFromHeaders } from "@/server/http/client-ip";
import { rateLimitedMessage, rateLimitHeaders } from "@/server/http/rate-limit-headers";
import { buildMcpServer } from "./build-mcp-server";

export const MISSING_KEY_MESSAGE = "Send your Promptuary API key as `Authorization: Bearer pq_…` (create one with the read scope in Settings → API keys).";
export const INVALID_KEY_MESSAGE = "Invalid or revoked API key.";

/** A refusal before MCP begins, as a JSON-RPC error body (the SDK's client quotes the body in its error). */
function refusal(status: number, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ jsonrpc: "2.0", error: { code: -32001, message }, id: null }, { status, headers });
}

async function authenticate(db: DbOrTx, headers: Headers): Promise<ResolvedApiKey | Response> {
  const authorization = headers.get("authorization")?.trim();
  if (!authorization || !/^bearer\s+\S/i.test(authorization)) return refusal(401, MISSING_KEY_MESSAGE, { "www-authenticate": 'Bearer realm="promptuary"' });
  try {
    const key = await resolveApiKey(db, authorization.replace(/^bearer\s+/i, ""));
    if (!key) return refusal(401, INVALID_KEY_MESSAGE, { "www-authenticate": 'Bearer realm="promptuary", error="invalid_token"' });
    assertKeyScope(key.scopes, "read");
    return key;
  } catch (error) {
    // An expired key (401, saying when) or one without the read scope (403, naming it).
    if (error instanceof DomainError) return refusal(error.status, error.message);
    throw error;
  }
}

export async function serveMcpHttp(request: Request, db: DbOrTx): Promise<Response> {
  if (request.method !== "POST") return refusal(405, "This MCP endpoint is stateless: POST JSON-RPC messages to it (no SSE stream, no session).", { allow: "POST" });
  const key = await authenticate(db, request.headers);
  if (key instanceof Response) return key;

  const ip = clientIpFromHeaders(request.headers);
  const decision = await limitApiCall(db, processRateLimiter(db), { userId: key.actor.id, apiKeyId: key.apiKeyId, ip: ip === "unknown" ? null : ip, points: 1 });
  if (decision && !decision.allowed) return refusal(429, rateLimitedMessage(decision), rateLimitHeaders(decision));

  const server = buildMcpServer(db, key.actor, { source: "mcp", apiKeyId: key.apiKeyId, viewerKey: key.actor.id });
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  try {
    await server.connect(transport);
    const response = await transport.handleRequest(request);
    if (decision) for (const [name, value] of Object.entries(rateLimitHeaders(decision))) response.headers.set(name, value);
    return response;
  } finally {
    // JSON responses are complete once handleRequest resolves: nothing is left to stream.
    await server.close();
  }
}
