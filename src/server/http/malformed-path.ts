// A path whose percent-escapes do not decode (`/p/%`, `/p/%ZZ`, a cut UTF-8 sequence) names no page:
// Next throws on it while matching routes and answers 500, so the server answers 400 first.

/** Whether the path of `url` (before any query) has a percent-escape that does not decode. */
export function hasMalformedPath(url: string): boolean {
  const end = url.search(/[?#]/);
  const path = end < 0 ? url : url.slice(0, end);
  if (!path.includes("%")) return false;
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}
