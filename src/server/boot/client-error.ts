// What a client hears when node:http refuses its request before any handler runs (headers or URL
// too large, a malformed request): the status with a JSON body saying why, instead of Node's bare
// status line. A long tRPC query input belongs in a POST body (tRPC's methodOverride), not the URL.
import { maxHeaderSize } from "node:http";
import type { Duplex } from "node:stream";

function reply(socket: Duplex, status: string, message: string) {
  const body = JSON.stringify({ error: { message } });
  socket.end(`HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

export function answerClientError(error: Error & { code?: string }, socket: Duplex) {
  if (error.code === "ECONNRESET" || !socket.writable) return socket.destroy();
  if (error.code === "HPE_HEADER_OVERFLOW") {
    return reply(socket, "431 Request Header Fields Too Large", `The request line and headers are larger than ${Math.round(maxHeaderSize / 1024)} KB. Send large inputs in a POST body (tRPC queries accept POST).`);
  }
  if (error.code === "ERR_HTTP_REQUEST_TIMEOUT") return reply(socket, "408 Request Timeout", "The request took too long to arrive.");
  reply(socket, "400 Bad Request", "The request is not valid HTTP.");
}
