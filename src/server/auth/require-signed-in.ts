import "server-only";
import { redirect } from "next/navigation";
import { signInHref } from "@/shared/auth/sign-in-href";
import { auth } from "./config";

/**
 * The signed-in user, for pages that need one. Anyone else is sent to sign in and then back to
 * `path`, the page's own URL (with any query string that matters to it).
 */
export async function requireSignedIn(path: string) {
  const session = await auth();
  if (!session?.user) redirect(signInHref(path));
  return session.user;
}
