"use client";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";

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
      <div className="mt-4 flex flex-col gap-2 sm:flex-row">
        <label htmlFor="webhook-secret-value" className="sr-only">
          Signing secret
        </label>
        <input
          id="webhook-secret-value"
          readOnly
          autoFocus
          value={secret}
          onFocus={(e) => e.currentTarget.select()}
          className="block w-full min-w-0 rounded-md border-0 bg-white px-3 py-2 font-mono text-sm text-slate-900 ring-1 ring-inset ring-amber-300 focus:ring-2 focus:ring-indigo-600"
        />
        <div className="flex gap-2">
          <CopyButton text={secret} label="Copy" variant="primary" size="md" />
          <Button variant="ghost" onClick={onDone}>
            Done
          </Button>
        </div>
      </div>
    </div>
  );
}
