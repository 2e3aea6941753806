import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import { askedAndHungUp } from "@/test/asked-and-hung-up";
import { answerUnlessLeft } from "./visitor-presence";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => (s.closeAllConnections(), s.close(resolve)))));
});

/** A real HTTP server that answers every request through answerUnlessLeft, noting what it answered. */
async function serverAnsweringUnlessLeft() {
  const answered: string[] = [];
  const server = createServer((req, res) => answerUnlessLeft(req, res, () => (answered.push(`${req.method} ${req.url}`), res.end("done"))));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return { server, answered, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe("answerUnlessLeft", () => {
  test("a write whose client sent it and hung up before the server read it is not made; one whose client waits is", async () => {
    const { server, answered, url } = await serverAnsweringUnlessLeft();
    const body = JSON.stringify({ json: { promptId: "p1" } });
    const socket = await askedAndHungUp(`POST /api/trpc/favorite.add HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
    server.emit("connection", socket);
    socket.resume();
    await new Promise((r) => setTimeout(r, 50));
    const kept = await fetch(`${url}/api/trpc/favorite.remove`, { method: "POST", body });
    expect(await kept.text()).toBe("done");
    expect(answered).toEqual(["POST /api/trpc/favorite.remove"]);
  });
});
