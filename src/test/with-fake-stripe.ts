// A Stripe-compatible fake for one test file: started before its tests, the SDK pointed at it (a
// test key and STRIPE_API_URL) before each test, stopped after; `webhook` delivers an event exactly
// as the route does, signed unless a signature is given.
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { Db } from "@/server/db/prisma";
import { receiveStripeWebhook } from "@/server/domain/marketplace/stripe-webhook";
import { startFakeStripe, type FakeStripe } from "./fake-stripe";

export function withFakeStripe(t: { db: Db }, secret = "whsec_test_fake_stripe_secret") {
  let running: FakeStripe | undefined;
  beforeAll(async () => {
    running = await startFakeStripe({ webhookSecret: secret });
  });
  afterAll(async () => {
    await running?.close();
    delete process.env.STRIPE_SECRET_KEY;
    delete process.env.STRIPE_API_URL;
  });
  beforeEach(() => {
    process.env.STRIPE_SECRET_KEY = "sk_test_fake_stripe";
    process.env.STRIPE_API_URL = running!.url;
  });
  const fake = {
    secret,
    get stripe(): FakeStripe {
      if (!running) throw new Error("the fake Stripe starts in beforeAll");
      return running;
    },
    async webhook(event: object, signature?: string) {
      const payload = JSON.stringify(event);
      return receiveStripeWebhook(t.db, { payload, signature: signature ?? fake.stripe.sign(payload), secret });
    },
  };
  return fake;
}
