// Stripe webhooks: configuration and signature header first, then at most 1 MB of the raw body,
// verified against STRIPE_WEBHOOK_SECRET before anything is stored (src/server/domain/marketplace/stripe-webhook.ts decides).
import { env } from "@/env";
import { getDb } from "@/server/db/client";
import { receiveStripeWebhook } from "@/server/domain/marketplace/stripe-webhook";
import { readCappedText } from "@/server/http/capped-body";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  let bodyRead = false;
  const reply = await receiveStripeWebhook(getDb(), {
    payload: async (maxBytes) => {
      const read = await readCappedText(req, maxBytes);
      bodyRead = "text" in read;
      return read;
    },
    signature: req.headers.get("stripe-signature"),
    secret: env.STRIPE_WEBHOOK_SECRET,
  });
  // A body refused unread (or only partly read) is not drained: the connection closes instead.
  return Response.json(reply.body, { status: reply.status, headers: bodyRead ? undefined : { connection: "close" } });
}
