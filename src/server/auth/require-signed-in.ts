import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { PAGE_URL_HEADER, samePagePath } from "@/server/http/page-url";
import { signInHref } from "@/shared/auth/sign-in-href";
import { auth } from "./config";

/**
 * The signed-in user, for pages that need one. Anyone else is sent to sign in and then back to the
 * page exactly as it was asked for, query string included (from the request proxy's header); `path`
 * is the fallback when that header is missing (a render outside a request).
 */
export async function requireSignedIn(path: string) {
  const session = await auth();
  if (!session?.user) {
    const asked = samePagePath((await headers()).get(PAGE_URL_HEADER));
    redirect(signInHref(asked ?? path));
  }
  return session.user;
}
