import { firstParam } from "@/app/_components/search-params";

/** Only same-site paths are followed after signing in; anything else falls back to the home page. */
export function safeCallbackUrl(raw: string | string[] | undefined): string {
  const value = firstParam(raw);
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}

/** `/signin` or `/signup`, carrying the callback along when it is not the default. */
export function authHref(path: "/signin" | "/signup", callbackUrl: string) {
  return callbackUrl === "/" ? path : `${path}?callbackUrl=${encodeURIComponent(callbackUrl)}`;
}

/**
 * Where to go back to when the link to the sign-in page named no callbackUrl (the header's "Sign
 * in"): the same-site page it was followed from, query included (/explore?q=x), read from the
 * Referer our Referrer-Policy sends within the site. Anything else, and the auth pages themselves,
 * fall back to the home page.
 */
export function callbackUrlFrom(raw: string | string[] | undefined, referer: string | null, siteOrigin: string): string {
  if (firstParam(raw) !== undefined) return safeCallbackUrl(raw);
  if (!referer) return "/";
  try {
    const from = new URL(referer);
    if (from.origin !== siteOrigin || /^\/(signin|signup)(\/|$)/.test(from.pathname)) return "/";
    return safeCallbackUrl(from.pathname + from.search);
  } catch {
    return "/";
  }
}
