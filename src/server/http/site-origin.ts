import { headers } from "next/headers";
import { env } from "@/env";

/** Loopback and private-network hosts, reached over plain HTTP (server.ts speaks no TLS itself). */
const LOCAL_HOST = /^(localhost|127\.|\[::1\]|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/;

/**
 * The origin users reach this app at: APP_URL when set, otherwise the request's own host (as the
 * browser sent it). X-Forwarded-Host and -Proto count only behind a trusted proxy (TRUST_PROXY > 0),
 * as in request-origin.ts: otherwise any client could name its own.
 */
export function originFromHeaders(h: Headers | null) {
  if (env.APP_URL) return env.APP_URL.replace(/\/$/, "");
  const forwarded = env.TRUST_PROXY > 0;
  const host = (forwarded ? h?.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined) || h?.get("host") || `localhost:${env.PORT}`;
  const proto = (forwarded ? h?.get("x-forwarded-proto")?.split(",")[0]?.trim() : undefined) || (LOCAL_HOST.test(host) ? "http" : "https");
  return `${proto}://${host}`;
}

/** The same, inside a server component or route handler. */
export async function siteOrigin() {
  return originFromHeaders(await headers());
}
