// A captured body as text: decompressed when the upstream sent it compressed (gzip, deflate, br).
// A body cut at the capture limit decompresses as far as it goes.
import { brotliDecompressSync, constants, gunzipSync, inflateSync } from "node:zlib";

export function decodeBody(body: Buffer, contentEncoding: string | null): string {
  if (!body.length) return "";
  const encoding = contentEncoding?.trim().toLowerCase();
  try {
    if (encoding === "gzip" || encoding === "x-gzip") return gunzipSync(body, { finishFlush: constants.Z_SYNC_FLUSH }).toString("utf8");
    if (encoding === "deflate") return inflateSync(body, { finishFlush: constants.Z_SYNC_FLUSH }).toString("utf8");
    if (encoding === "br") return brotliDecompressSync(body, { finishFlush: constants.BROTLI_OPERATION_FLUSH }).toString("utf8");
  } catch {
    return "";
  }
  return body.toString("utf8");
}
