"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Badge } from "@/components/ui/card";
import { TimeAgo } from "@/components/ui/date-time";
import { formatInteger } from "@/components/ui/format-number";
import { useTRPC } from "@/trpc/react";

/** The viewer's batches of one version, newest first, each linking to its page (progress, matrix, CSV). */
export function BatchLinks({ versionId }: { versionId: string }) {
  const trpc = useTRPC();
  const list = useQuery(trpc.harness.batchList.queryOptions({ versionId }));
  if (list.error) return <p role="alert" className="text-sm text-rose-700">Could not load your batches: {list.error.message}</p>;
  if (!list.data?.length) return null;
  return (
    <ul className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white" aria-label="Your batches of this version">
      {list.data.map((b) => {
        const finished = b.done + b.errored;
        return (
          <li key={b.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-3 py-2.5 text-sm">
            <div className="min-w-0">
              <Link href={`/harness/batches/${b.id}`} className="font-medium text-indigo-700 underline-offset-2 hover:underline">
                {formatInteger(b.rowCount)} rows × {b.models.length} model{b.models.length === 1 ? "" : "s"}
              </Link>{" "}
              <span className="text-xs text-slate-500">
                <TimeAgo value={b.createdAt} />
              </span>
              <p className="truncate font-mono text-xs text-slate-500">{b.models.map((m) => m.model).join(" · ")}</p>
            </div>
            <div className="flex items-center gap-2 text-xs text-slate-600">
              <span>
                {formatInteger(finished)}/{formatInteger(b.cellCount)} cells
              </span>
              <Badge tone={b.status === "done" ? "emerald" : b.status === "cancelled" || b.status === "failed" ? "rose" : "indigo"}>{b.status}</Badge>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
