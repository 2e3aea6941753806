import { headers } from "next/headers";
import { env } from "@/env";

/** The origin users reach this app at: APP_URL when set, otherwise the request's own host. */
export function originFromHeaders(h: Headers | null) {
  if (env.APP_URL) return env.APP_URL.replace(/\/$/, "");
  const host = h?.get("x-forwarded-host") ?? h?.get("host") ?? `localhost:${env.PORT}`;
  const proto = h?.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

/** The same, inside a server component or route handler. */
export async function siteOrigin() {
  return originFromHeaders(await headers());
}
