"use client";
// "Re-cluster now" on the Templates page: starts (or joins) the owner's re-cluster job, shows its
// progress by polling template.job, and reloads the page's data when it ends.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { TimeAgo } from "@/components/ui/date-time";
import { LayersIcon } from "@/components/ui/icons";
import { useTRPC } from "@/trpc/react";

export type ReclusterJobSummary = { id: string; status: string; done: number; total: number; finishedAt: Date | null; error: string | null };

const POLL_MS = 1000;
const live = (status: string | undefined) => status === "queued" || status === "running";

export function ReclusterButton({ latestJob }: { latestJob: ReclusterJobSummary | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  // A job still going when the page loaded is followed as if this button had started it.
  const [jobId, setJobId] = useState<string | null>(live(latestJob?.status) ? latestJob!.id : null);
  const start = useMutation(trpc.template.recluster.mutationOptions({ onSuccess: ({ jobId }) => setJobId(jobId) }));
  const job = useQuery({
    ...trpc.template.job.queryOptions({ jobId: jobId ?? "" }),
    enabled: jobId !== null,
    staleTime: 0,
    refetchInterval: (q) => (!q.state.data || live(q.state.data.status) ? POLL_MS : false),
  });
  const status = job.data?.status ?? (jobId ? "queued" : undefined);
  const running = start.isPending || live(status);

  // When the followed job ends, the list behind it changed: load it again, once.
  const refreshedFor = useRef<string | null>(null);
  useEffect(() => {
    if (jobId && job.data && !live(job.data.status) && refreshedFor.current !== jobId) {
      refreshedFor.current = jobId;
      router.refresh();
    }
  }, [jobId, job.data, router]);

  const done = job.data?.done ?? 0;
  const total = job.data?.total ?? 0;
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  const finished = jobId && job.data?.status === "done";
  const failed = job.data?.status === "failed" ? job.data.error : !jobId && latestJob?.status === "failed" ? latestJob.error : null;

  return (
    <div className="flex w-full flex-col items-stretch gap-2 sm:w-auto sm:items-end">
      <Button variant="secondary" onClick={() => start.mutate()} disabled={running}>
        <LayersIcon />
        {running ? "Re-clustering…" : "Re-cluster now"}
      </Button>
      <div aria-live="polite" className="text-xs text-slate-500 sm:text-right">
        {running ? (
          <div className="flex items-center gap-2">
            <span
              role="progressbar"
              aria-label="Re-clustering progress"
              aria-valuemin={0}
              aria-valuemax={total || undefined}
              aria-valuenow={total ? done : undefined}
              className="block h-1.5 w-40 overflow-hidden rounded-full bg-slate-200"
            >
              <span className={`block h-full rounded-full bg-indigo-500 transition-[width] ${total ? "" : "w-1/3 animate-pulse"}`} style={total ? { width: `${Math.max(percent, 3)}%` } : undefined} />
            </span>
            <span className="tabular-nums">{total ? `${done} / ${total} calls` : status === "running" ? "Reading calls…" : "Queued…"}</span>
          </div>
        ) : failed ? (
          <span role="alert" className="text-rose-600">
            Re-clustering failed: {failed}
          </span>
        ) : finished ? (
          <span>Re-clustered just now.</span>
        ) : latestJob?.finishedAt ? (
          <span>
            Last re-clustered <TimeAgo value={latestJob.finishedAt} />.
          </span>
        ) : (
          <span>Templates are also found on a schedule.</span>
        )}
        {start.error ? (
          <span role="alert" className="block text-rose-600">
            Could not start: {start.error.message}
          </span>
        ) : null}
      </div>
    </div>
  );
}
