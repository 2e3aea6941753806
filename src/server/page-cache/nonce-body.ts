// A cached body that is served with a fresh CSP nonce each time. The page's nonce (128 random bits,
// so it occurs nowhere else by chance) splits the body into parts; each response joins them with a
// nonce of its own, the same one its Content-Security-Policy header names. For gzip, each part is
// compressed once, when stored, as a run of non-final DEFLATE blocks ending on a byte boundary
// (Z_SYNC_FLUSH): such runs concatenate into one valid stream (as pigz does), so a response only
// compresses its 24-byte nonces, adds a final empty block and the gzip trailer (CRC-32 and size of
// its own bytes).
import { constants, crc32, deflateRawSync } from "node:zlib";

export type NonceBody = {
  /** The nonce the body was rendered with, or null (no CSP nonce: the body is served as it is). */
  nonce: string | null;
  parts: Buffer[];
  /** Each part as non-final DEFLATE blocks; null when the body is not worth compressing. */
  deflatedParts: Buffer[] | null;
  /** Length of the body (nonces have one length, so every response has this length uncompressed). */
  length: number;
};

/** Below this, gzip gains nothing worth its header. */
const MIN_COMPRESS_BYTES = 1024;
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
/** A final, empty fixed-Huffman block: the end of the DEFLATE stream. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);
const syncDeflate = (bytes: Buffer, level: number) => deflateRawSync(bytes, { level, finishFlush: constants.Z_SYNC_FLUSH });

function split(body: Buffer, nonce: string): Buffer[] {
  const needle = Buffer.from(nonce);
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(needle, from); at !== -1; at = body.indexOf(needle, from)) {
    parts.push(body.subarray(from, at));
    from = at + needle.length;
  }
  parts.push(body.subarray(from));
  return parts;
}

export function toNonceBody(body: Buffer, nonce: string | null): NonceBody {
  const parts = nonce ? split(body, nonce) : [body];
  const deflatedParts = body.length >= MIN_COMPRESS_BYTES ? parts.map((part) => syncDeflate(part, 6)) : null;
  return { nonce, parts, deflatedParts, length: body.length };
}

/** The body with `nonce` in place of the one it was rendered with. */
export function withNonce(body: NonceBody, nonce: string | null): Buffer {
  if (body.parts.length === 1) return body.parts[0];
  const joint = Buffer.from(nonce ?? body.nonce!);
  const pieces: Buffer[] = [];
  body.parts.forEach((part, i) => {
    if (i) pieces.push(joint);
    pieces.push(part);
  });
  return Buffer.concat(pieces);
}

/** The same bytes gzip-encoded (null when the body is stored uncompressed only). */
export function gzipWithNonce(body: NonceBody, nonce: string | null): Buffer | null {
  if (!body.deflatedParts) return null;
  const plain = withNonce(body, nonce);
  const deflatedNonce = body.parts.length > 1 ? syncDeflate(Buffer.from(nonce ?? body.nonce!), 1) : null;
  const pieces: Buffer[] = [GZIP_HEADER];
  body.deflatedParts.forEach((part, i) => {
    if (i && deflatedNonce) pieces.push(deflatedNonce);
    pieces.push(part);
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(plain) >>> 0, 0);
  trailer.writeUInt32LE(plain.length % 2 ** 32, 4);
  pieces.push(FINAL_BLOCK, trailer);
  return Buffer.concat(pieces);
}
