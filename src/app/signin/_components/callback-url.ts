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
