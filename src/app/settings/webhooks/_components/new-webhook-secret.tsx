"use client";
import { OneTimeSecretField } from "@/components/ui/one-time-secret-field";

/** The signing secret of a webhook just added: shown once, never again. */
export function NewWebhookSecret({ url, secret, onDone }: { url: string; secret: string; onDone: () => void }) {
  return (
    <div className="rounded-xl border-2 border-amber-300 bg-amber-50 p-5 sm:p-6" role="region" aria-label="New webhook secret">
      <h2 className="text-sm font-semibold text-amber-950">Webhook added</h2>
      <p className="mt-1 text-sm break-all text-amber-900">
        Messages to <span className="font-mono">{url}</span> are signed with this secret.
      </p>
      <p className="mt-1 text-sm text-amber-900">
        <strong>Copy it now. It won’t be shown again.</strong> If you lose it, delete the webhook and add it again.
      </p>
      <OneTimeSecretField id="webhook-secret-value" label="Signing secret" value={secret} onDone={onDone} />
    </div>
  );
}
