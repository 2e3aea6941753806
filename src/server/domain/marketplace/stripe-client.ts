// The Stripe SDK, configured from the environment. STRIPE_API_URL points it at another server
// (host, port, protocol) — tests use a Stripe-compatible fake on loopback.
import Stripe from "stripe";
import { env } from "@/env";
import { DomainError } from "../errors";

export const STRIPE_SETUP_HINT =
  "Paid checkout is disabled: set STRIPE_SECRET_KEY (and STRIPE_WEBHOOK_SECRET for the webhook at /api/stripe/webhook) and restart Promptuary. Free listings work without Stripe.";

export class CheckoutDisabledError extends DomainError {
  constructor() {
    super(STRIPE_SETUP_HINT, 412);
  }
}

let cached: { key: string; url: string | undefined; client: Stripe } | null = null;

export const stripeConfigured = () => Boolean(env.STRIPE_SECRET_KEY);

/** The configured client; throws CheckoutDisabledError when Stripe is not set up. */
export function getStripe(): Stripe {
  const key = env.STRIPE_SECRET_KEY;
  if (!key) throw new CheckoutDisabledError();
  const url = env.STRIPE_API_URL;
  if (cached && cached.key === key && cached.url === url) return cached.client;
  const target = url ? new URL(url) : null;
  const client = new Stripe(key, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    appInfo: { name: "Promptuary" },
    ...(target
      ? {
          host: target.hostname,
          port: target.port || (target.protocol === "http:" ? 80 : 443),
          protocol: target.protocol === "http:" ? "http" : "https",
        }
      : {}),
  });
  cached = { key, url, client };
  return client;
}

/** Verifies a webhook's signature, then parses it; the error says which of the two failed. */
export function verifyWebhook(payload: string, signature: string, secret: string): { event: Stripe.Event } | { error: string } {
  try {
    // Any Stripe instance can verify; it needs no API key.
    Stripe.webhooks.signature!.verifyHeader(payload, signature, secret);
  } catch {
    return { error: "Invalid Stripe-Signature: the payload was not signed with this endpoint's secret, or the timestamp is too old." };
  }
  try {
    return { event: JSON.parse(payload) as Stripe.Event };
  } catch {
    return { error: "The payload is not JSON." };
  }
}
