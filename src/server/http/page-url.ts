// The URL of the page being rendered (path and query), which server components cannot read
// otherwise: Next's request proxy (src/proxy.ts) copies it into a request header, replacing any
// value a client sent, so that "sign in and come back" returns to the page with its query string.
export const PAGE_URL_HEADER = "x-promptuary-page-url";

/** The header's value when it is a same-site path, else null. */
export function samePagePath(value: string | null): string | null {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return null;
  return value;
}
