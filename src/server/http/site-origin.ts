import { headers } from "next/headers";
import { env } from "@/env";

/** The origin users reach this app at: APP_URL when set, otherwise the request's own host. */
export async function siteOrigin() {
  if (env.APP_URL) return env.APP_URL.replace(/\/$/, "");
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}
