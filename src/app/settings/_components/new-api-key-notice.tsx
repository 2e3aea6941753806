"use client";
import { DateTime } from "@/components/ui/date-time";
import { formatDateTime } from "@/components/ui/format-date";
import { OneTimeSecretField } from "@/components/ui/one-time-secret-field";

/** A key just created or issued by a rotation: shown once, with what happens to the key it replaced. */
export function NewApiKeyNotice({ name, apiKey, replaced, onDone }: { name: string; apiKey: string; replaced?: { prefix: string; worksUntil: Date }; onDone: () => void }) {
  return (
    <div className="rounded-xl border-2 border-amber-300 bg-amber-50 p-5 sm:p-6" role="region" aria-label="New API key">
      <h3 className="text-sm font-semibold text-amber-950">{replaced ? `Key “${name}” rotated` : `Key “${name}” created`}</h3>
      <p className="mt-1 text-sm text-amber-900">
        <strong>Copy it now. It won’t be shown again</strong> — we only keep a hash of it. If you lose it, revoke it and create another.
      </p>
      {replaced ? (
        <p className="mt-2 text-sm text-amber-900">
          The old key <span className="font-mono">{replaced.prefix}…</span> keeps working until <DateTime value={replaced.worksUntil} format={formatDateTime} />: switch your scripts over before then.
        </p>
      ) : null}
      <OneTimeSecretField id="api-key-value" label="Your new API key" value={apiKey} onDone={onDone} />
    </div>
  );
}
