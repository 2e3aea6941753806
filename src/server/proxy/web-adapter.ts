// Serves the node-style proxy handler from a Web Request (the App Router route handler): the
// request body becomes a Readable, and the handler's writes feed the Response's stream as they
// come, with backpressure (write() reports a full queue; the stream's pull emits "drain").
import { EventEmitter } from "node:events";
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from "node:http";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import type { ProxyHandler, ProxyRequest, ProxyResponse } from "./proxy-handler";

const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);

class WebResponseBridge extends EventEmitter implements ProxyResponse {
  headersSent = false;
  writableEnded = false;
  readonly response: Promise<Response>;
  private resolve!: (response: Response) => void;
  private controller!: ReadableStreamDefaultController<Uint8Array>;
  private closed = false;
  private readonly stream: ReadableStream<Uint8Array>;

  constructor(private readonly method: string) {
    super();
    this.response = new Promise((resolve) => (this.resolve = resolve));
    this.stream = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          this.controller = controller;
        },
        pull: () => {
          this.emit("drain");
        },
        cancel: () => this.markClosed(),
      },
      { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
    );
  }

  writeHead(status: number, headers: string[] | OutgoingHttpHeaders) {
    this.headersSent = true;
    const out = new Headers();
    if (Array.isArray(headers)) {
      for (let i = 0; i < headers.length; i += 2) out.append(headers[i], headers[i + 1]);
    } else {
      for (const [name, value] of Object.entries(headers)) {
        if (value === undefined) continue;
        for (const v of Array.isArray(value) ? value : [value]) out.append(name, String(v));
      }
    }
    const nullBody = NULL_BODY_STATUS.has(status) || this.method === "HEAD";
    this.resolve(new Response(nullBody ? null : this.stream, { status, headers: out }));
    return this;
  }

  flushHeaders() {}

  write(chunk: Buffer): boolean {
    if (this.closed) return false;
    this.controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    return (this.controller.desiredSize ?? 0) > 0;
  }

  end(chunk?: string | Buffer) {
    if (this.writableEnded) return this;
    if (chunk?.length && !this.closed) this.controller.enqueue(typeof chunk === "string" ? new TextEncoder().encode(chunk) : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    this.writableEnded = true;
    if (!this.closed) this.controller.close();
    this.markClosed();
    return this;
  }

  destroy(error?: Error) {
    if (!this.closed) this.controller.error(error ?? new Error("upstream connection closed"));
    this.markClosed();
    return this;
  }

  markClosed() {
    if (this.closed) return;
    this.closed = true;
    this.emit("close");
  }
}

function nodeHeaders(headers: Headers): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = {};
  headers.forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

export function serveWebRequest(handler: ProxyHandler, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const body = request.body ? Readable.fromWeb(request.body as unknown as NodeReadableStream<Uint8Array>) : Readable.from([]);
  const req = Object.assign(body, { method: request.method, url: url.pathname + url.search, headers: nodeHeaders(request.headers) }) as ProxyRequest;
  const res = new WebResponseBridge(request.method);
  request.signal.addEventListener("abort", () => res.markClosed(), { once: true });
  handler(req, res);
  return res.response;
}
