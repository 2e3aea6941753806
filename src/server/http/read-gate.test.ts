import { AsyncLocalStorage } from "node:async_hooks";
import { createServer, request, type Server } from "node:http";
import { connect, type AddressInfo, type Socket } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import { askedAndHungUp } from "@/test/asked-and-hung-up";
import { createReadGate, type ReadGate } from "./read-gate";

type Held = { id: string; finish: (body?: string) => void; finishWhenFlushed: (body: string) => void; stream: (contentType: string) => void; hang: () => void };

/** A real HTTP server whose every request goes through `gate`; each render waits until the test lets it answer. */
async function serverBehind(gate: ReadGate) {
  const started: string[] = [];
  const held = new Map<string, Held>();
  const context = new AsyncLocalStorage<string>();
  const server = createServer((req, res) => {
    const id = new URL(req.url!, "http://x").searchParams.get("id")!;
    context.run(id, () => {
      void gate.admit(req, res, async () => {
        // Run in the async context of its own request, even when it waited for a place.
        started.push(`${id}:${context.getStore()}`);
        await new Promise<void>((resolve) =>
          held.set(id, {
            id,
            finish: (body = id) => (res.end(body), resolve()),
            // As Next's streamed pages do: the render settles once the client has taken it all.
            finishWhenFlushed: (body) => (res.once("close", resolve), res.end(body)),
            // Headers and a first chunk out, more to come (the render has not settled); set one by
            // one, as Next sends a route's response.
            stream: (contentType) => (res.setHeader("content-type", contentType), res.writeHead(200), res.write("data: first\n\n")),
            hang: () => resolve(),
          }),
        );
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  const port = (server.address() as AddressInfo).port;
  const get = (id: string) => {
    let abort = () => {};
    const body = new Promise<string>((resolve, reject) => {
      const req = request({ port, path: `/?id=${id}`, agent: false }, (res) => {
        let text = "";
        res.on("data", (chunk: Buffer) => (text += chunk));
        res.on("end", () => resolve(text));
      });
      req.on("error", reject);
      req.end();
      abort = () => req.destroy();
    });
    return { body, abort };
  };
  return { started, held, get };
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => (s.closeAllConnections(), s.close(resolve)))));
});

const until = async (check: () => boolean) => {
  // A deadline in time, not in tries: on a loaded machine (CI's two cores) a step can take a while.
  for (const deadline = Date.now() + 5_000; !check() && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};
const settle = () => new Promise((r) => setTimeout(r, 50));

describe("the read gate", () => {
  test("renders as many at once as it allows and the rest in the order they came, each in its own request's context", async () => {
    const gate = createReadGate({ concurrency: 2, releaseAfterMs: 60_000 });
    const { started, held, get } = await serverBehind(gate);
    const a = get("a");
    const b = get("b");
    await until(() => started.length === 2);
    const c = get("c");
    await until(() => gate.load().waiting === 1);
    const d = get("d");
    await until(() => gate.load().waiting === 2);
    await settle();
    expect(started).toEqual(["a:a", "b:b"]);
    expect(gate.load()).toEqual({ running: 2, waiting: 2 });

    held.get("b")!.finish();
    expect(await b.body).toBe("b");
    await until(() => started.length === 3);
    expect(started[2]).toBe("c:c");
    held.get("a")!.finish();
    await until(() => started.length === 4);
    expect(started[3]).toBe("d:d");
    held.get("c")!.finish();
    held.get("d")!.finish();
    expect(await Promise.all([a.body, c.body, d.body])).toEqual(["a", "c", "d"]);
    expect(gate.load()).toEqual({ running: 0, waiting: 0 });
  });

  test("a visitor who leaves while waiting is never rendered for; one who leaves mid-render holds the place until the render settles", async () => {
    const gate = createReadGate({ concurrency: 1, releaseAfterMs: 60_000 });
    const { started, held, get } = await serverBehind(gate);
    const a = get("a");
    await until(() => started.length === 1);
    const gone = get("gone");
    await until(() => gate.load().waiting === 1);
    gone.abort();
    await gone.body.catch(() => null);
    const c = get("c");
    await until(() => gate.load().waiting === 2);
    a.abort(); // mid-render: its render still takes the CPU
    await a.body.catch(() => null);
    await settle();
    expect(started).toEqual(["a:a"]);
    held.get("a")!.hang(); // the render settles
    await until(() => started.length === 2);
    expect(started).toEqual(["a:a", "c:c"]);
    held.get("c")!.finish();
    expect(await c.body).toBe("c");
    await until(() => gate.load().running === 0 && gate.load().waiting === 0);
  });

  test("an event stream lets go once its headers are out; a plain response still being written does not", async () => {
    const gate = createReadGate({ concurrency: 1, releaseAfterMs: 60_000 });
    const { started, held, get } = await serverBehind(gate);
    const plain = get("plain");
    await until(() => started.length === 1);
    const events = get("events");
    await until(() => gate.load().waiting === 1);
    held.get("plain")!.stream("text/html; charset=utf-8");
    await settle();
    expect(started).toEqual(["plain:plain"]);
    held.get("plain")!.finish();
    await until(() => started.length === 2);
    const after = get("after");
    await until(() => gate.load().waiting === 1);
    held.get("events")!.stream("text/event-stream");
    await until(() => started.length === 3);
    expect(started).toEqual(["plain:plain", "events:events", "after:after"]);
    held.get("after")!.finish();
    expect(await after.body).toBe("after");
    held.get("events")!.finish("");
    await Promise.all([plain.body, events.body]);
  });

  test("a pipelined request queued behind an answer its client does not read lets go once it has answered", async () => {
    const gate = createReadGate({ concurrency: 1, releaseAfterMs: 60_000 });
    const { started, held, get } = await serverBehind(gate);
    const port = (servers.at(-1)!.address() as AddressInfo).port;
    // Two requests in one write, and nothing read back.
    const socket = connect(port, "127.0.0.1");
    socket.pause();
    socket.write("GET /?id=p1 HTTP/1.1\r\nHost: x\r\n\r\nGET /?id=p2 HTTP/1.1\r\nHost: x\r\n\r\n");
    await until(() => started.length === 1);
    // p1 answers more than the connection takes; p2 (parsed already) waits for its place.
    held.get("p1")!.finishWhenFlushed("x".repeat(32 * 1024 * 1024));
    await until(() => started.length === 2);
    const normal = get("normal");
    await until(() => gate.load().waiting === 1);
    // p2's answer cannot leave before p1's: it waits on the client, not on this process.
    held.get("p2")!.stream("text/html; charset=utf-8");
    await until(() => started.length === 3);
    expect(started).toEqual(["p1:p1", "p2:p2", "normal:normal"]);
    held.get("normal")!.finish();
    expect(await normal.body).toBe("normal");
    socket.destroy();
  });

  test.each([
    // Pipelined: the second request's response hears nothing when the connection goes; its socket tells.
    { how: "whose connection is gone, even when its response heard nothing", ask: "GET /?id=q1 HTTP/1.1\r\nHost: x\r\n\r\nGET /?id=q2 HTTP/1.1\r\nHost: x\r\n\r\n", leave: (s: Socket) => s.destroy() },
    { how: "who closed their side of the connection after asking", ask: "GET /?id=half HTTP/1.1\r\nHost: x\r\n\r\n", leave: (s: Socket) => s.end() },
  ])("a visitor $how is not rendered for", async ({ ask, leave }) => {
    const gate = createReadGate({ concurrency: 1, releaseAfterMs: 60_000 });
    const { started, held, get } = await serverBehind(gate);
    const port = (servers.at(-1)!.address() as AddressInfo).port;
    const first = get("first");
    await until(() => started.length === 1);
    const socket = connect(port, "127.0.0.1");
    socket.write(ask);
    await until(() => gate.load().waiting >= 1);
    leave(socket);
    await settle();
    const last = get("last");
    held.get("first")!.finish();
    await until(() => started.includes("last:last"));
    expect(started).toEqual(["first:first", "last:last"]);
    held.get("last")!.finish();
    expect(await Promise.all([first.body, last.body])).toEqual(["first", "last"]);
    socket.destroy();
  });

  test("visitors who asked and hung up before the server read their connections are not rendered for, even with places free", async () => {
    const gate = createReadGate({ concurrency: 4, releaseAfterMs: 60_000 });
    const { started, held, get } = await serverBehind(gate);
    const httpServer = servers.at(-1)!;
    // As the cluster's primary hands a worker connections it accepted earlier: by the time the
    // worker reads one, the request and the client's hang-up are both there. Each is handed over
    // one turn after the one before arrived, so every one arrives while the one before still waits.
    const gone = await Promise.all(["gone1", "gone2", "gone3"].map((id) => askedAndHungUp(`GET /?id=${id} HTTP/1.1\r\nHost: x\r\n\r\n`)));
    const handOver = (socket: Socket) => (httpServer.emit("connection", socket), socket.resume());
    let handed = 0;
    httpServer.on("request", () => handed < gone.length && setImmediate(() => handOver(gone[handed++])));
    handOver(gone[handed++]);
    await until(() => handed === gone.length);
    await settle();
    const last = get("last");
    await until(() => started.includes("last:last"));
    expect(started).toEqual(["last:last"]);
    held.get("last")!.finish();
    expect(await last.body).toBe("last");
    expect(gate.load()).toEqual({ running: 0, waiting: 0 });
  });

  test("a response still going after releaseAfterMs no longer holds its place", async () => {
    const gate = createReadGate({ concurrency: 1, releaseAfterMs: 100 });
    const { started, held, get } = await serverBehind(gate);
    const slow = get("slow");
    await until(() => started.length === 1);
    const next = get("next");
    await until(() => gate.load().waiting === 1);
    await until(() => started.length === 2);
    expect(started).toEqual(["slow:slow", "next:next"]);
    held.get("next")!.finish();
    held.get("slow")!.finish();
    expect(await Promise.all([slow.body, next.body])).toEqual(["slow", "next"]);
    expect(gate.load()).toEqual({ running: 0, waiting: 0 });
  });

  test("a client slow to read what was written in full does not hold the place", async () => {
    const gate = createReadGate({ concurrency: 1, releaseAfterMs: 60_000 });
    const { started, held, get } = await serverBehind(gate);
    const big = "x".repeat(32 * 1024 * 1024);
    // A client that reads nothing: the 32 MB answer stays in the buffers, so "finish" cannot come.
    const stalled = await new Promise<ReturnType<typeof request>>((resolve) => {
      const req = request({ port: (servers.at(-1)!.address() as AddressInfo).port, path: "/?id=slow", agent: false }, (res) => res.pause());
      req.end();
      resolve(req);
    });
    await until(() => started.length === 1);
    const next = get("next");
    await until(() => gate.load().waiting === 1);
    held.get("slow")!.finishWhenFlushed(big);
    await until(() => started.length === 2);
    expect(started).toEqual(["slow:slow", "next:next"]);
    held.get("next")!.finish();
    expect(await next.body).toBe("next");
    stalled.destroy();
  });

  test("concurrency 0 lets everything through at once", async () => {
    const gate = createReadGate({ concurrency: 0, releaseAfterMs: 60_000 });
    const { started, held, get } = await serverBehind(gate);
    const calls = ["a", "b", "c", "d", "e"].map(get);
    await until(() => started.length === 5);
    expect(gate.load().waiting).toBe(0);
    for (const h of held.values()) h.finish();
    expect(await Promise.all(calls.map((c) => c.body))).toEqual(["a", "b", "c", "d", "e"]);
  });

  test("a render that fails frees its place and the failure reaches the caller", async () => {
    const gate = createReadGate({ concurrency: 1, releaseAfterMs: 60_000 });
    const server = createServer((req, res) => {
      gate.admit(req, res, () => Promise.reject(new Error("render failed"))).catch((error: Error) => res.writeHead(500).end(error.message));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    servers.push(server);
    const { port } = server.address() as AddressInfo;
    const answers = await Promise.all([1, 2, 3].map(() => fetch(`http://127.0.0.1:${port}/`).then(async (r) => `${r.status} ${await r.text()}`)));
    expect(answers).toEqual(["500 render failed", "500 render failed", "500 render failed"]);
    expect(gate.load()).toEqual({ running: 0, waiting: 0 });
  });
});
