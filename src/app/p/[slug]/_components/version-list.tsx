"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { DateTime } from "@/components/ui/date-time";
import { LabelBadge } from "@/components/prompts/label-badges";
import type { VersionData } from "@/components/prompts/types";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";

/** Newest first. Each row can be viewed; the owner can point `production` at it. */
export function VersionList({
  versions,
  selectedNumber,
  isOwner,
  onView,
}: {
  versions: VersionData[];
  selectedNumber: number;
  isOwner: boolean;
  onView: (number: number) => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [notice, setNotice] = useState<string | null>(null);
  const promote = useMutation(
    trpc.version.promote.mutationOptions({
      onSuccess: (r) => {
        setNotice(`v${r.number} is now in production.`);
        router.refresh();
      },
    }),
  );

  return (
    <div className="mt-3">
      <p aria-live="polite" className="empty:hidden mb-3 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-200">
        {notice}
      </p>
      {promote.error ? (
        <p role="alert" className="mb-3 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-inset ring-rose-200">
          Could not promote: {promote.error.message}
        </p>
      ) : null}
      <ol className="divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs" aria-label="Versions, newest first">
        {versions.map((v) => {
          const viewing = v.number === selectedNumber;
          const inProduction = v.labels.includes("production");
          const promoting = promote.isPending && promote.variables?.versionId === v.id;
          return (
            <li key={v.id} className={`flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-center ${viewing ? "bg-indigo-50/50" : ""}`} aria-current={viewing ? "true" : undefined}>
              <div className="flex min-w-0 flex-1 items-start gap-3">
                <span className={`mt-0.5 inline-flex h-7 min-w-10 shrink-0 items-center justify-center rounded-md px-1.5 font-mono text-sm font-semibold ${viewing ? "bg-indigo-600 text-white" : "bg-slate-100 text-slate-700"}`}>
                  v{v.number}
                </span>
                <div className="min-w-0">
                  <div className="flex flex-wrap items-center gap-2">
                    <p className={`text-sm ${v.changelog ? "text-slate-900" : "italic text-slate-400"}`}>{v.changelog || "No changelog"}</p>
                    {v.labels.map((l) => (
                      <LabelBadge key={l} name={l} />
                    ))}
                  </div>
                  <p className="mt-1 flex items-center gap-1.5 text-xs text-slate-500">
                    <Avatar name={v.author.name} handle={v.author.handle} image={v.author.image} size={16} />
                    @{v.author.handle} · <DateTime value={v.createdAt} />
                  </p>
                </div>
              </div>
              <div className="flex shrink-0 items-center gap-2 pl-[3.25rem] sm:pl-0">
                {viewing ? (
                  <span className="px-2.5 text-xs font-medium text-indigo-700">Viewing</span>
                ) : (
                  <Button size="sm" variant="ghost" onClick={() => onView(v.number)}>
                    View<span className="sr-only"> v{v.number}</span>
                  </Button>
                )}
                {isOwner && !inProduction ? (
                  <Button size="sm" variant="secondary" disabled={promote.isPending} onClick={() => promote.mutate({ versionId: v.id, label: "production" })}>
                    {promoting ? "Promoting…" : "Promote to production"}
                    <span className="sr-only"> (v{v.number})</span>
                  </Button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
