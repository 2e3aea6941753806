// A page asked with `Authorization: Bearer <key>` renders as the key's owner (api/context.ts). A
// key that is unknown, revoked or expired would fail inside the render, as a 500 error page: it is
// answered here instead, before Next, with 401 and what is wrong with the key. (The API routes,
// /api/…, refuse a wrong key themselves.)
import type { IncomingMessage, ServerResponse } from "node:http";
import { getDb } from "@/server/db/client";
import { resolveApiKey } from "@/server/domain/api-keys/api-keys";
import { UnauthorizedError } from "@/server/domain/errors";

/** True when `req` was a page asked with a wrong API key and the 401 has been sent. */
export async function refusedPageKey(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const authorization = req.headers.authorization;
  if (!authorization?.toLowerCase().startsWith("bearer ") || (req.url ?? "/").startsWith("/api/")) return false;
  let reason = "Invalid or revoked API key.";
  try {
    if (await resolveApiKey(getDb(), authorization.slice(7).trim())) return false;
  } catch (error) {
    if (!(error instanceof UnauthorizedError)) throw error;
    reason = error.message; // expired: says when
  }
  const body = `Unauthorized: ${reason} Send a key from Settings → API keys as Authorization: Bearer <key>, or leave the header out to see the page as a visitor.\n`;
  res
    .writeHead(401, { "content-type": "text/plain; charset=utf-8", "content-length": Buffer.byteLength(body), "www-authenticate": 'Bearer error="invalid_token"', "cache-control": "no-store" })
    .end(body);
  return true;
}
