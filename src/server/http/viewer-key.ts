// Who an anonymous visitor is, for de-duplicating their page views and counting distinct people:
// an HMAC of their address and user agent, keyed with AUTH_SECRET (the same on every replica, so a
// visitor has one key everywhere; unkeyed, the small space of IPv4 addresses could be searched back
// to the address). The raw address is never stored.
import { createHmac } from "node:crypto";
import { CLIENT_IP_HEADER, clientIpFromHeaders } from "./client-ip";

export function anonymousViewerKey(ip: string, userAgent: string | null | undefined): string {
  const mac = createHmac("sha256", process.env.AUTH_SECRET ?? "promptuary-viewer-key");
  return "anon:" + mac.update(`${ip}\n${userAgent ?? ""}`).digest("base64url").slice(0, 22);
}

/** The anonymous viewer key of a fetch-style request (server.ts passed the client address on). */
export function viewerKeyFromHeaders(headers: Headers): string {
  return anonymousViewerKey(clientIpFromHeaders(headers), headers.get("user-agent"));
}

/** The anonymous viewer key of a node:http request that went through prepareNodeRequest. */
export function viewerKeyOfNodeRequest(req: { headers: Record<string, string | string[] | undefined> }): string {
  const ip = req.headers[CLIENT_IP_HEADER];
  const agent = req.headers["user-agent"];
  return anonymousViewerKey((Array.isArray(ip) ? ip[0] : ip) || "unknown", Array.isArray(agent) ? agent[0] : agent);
}
