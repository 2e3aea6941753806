// Next's request proxy (the file convention formerly called middleware): the security headers of
// every page Next sends, and the Content-Security-Policy with a fresh nonce for each. API routes
// are left out: a proxy that matches a POST makes Next buffer its body before the route runs,
// which would defeat the webhook's and tRPC's size caps; server.ts gives /api/ its headers.
// Next reads the nonce from the request's Content-Security-Policy header while rendering and puts
// it on every script it emits, so pages need no code of their own. The values live in
// src/server/http/security-headers.ts; server.ts sets the plain headers on what never reaches Next.
import { NextResponse, type NextRequest } from "next/server";
import { newNonce, pageContentSecurityPolicy, securityHeaders, servedOverTls } from "@/server/http/security-headers";
import { PAGE_URL_HEADER } from "@/server/http/page-url";

export function proxy(request: NextRequest) {
  const tls = servedOverTls(request.headers.get("x-forwarded-proto"));
  const policy = pageContentSecurityPolicy(newNonce(), { dev: process.env.NODE_ENV === "development", tls });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  const search = new URLSearchParams(request.nextUrl.search);
  search.delete("_rsc"); // Next's own cache-busting parameter on client navigations, not the page's
  requestHeaders.set(PAGE_URL_HEADER, request.nextUrl.pathname + (search.size ? `?${search}` : ""));
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of securityHeaders(tls)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Pages only: not the build's static files nor /api/ (server.ts gives those their headers).
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
