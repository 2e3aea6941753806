import { Card } from "@/components/ui/card";

/** How a receiver checks a message: the Standard Webhooks headers and a verify call. */
export function WebhookSigningHelp() {
  return (
    <aside aria-labelledby="signing-help-heading" className="lg:sticky lg:top-20 lg:self-start">
      <Card className="p-5 text-sm leading-relaxed text-slate-600">
        <h2 id="signing-help-heading" className="text-sm font-semibold text-slate-900">
          Checking a message
        </h2>
        <p className="mt-2">
          Messages follow <a className="text-indigo-700 underline hover:text-indigo-900" href="https://www.standardwebhooks.com/" rel="noreferrer">Standard Webhooks</a>: a JSON body{" "}
          <code className="font-mono text-xs">{"{type, timestamp, data}"}</code> and three headers.
        </p>
        <dl className="mt-3 space-y-2 text-xs">
          <div>
            <dt className="font-mono font-medium text-slate-800">webhook-id</dt>
            <dd>The delivery’s id, the same on every retry and replay: ignore one you have handled.</dd>
          </div>
          <div>
            <dt className="font-mono font-medium text-slate-800">webhook-timestamp</dt>
            <dd>When this attempt was signed, in Unix seconds.</dd>
          </div>
          <div>
            <dt className="font-mono font-medium text-slate-800">webhook-signature</dt>
            <dd>
              <code className="font-mono">v1,</code> and the base64 HMAC-SHA256 of <code className="font-mono">id.timestamp.body</code> with your secret.
            </dd>
          </div>
        </dl>
        <pre className="mt-3 overflow-x-auto rounded-lg bg-slate-900 p-3 font-mono text-[11px] leading-relaxed text-slate-100">
          {`import { Webhook } from
  "standardwebhooks";

const wh = new Webhook(secret);
// rawBody: exactly as received
const event =
  wh.verify(rawBody, headers);`}
        </pre>
        <p className="mt-3 text-xs">
          Answer with a 2xx within 10 seconds. Anything else is retried with growing delays (30 s, 2 min, 8 min, … up to 8 h) for about 19 hours, 8 attempts in all; then the delivery is
          failed and you can replay it. Redirects are not followed.
        </p>
      </Card>
    </aside>
  );
}
