// Who is calling a tRPC procedure over HTTP: an API key (Authorization: Bearer pq_…) or the session cookie.
import "server-only";
import { auth } from "@/server/auth/config";
import { getDb } from "@/server/db/client";
import type { Viewer } from "@/server/domain/actor";
import { resolveApiKey } from "@/server/domain/api-keys/api-keys";
import { UnauthorizedError } from "@/server/domain/errors";
import { clientIpFromHeaders } from "@/server/http/client-ip";
import { foreignOriginMessage, isSameOriginRequest } from "@/server/http/request-origin";
import { originFromHeaders } from "@/server/http/site-origin";
import { viewerKeyFromHeaders } from "@/server/http/viewer-key";
import type { Context } from "./trpc";

export async function createRequestContext(headers: Headers): Promise<Context> {
  const db = getDb();
  const ip = clientIpFromHeaders(headers);
  const request = { ip: ip === "unknown" ? null : ip, userAgent: headers.get("user-agent") };
  const authorization = headers.get("authorization");
  if (authorization?.toLowerCase().startsWith("bearer ")) {
    const key = await resolveApiKey(db, authorization.slice(7).trim());
    // A wrong key is an error, not a silent anonymous request.
    if (!key) throw new UnauthorizedError("Invalid or revoked API key.");
    const usage = { source: "api", apiKeyId: key.apiKeyId, viewerKey: key.actor.id } as const;
    return { db, viewer: key.actor, origin: originFromHeaders(headers), usage, request, apiKey: { id: key.apiKeyId, scopes: key.scopes } };
  }
  const viewer = await sessionViewer();
  // The cookie went with a request from another site's page: its mutations are refused (trpc.ts).
  const sessionFromForeignOrigin = viewer !== null && !isSameOriginRequest(headers);
  // A browser: the signed-in user, or an anonymous visitor known only by a hash (http/viewer-key.ts).
  const usage = { source: "web", apiKeyId: null, viewerKey: viewer?.id ?? viewerKeyFromHeaders(headers) } as const;
  return {
    db,
    viewer,
    origin: originFromHeaders(headers),
    usage,
    request,
    ...(sessionFromForeignOrigin ? { sessionFromForeignOrigin: foreignOriginMessage(headers) } : {}),
  };
}

export async function sessionViewer(): Promise<Viewer> {
  const session = await auth();
  const user = session?.user;
  return user?.id && user.handle ? { id: user.id, handle: user.handle, role: user.role } : null;
}
