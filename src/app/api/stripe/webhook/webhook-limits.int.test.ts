// POST /api/stripe/webhook (the route handler itself, on a test database) checks the configuration
// and the Stripe-Signature header before reading the body, reads at most MAX_WEBHOOK_BYTES, and
// answers 413 past that without pulling the rest of the stream.
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST } from "./route";
import { replaceSingleton } from "@/server/process-singleton";
import { setUpTestDatabase } from "@/test/set-up-test-database";
import { MAX_WEBHOOK_BYTES, receiveStripeWebhook } from "@/server/domain/marketplace/stripe-webhook";

const t = setUpTestDatabase();
const SECRET = "whsec_test_webhook_limits";
const CHUNK = 64 * 1024;

beforeAll(() => {
  // The route asks getDb() for the database: this file's test database.
  replaceSingleton("db", t.db);
});
afterAll(() => {
  replaceSingleton("db", undefined);
  delete process.env.STRIPE_WEBHOOK_SECRET;
});
beforeEach(() => {
  process.env.STRIPE_WEBHOOK_SECRET = SECRET;
});

/** A body that never ends, counting what the handler pulls from it. */
function endlessBody() {
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      counter.pulled += CHUNK;
      controller.enqueue(new Uint8Array(CHUNK).fill(0x7b));
    },
  });
  return { stream, counter };
}

function webhookRequest(body: BodyInit | ReadableStream<Uint8Array>, headers: Record<string, string>) {
  return new Request("http://localhost/api/stripe/webhook", { method: "POST", headers: { "content-type": "application/json", ...headers }, body, duplex: "half" } as RequestInit);
}

const sign = (payload: string) => Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });

describe("POST /api/stripe/webhook", () => {
  it("answers 503 when not configured, without reading the body", async () => {
    delete process.env.STRIPE_WEBHOOK_SECRET;
    const { stream, counter } = endlessBody();
    const res = await POST(webhookRequest(stream, { "stripe-signature": "t=1,v1=x" }));
    expect(res.status).toBe(503);
    expect(counter.pulled).toBeLessThanOrEqual(CHUNK); // a stream may fill its queue once on creation; nothing is read
    expect(res.headers.get("connection")).toBe("close");
  });

  it("answers an unsigned request 400 before reading its body", async () => {
    const { stream, counter } = endlessBody();
    const res = await POST(webhookRequest(stream, {}));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "Missing Stripe-Signature header." });
    expect(counter.pulled).toBeLessThanOrEqual(CHUNK);
  });

  it("answers a body past the cap 413 after reading at most the cap (streamed, no length)", async () => {
    const { stream, counter } = endlessBody();
    const res = await POST(webhookRequest(stream, { "stripe-signature": "t=1,v1=whatever" }));
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: expect.stringMatching(/larger than 1 MB/) });
    expect(counter.pulled).toBeGreaterThan(MAX_WEBHOOK_BYTES);
    expect(counter.pulled).toBeLessThanOrEqual(MAX_WEBHOOK_BYTES + 2 * CHUNK);
    expect(res.headers.get("connection")).toBe("close");
  });

  it("answers a declared 600 MB body 413 without reading any of it", async () => {
    const { stream, counter } = endlessBody();
    const res = await POST(webhookRequest(stream, { "stripe-signature": "t=1,v1=whatever", "content-length": String(600 * 1024 * 1024) }));
    expect(res.status).toBe(413);
    expect(counter.pulled).toBeLessThanOrEqual(CHUNK);
  });

  it("still verifies and applies a signed event under the cap", async () => {
    const payload = JSON.stringify({ id: "evt_limits_1", object: "event", type: "customer.created", data: { object: { id: "cus_1", object: "customer" } } });
    const res = await POST(webhookRequest(payload, { "stripe-signature": sign(payload) }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ received: true, id: "evt_limits_1", type: "customer.created" });
    expect(res.headers.get("connection")).toBeNull();
    // A bad signature is still a 400 after reading.
    const forged = await POST(webhookRequest(payload, { "stripe-signature": sign(`${payload} `) }));
    expect(forged.status).toBe(400);
  });
});

describe("receiveStripeWebhook (the decider)", () => {
  it("applies the same cap to a payload given as a string", async () => {
    const payload = JSON.stringify({ id: "evt_big", type: "customer.created", data: { object: { pad: "x".repeat(MAX_WEBHOOK_BYTES) } } });
    expect(await receiveStripeWebhook(t.db, { payload, signature: sign(payload), secret: SECRET })).toMatchObject({ status: 413 });
  });

  it("asks for the body only once the configuration and the signature header are there", async () => {
    let asked = 0;
    const payload = async () => {
      asked++;
      return { text: "{}" };
    };
    expect((await receiveStripeWebhook(t.db, { payload, signature: "t=1,v1=x", secret: undefined })).status).toBe(503);
    expect((await receiveStripeWebhook(t.db, { payload, signature: null, secret: SECRET })).status).toBe(400);
    expect(asked).toBe(0);
    expect((await receiveStripeWebhook(t.db, { payload, signature: "t=1,v1=x", secret: SECRET })).status).toBe(400);
    expect(asked).toBe(1);
  });
});
