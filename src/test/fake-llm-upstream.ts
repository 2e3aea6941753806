// A provider stand-in on loopback for proxy tests: answers each request with what the test's
// `reply` function says (a JSON body, or SSE chunks sent with a delay between them) and keeps
// every request it received.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedRequest = { method: string; url: string; headers: IncomingHttpHeaders; body: string };
export type FakeReply = { status?: number; headers?: Record<string, string>; body?: string; chunks?: string[]; chunkDelayMs?: number; delayMs?: number };

export async function startFakeUpstream(reply: (req: ReceivedRequest) => FakeReply) {
  const requests: ReceivedRequest[] = [];
  let current = reply;
  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on("data", (c: Buffer) => parts.push(c));
    req.on("end", async () => {
      const received: ReceivedRequest = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(parts).toString("utf8") };
      requests.push(received);
      const r = current(received);
      if (r.delayMs) await new Promise((resolve) => setTimeout(resolve, r.delayMs));
      res.writeHead(r.status ?? 200, r.headers ?? { "content-type": "application/json" });
      if (r.chunks) {
        for (const chunk of r.chunks) {
          res.write(chunk);
          if (r.chunkDelayMs) await new Promise((resolve) => setTimeout(resolve, r.chunkDelayMs));
        }
        res.end();
      } else res.end(r.body ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setReply(next: (req: ReceivedRequest) => FakeReply) {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
