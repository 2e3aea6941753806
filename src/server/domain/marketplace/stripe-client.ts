// The Stripe SDK, configured from the environment. STRIPE_API_URL points it at another server
// (host, port, protocol) — tests use a Stripe-compatible fake on loopback.
import Stripe from "stripe";
import { env } from "@/env";
import { DomainError } from "../errors";

/** For operators (the start-up log, admins): how to turn payments on. */
export const STRIPE_SETUP_HINT =
  "Paid checkout is disabled: set STRIPE_SECRET_KEY (and STRIPE_WEBHOOK_SECRET for the webhook at /api/stripe/webhook) and restart Promptuary. Free listings work without Stripe.";

/** For buyers: a plain sentence, no operator instructions. */
export const PAYMENTS_UNAVAILABLE = "Paid prompts can't be bought on this Promptuary instance: it does not take payments. Free prompts can still be claimed.";

/** For sellers, before they save: what a paid listing can and cannot do here. */
export const PAID_LISTING_UNAVAILABLE =
  "This Promptuary instance does not take payments, so a paid listing cannot go on sale here: keep it as a draft, or set the price to 0 to give it away (free listings work).";

export class CheckoutDisabledError extends DomainError {
  constructor() {
    super(PAYMENTS_UNAVAILABLE, 412);
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
