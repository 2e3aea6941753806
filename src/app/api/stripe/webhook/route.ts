// Stripe webhooks: the raw body is verified against STRIPE_WEBHOOK_SECRET before anything is read or stored.
import { env } from "@/env";
import { getDb } from "@/server/db/client";
import { receiveStripeWebhook } from "@/server/domain/marketplace/stripe-webhook";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  const reply = await receiveStripeWebhook(getDb(), {
    payload: await req.text(),
    signature: req.headers.get("stripe-signature"),
    secret: env.STRIPE_WEBHOOK_SECRET,
  });
  return Response.json(reply.body, { status: reply.status });
}
