// What server.ts does to every request before routing it (to the capture proxy or to Next): the
// security headers on the response (with the API's Content-Security-Policy on /api/: pages get
// theirs, with a nonce, from src/proxy.ts), and the client's address, from the socket, for per-IP
// limits, and whether it is a HEAD (head-request.ts).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";
import { CLIENT_IP_HEADER, clientIpOf } from "./client-ip";
import { markHeadRequest } from "./head-request";
import { API_CONTENT_SECURITY_POLICY, securityHeaders, servedOverTls } from "./security-headers";

export function prepareNodeRequest(req: IncomingMessage, res: ServerResponse, opts: { trustedProxies: number }) {
  const forwardedProto = req.headers["x-forwarded-proto"];
  const tls = servedOverTls(Array.isArray(forwardedProto) ? forwardedProto[0] : forwardedProto, Boolean((req.socket as TLSSocket).encrypted));
  for (const [name, value] of securityHeaders(tls)) res.setHeader(name, value);
  if (req.url?.startsWith("/api/")) res.setHeader("Content-Security-Policy", API_CONTENT_SECURITY_POLICY);
  req.headers[CLIENT_IP_HEADER] = clientIpOf(req.socket.remoteAddress, req.headers["x-forwarded-for"], opts.trustedProxies);
  markHeadRequest(req);
}
