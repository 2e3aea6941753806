// Reads a request body up to a size cap, without buffering what lies beyond: a declared
// Content-Length over the cap is refused before reading anything, and a body that grows past it
// (chunked, or lying about its length) is cancelled at the first chunk that crosses the cap.

export type CappedBytes = { bytes: Uint8Array<ArrayBuffer> } | { tooLarge: true };
export type CappedText = { text: string } | { tooLarge: true };

export async function readCappedBytes(req: Request, maxBytes: number): Promise<CappedBytes> {
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await req.body?.cancel().catch(() => {});
    return { tooLarge: true };
  }
  if (!req.body) return { bytes: new Uint8Array(0) };
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return { tooLarge: true };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes };
}

/** The body as UTF-8 text (as Request.text() decodes it), or tooLarge. */
export async function readCappedText(req: Request, maxBytes: number): Promise<CappedText> {
  const read = await readCappedBytes(req, maxBytes);
  return "tooLarge" in read ? read : { text: new TextDecoder().decode(read.bytes) };
}
