"use client";
// A secret shown once (a new API key, a webhook's signing secret): selected on focus, with Copy and
// Done. The notice around it says what it is and that it will not be shown again.
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";

export function OneTimeSecretField({ id, label, value, onDone }: { id: string; label: string; value: string; onDone: () => void }) {
  return (
    <div className="mt-4 flex flex-col gap-2 sm:flex-row">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        id={id}
        readOnly
        autoFocus
        value={value}
        onFocus={(e) => e.currentTarget.select()}
        className="block w-full min-w-0 rounded-md border-0 bg-white px-3 py-2 font-mono text-sm text-slate-900 ring-1 ring-inset ring-amber-300 focus:ring-2 focus:ring-indigo-600"
      />
      <div className="flex gap-2">
        <CopyButton text={value} label="Copy" variant="primary" size="md" />
        <Button variant="ghost" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}
