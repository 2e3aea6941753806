import { CopyButton } from "@/components/ui/copy-button";

/** A one-line example of calling the API with a key. */
export function ApiUsage({ origin }: { origin: string }) {
  const snippet = `curl -H "Authorization: Bearer pq_…" "${origin}/api/trpc/user.me"`;
  return (
    <div className="overflow-hidden rounded-xl border border-slate-800 bg-slate-900">
      <div className="flex items-center justify-between gap-3 border-b border-slate-800 px-4 py-2">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-400">Use the API</h3>
        <CopyButton text={snippet} onDark label="Copy command" />
      </div>
      <pre className="whitespace-pre-wrap break-all px-4 py-3 font-mono text-[13px] leading-6 text-slate-100">
        <code>{snippet}</code>
      </pre>
      <p className="border-t border-slate-800 px-4 py-2.5 text-xs text-slate-400">
        Replace <code className="font-mono text-slate-200">pq_…</code> with your key. Every tRPC procedure works this way: queries with GET, mutations
        with POST.
      </p>
    </div>
  );
}
