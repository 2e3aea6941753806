// Entity tags for API responses that clients cache (the runtime prompt endpoint): a strong tag from
// a hash of the representation's bytes, and If-None-Match as RFC 9110 compares it (weak comparison,
// a list of tags, or *).
import { createHash } from "node:crypto";

export function strongEtag(representation: string): string {
  return `"${createHash("sha256").update(representation).digest("base64url").slice(0, 27)}"`;
}

const opaque = (tag: string) => tag.trim().replace(/^W\//, "");

/** Whether a GET's If-None-Match names this tag (then the answer is 304 Not Modified). */
export function ifNoneMatchHits(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const wanted = opaque(etag);
  return header.split(",").some((tag) => opaque(tag) === wanted);
}
