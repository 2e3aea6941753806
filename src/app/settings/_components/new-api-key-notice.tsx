"use client";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { DateTime } from "@/components/ui/date-time";
import { formatDateTime } from "@/components/ui/format-date";

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
      <div className="mt-4 flex flex-col gap-2 sm:flex-row">
        <label htmlFor="api-key-value" className="sr-only">
          Your new API key
        </label>
        <input
          id="api-key-value"
          readOnly
          autoFocus
          value={apiKey}
          onFocus={(e) => e.currentTarget.select()}
          className="block w-full min-w-0 rounded-md border-0 bg-white px-3 py-2 font-mono text-sm text-slate-900 ring-1 ring-inset ring-amber-300 focus:ring-2 focus:ring-indigo-600"
        />
        <div className="flex gap-2">
          <CopyButton text={apiKey} label="Copy" variant="primary" size="md" />
          <Button variant="ghost" onClick={onDone}>
            Done
          </Button>
        </div>
      </div>
    </div>
  );
}
