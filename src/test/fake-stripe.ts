// A Stripe-compatible stand-in on loopback for tests: the real `stripe` SDK creates Checkout Sessions
// against it (STRIPE_API_URL), and its hosted "checkout page" (GET /pay/:id) completes the payment the
// way Stripe does — it delivers a signed checkout.session.completed webhook to the app, then redirects
// the browser to the session's success_url. Refunds send a signed charge.refunded.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import Stripe from "stripe";

type FormValue = string | FormObject | FormValue[];
type FormObject = { [key: string]: FormValue };

/** Decodes Stripe's form encoding (a[b][0][c]=1) into nested objects and arrays. */
export function decodeStripeForm(body: string): FormObject {
  const root: FormObject = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.replace(/\]/g, "").split("[");
    let node: FormObject = root;
    path.forEach((part, i) => {
      if (i === path.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as FormObject;
    });
  }
  const arrays = (v: FormValue): FormValue => {
    if (typeof v === "string" || Array.isArray(v)) return v;
    const keys = Object.keys(v);
    if (keys.length && keys.every((k, i) => String(i) === k)) return keys.map((k) => arrays(v[k]));
    return Object.fromEntries(keys.map((k) => [k, arrays(v[k])]));
  };
  return arrays(root) as FormObject;
}

export type FakeSession = {
  id: string;
  object: "checkout.session";
  mode: string;
  status: "open" | "complete" | "expired";
  payment_status: "unpaid" | "paid";
  url: string;
  success_url: string;
  cancel_url: string;
  amount_total: number;
  currency: string;
  metadata: Record<string, string>;
  client_reference_id: string | null;
  payment_intent: string | null;
  created: number;
};

export type FakeStripeOptions = { port?: number; webhookUrl?: string; webhookSecret: string };

const id = (prefix: string) => `${prefix}_test_${randomBytes(12).toString("hex")}`;

export async function startFakeStripe(options: FakeStripeOptions) {
  const sessions = new Map<string, FakeSession>();
  const createRequests: { headers: Record<string, string | string[] | undefined>; params: FormObject }[] = [];
  const delivered: { type: string; status: number }[] = [];
  const refundRequests: FormObject[] = [];
  let base = "";

  function event(type: string, object: object) {
    return { id: id("evt"), object: "event", api_version: "2026-01-28.clover", created: Math.floor(Date.now() / 1000), livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null }, type, data: { object } };
  }
  /** Signs an event with the webhook secret, as Stripe does. */
  function sign(payload: string, secret = options.webhookSecret) {
    return Stripe.webhooks.generateTestHeaderString({ payload, secret });
  }
  async function deliver(evt: object) {
    if (!options.webhookUrl) throw new Error("fake Stripe has no webhookUrl to deliver to");
    const payload = JSON.stringify(evt);
    const res = await fetch(options.webhookUrl, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": sign(payload) }, body: payload });
    delivered.push({ type: (evt as { type: string }).type, status: res.status });
    return res;
  }
  function complete(sessionId: string) {
    const s = sessions.get(sessionId);
    if (!s) throw new Error(`no session ${sessionId}`);
    s.status = "complete";
    s.payment_status = "paid";
    s.payment_intent ??= id("pi");
    return event("checkout.session.completed", { ...s });
  }
  function refund(sessionId: string, amount?: number) {
    const s = sessions.get(sessionId);
    if (!s?.payment_intent) throw new Error(`session ${sessionId} is not paid`);
    const refunded = amount ?? s.amount_total;
    return event("charge.refunded", {
      id: id("ch"), object: "charge", amount: s.amount_total, amount_refunded: refunded, refunded: refunded >= s.amount_total,
      currency: s.currency, payment_intent: s.payment_intent, paid: true, status: "succeeded", metadata: {},
    });
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const url = new URL(req.url ?? "/", base);
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json", "request-id": id("req") });
        res.end(JSON.stringify(body));
      };
      if (req.method === "POST" && url.pathname === "/v1/checkout/sessions") {
        if (!String(req.headers.authorization ?? "").startsWith("Bearer sk_")) return json(401, { error: { type: "invalid_request_error", message: "Invalid API Key provided" } });
        const params = decodeStripeForm(Buffer.concat(chunks).toString("utf8"));
        createRequests.push({ headers: req.headers, params });
        const items = (params.line_items ?? []) as FormObject[];
        const price = (items[0]?.price_data ?? {}) as FormObject;
        const quantity = Number(items[0]?.quantity ?? 1);
        const session: FakeSession = {
          id: id("cs"),
          object: "checkout.session",
          mode: String(params.mode),
          status: "open",
          payment_status: "unpaid",
          url: "",
          success_url: String(params.success_url),
          cancel_url: String(params.cancel_url),
          amount_total: Number(price.unit_amount ?? 0) * quantity,
          currency: String(price.currency ?? "usd"),
          metadata: (params.metadata ?? {}) as Record<string, string>,
          client_reference_id: (params.client_reference_id as string) ?? null,
          payment_intent: null,
          created: Math.floor(Date.now() / 1000),
        };
        session.url = `${base}/pay/${session.id}`;
        sessions.set(session.id, session);
        return json(200, session);
      }
      const get = url.pathname.match(/^\/v1\/checkout\/sessions\/([^/]+)$/);
      if (req.method === "GET" && get) {
        const s = sessions.get(get[1]);
        return s ? json(200, s) : json(404, { error: { type: "invalid_request_error", message: `No such checkout.session: '${get[1]}'` } });
      }
      if (req.method === "POST" && url.pathname === "/v1/refunds") {
        const params = decodeStripeForm(Buffer.concat(chunks).toString("utf8"));
        refundRequests.push(params);
        const session = [...sessions.values()].find((x) => x.payment_intent === params.payment_intent);
        if (!session) return json(404, { error: { type: "invalid_request_error", message: `No such payment_intent: '${String(params.payment_intent)}'` } });
        return json(200, { id: id("re"), object: "refund", amount: session.amount_total, currency: session.currency, payment_intent: session.payment_intent, reason: params.reason ?? null, status: "succeeded" });
      }
      // The hosted checkout page: "pay", tell the app, and send the buyer back.
      const pay = url.pathname.match(/^\/pay\/([^/]+)$/);
      if (req.method === "GET" && pay && sessions.has(pay[1])) {
        const s = sessions.get(pay[1])!;
        if (s.status === "open") await deliver(complete(s.id));
        res.writeHead(303, { location: s.success_url.replace("{CHECKOUT_SESSION_ID}", s.id) });
        return res.end();
      }
      json(404, { error: { type: "invalid_request_error", message: `Unrecognized request URL (${req.method}: ${url.pathname})` } });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    sessions,
    createRequests,
    refundRequests,
    delivered,
    event,
    sign,
    complete,
    refund,
    deliver,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakeStripe = Awaited<ReturnType<typeof startFakeStripe>>;
