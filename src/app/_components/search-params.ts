// Reading and writing the query strings of server-rendered pages.
type Raw = string | string[] | undefined;

/** A query parameter's value as given; Next hands over an array when the parameter repeats. */
export const firstParam = (value: Raw) => (Array.isArray(value) ? value[0] : value);

/** A free-text parameter (a search, a filter, a cursor): trimmed, capped so a junk URL cannot make a huge query, empty read as absent. */
export const textParam = (value: Raw, maxLength = 200) => firstParam(value)?.trim().slice(0, maxLength) || undefined;

/** `path` with these parameters, in this order; empty ones are left out, so a default has one URL. */
export function hrefWithQuery(path: string, params: Record<string, string | null | undefined>) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const s = query.toString();
  return s ? `${path}?${s}` : path;
}
