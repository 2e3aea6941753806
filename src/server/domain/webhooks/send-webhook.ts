// One signed POST of a webhook payload (Standard Webhooks: webhook-id, webhook-timestamp,
// webhook-signature "v1,<base64 HMAC-SHA256>"). Redirects are not followed (a 3xx is a failure: a
// redirect could lead inside the network), the connection goes only to addresses url-safety
// checked, and the whole exchange has a deadline. Never throws: the outcome says what happened.
import "server-only";
import http from "node:http";
import https from "node:https";
import { Webhook } from "standardwebhooks";
import { guardedLookup, parseWebhookUrl, privateUrlsAllowed, urlRefusal } from "./url-safety";

export const WEBHOOK_TIMEOUT_MS = 10_000;
/** How much of a receiver's response is read (and dropped): enough to finish the exchange, no more. */
const MAX_RESPONSE_BYTES = 64 * 1024;

/** `permanent`: a failure no retry can cure (a URL that is invalid or resolves to a private address while those are not allowed). */
export type SendOutcome = { ok: boolean; statusCode: number | null; responseMs: number; error: string | null; permanent?: boolean };

export type SendWebhookInput = { url: string; secret: string; messageId: string; body: string; timestamp?: Date; timeoutMs?: number; allowPrivate?: boolean };

export function signatureHeaders(secret: string, messageId: string, timestamp: Date, body: string): Record<string, string> {
  return {
    "webhook-id": messageId,
    "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(messageId, timestamp, body),
  };
}

export async function sendWebhook(input: SendWebhookInput): Promise<SendOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const allowPrivate = input.allowPrivate ?? privateUrlsAllowed();
  const url = parseWebhookUrl(input.url);
  if (!(url instanceof URL)) return { ok: false, statusCode: null, responseMs: 0, error: `url ${url.problem}`, permanent: true };
  // IP literals never reach the lookup below; names are checked again on the addresses connected to.
  const refusal = await urlRefusal(url, allowPrivate);
  // A host that does not resolve may come back; one resolving to a private address is refused for good.
  if (refusal) return { ok: false, statusCode: null, responseMs: elapsed(), error: `refused: ${refusal}`, permanent: !refusal.endsWith("does not resolve") };
  const timestamp = input.timestamp ?? new Date();
  const headers = {
    "content-type": "application/json",
    "user-agent": "Promptuary-Webhooks/1",
    ...signatureHeaders(input.secret, input.messageId, timestamp, input.body),
  };
  return new Promise<SendOutcome>((resolve) => {
    let settled = false;
    const finish = (outcome: Omit<SendOutcome, "responseMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve({ ...outcome, responseMs: elapsed() });
    };
    const request = (url.protocol === "https:" ? https : http).request(
      url,
      { method: "POST", headers: { ...headers, "content-length": Buffer.byteLength(input.body) }, lookup: guardedLookup(allowPrivate), agent: false },
      (response) => {
        const statusCode = response.statusCode ?? 0;
        let read = 0;
        response.on("data", (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_RESPONSE_BYTES) response.destroy();
        });
        const done = () => {
          const ok = statusCode >= 200 && statusCode < 300;
          finish({ ok, statusCode, error: ok ? null : statusCode >= 300 && statusCode < 400 ? `redirect (${statusCode}) not followed` : `HTTP ${statusCode}` });
        };
        response.on("end", done);
        response.on("close", done);
        response.on("error", done);
      },
    );
    const deadline = setTimeout(() => {
      request.destroy();
      finish({ ok: false, statusCode: null, error: `timed out after ${input.timeoutMs ?? WEBHOOK_TIMEOUT_MS} ms` });
    }, input.timeoutMs ?? WEBHOOK_TIMEOUT_MS);
    request.on("error", (error: NodeJS.ErrnoException) => {
      const isPrivate = error.code === "EWEBHOOKPRIVATE";
      finish({ ok: false, statusCode: null, error: isPrivate ? error.message : `${error.code ?? "error"}: ${error.message}`.slice(0, 500), permanent: isPrivate });
    });
    request.end(input.body);
  });
}
