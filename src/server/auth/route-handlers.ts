// The Auth.js route handlers (/api/auth/*), seeing the request at the origin the browser used.
// Next hands route handlers a URL built from the hostname server.ts gave it, not from the request
// (and its NextRequest rewrites 127.x and [::1] to "localhost" in any case), while Auth.js builds
// every redirect (sign-out, sign-in, callbacks) from the request's URL: without this a browser at
// http://127.0.0.1:3000 would be sent to http://localhost:3000 and lose its cookies. The origin is
// APP_URL when set, otherwise the request's Host (site-origin.ts); Auth.js gets a plain Request.
import "server-only";
import type { NextRequest } from "next/server";
import { originFromHeaders } from "@/server/http/site-origin";
import { handlers } from "./config";

type Handler = (req: NextRequest) => Promise<Response>;

function atSiteOrigin(handler: Handler): Handler {
  return async (req) => {
    // AUTH_URL, when set, is Auth.js's own answer to the same question.
    if (process.env.AUTH_URL ?? process.env.NEXTAUTH_URL) return handler(req);
    const { pathname, search } = new URL(req.url);
    const body = req.method === "GET" || req.method === "HEAD" ? undefined : await req.arrayBuffer();
    const request = new Request(`${originFromHeaders(req.headers)}${pathname}${search}`, { method: req.method, headers: req.headers, body });
    return handler(request as NextRequest);
  };
}

export const GET = atSiteOrigin(handlers.GET);
export const POST = atSiteOrigin(handlers.POST);
