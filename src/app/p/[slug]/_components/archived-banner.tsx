"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { formatDate } from "@/components/ui/format-date";
import { useTRPC } from "@/trpc/react";

/** Shown on an archived prompt's page (only its owner and licensees can open it); the owner can restore it here. */
export function ArchivedBanner({ promptId, archivedAt, isOwner }: { promptId: string; archivedAt: Date; isOwner: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const restore = useMutation(trpc.prompt.restore.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div role="status" className="mb-6 flex flex-col gap-3 rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900 sm:flex-row sm:items-center sm:justify-between">
      <div>
        <p className="font-semibold">Archived on {formatDate(archivedAt)}</p>
        <p className="mt-0.5">
          {isOwner
            ? "It no longer appears in search, on your profile, in feeds or in the Market, and nobody can buy it. Only you and its licensees can open this page."
            : "Its author archived it: it is no longer listed or sold. Your license still gives you its text."}
        </p>
        {restore.error ? <p className="mt-1 text-rose-700">Could not restore: {restore.error.message}</p> : null}
      </div>
      {isOwner ? (
        <Button variant="secondary" className="shrink-0 self-start sm:self-auto" onClick={() => restore.mutate({ promptId })} disabled={restore.isPending}>
          {restore.isPending ? "Restoring…" : "Restore"}
        </Button>
      ) : null}
    </div>
  );
}
