// Holds back what a handler (Next) writes to a response until it ends, so the whole response can
// be kept and then sent in one piece: writeHead, flushHeaders, write and end on this one response
// are replaced, as the `compression` middleware Next itself uses does, and put back at the end.
import type { OutgoingHttpHeaders, ServerResponse } from "node:http";

export type CapturedResponse = { status: number; statusMessage: string; body: Buffer };

type WriteCallback = (error?: Error | null) => void;

/**
 * From now on `res` collects its body instead of sending it; when the handler ends it, the real
 * methods are back and `onEnd` sends what it likes. `onAbort` is told when the client goes first.
 */
export function captureResponse(res: ServerResponse, onEnd: (captured: CapturedResponse) => void, onAbort: () => void): void {
  const original = { writeHead: res.writeHead, flushHeaders: res.flushHeaders, write: res.write, end: res.end };
  const chunks: Buffer[] = [];
  let done = false;
  const restore = () => Object.assign(res, original);
  const collect = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array));
  };
  const callbackOf = (...args: unknown[]) => args.find((a): a is WriteCallback => typeof a === "function");

  res.writeHead = function writeHead(status: number, ...rest: unknown[]) {
    res.statusCode = status;
    if (typeof rest[0] === "string") res.statusMessage = rest.shift() as string;
    const headers = rest[0] as OutgoingHttpHeaders | (string | string[])[] | undefined;
    if (Array.isArray(headers)) {
      // [name, value, name, value, …] or [[name, value], …]
      if (Array.isArray(headers[0])) for (const [name, value] of headers as unknown as [string, string][]) res.setHeader(name, value);
      else for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(headers[i] as string, headers[i + 1]);
    } else if (headers) for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
    return res;
  } as ServerResponse["writeHead"];
  res.flushHeaders = () => {};
  res.write = function write(chunk: unknown, ...rest: unknown[]) {
    collect(chunk, rest[0]);
    const callback = callbackOf(...rest);
    if (callback) process.nextTick(callback);
    return true;
  } as ServerResponse["write"];
  res.end = function end(chunk?: unknown, ...rest: unknown[]) {
    if (done) return res;
    done = true;
    collect(chunk, rest[0]);
    restore();
    const callback = callbackOf(chunk, ...rest);
    if (callback) res.once("finish", () => callback());
    onEnd({ status: res.statusCode, statusMessage: res.statusMessage, body: Buffer.concat(chunks) });
    return res;
  } as ServerResponse["end"];
  res.once("close", () => {
    if (done) return;
    done = true;
    restore();
    onAbort();
  });
}
