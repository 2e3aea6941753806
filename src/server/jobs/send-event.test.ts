// With Inngest configured (here INNGEST_BASE_URL + an event key), sendEvent calls inngest.send:
// a loopback server standing in for Inngest records the POST; the in-process runner is not used.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, test, vi } from "vitest";

const received: { url: string; body: unknown }[] = [];
const server = createServer((req, res) => {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    received.push({ url: req.url ?? "", body: JSON.parse(body) });
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ids: ["evt-1"], status: 200 }));
  });
});

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  vi.stubEnv("INNGEST_BASE_URL", `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  vi.stubEnv("INNGEST_EVENT_KEY", "test-event-key");
});
afterAll(() => {
  vi.unstubAllEnvs();
  server.close();
});

test("sendEvent goes to Inngest when it is configured, validated, never to the in-process dispatcher", async () => {
  // The client reads the environment when it is created, so import after setting it.
  const { sendEvent, registerInProcessDispatcher, inngestConfigured } = await import("./send-event");
  const local = vi.fn();
  registerInProcessDispatcher(local);
  expect(inngestConfigured()).toBe(true);
  await sendEvent("capture/request.recorded", { captureIds: ["c1", "c2"] });
  expect(local).not.toHaveBeenCalled();
  expect(received).toHaveLength(1);
  expect(received[0].url).toBe("/e/test-event-key");
  expect(received[0].body).toEqual([expect.objectContaining({ name: "capture/request.recorded", data: { captureIds: ["c1", "c2"] } })]);
  await expect(sendEvent("capture/request.recorded", { captureIds: [] })).rejects.toThrow();
  registerInProcessDispatcher(undefined);
});
