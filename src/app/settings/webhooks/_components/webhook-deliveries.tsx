"use client";
// An endpoint's delivery log, newest first: event, when, status, attempts, the last answer and its
// response time, the next try of a pending one, Replay for a delivered or failed one; details show
// every attempt and the payload. Refreshes every few seconds while something is pending.
import { useState } from "react";
import type { inferRouterOutputs } from "@trpc/server";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import type { AppRouter } from "@/server/api/root";
import { useTRPC } from "@/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { formatDateTime } from "@/components/ui/format-date";
import { LoadMore } from "@/components/ui/load-more";
import { WEBHOOK_DELIVERY_STATUS_LABELS } from "@/shared/governance/webhook-fields";

type Delivery = inferRouterOutputs<AppRouter>["webhook"]["deliveries"]["items"][number];

const PAGE_SIZE = 20;
const STATUS_TONE = { pending: "amber", succeeded: "emerald", failed: "rose" } as const;

export function WebhookDeliveries({ endpointId, onChanged }: { endpointId: string; onChanged: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useInfiniteQuery(
    trpc.webhook.deliveries.infiniteQueryOptions(
      { endpointId, limit: PAGE_SIZE },
      {
        getNextPageParam: (last) => last.nextCursor,
        refetchInterval: (q) => (q.state.data?.pages.some((p) => p.items.some((d) => d.status === "pending")) ? 2000 : false),
      },
    ),
  );
  const replay = useMutation(
    trpc.webhook.replay.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.webhook.deliveries.pathKey() });
        void onChanged();
      },
    }),
  );
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];

  if (query.isPending) return <p className="text-sm text-slate-500">Loading deliveries…</p>;
  if (query.isError) return <Alert tone="error">{query.error.message}</Alert>;
  return (
    <div>
      <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">Deliveries</h3>
      {replay.error ? <Alert tone="error" className="mb-2">{replay.error.message}</Alert> : null}
      {items.length === 0 ? (
        <p className="rounded-lg bg-slate-50 px-4 py-6 text-center text-sm text-slate-500">Nothing sent yet. Deliveries appear here as events happen.</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200" aria-label="Deliveries">
          {items.map((d) => (
            <DeliveryRow key={d.id} delivery={d} replaying={replay.isPending && replay.variables?.deliveryId === d.id} onReplay={() => replay.mutate({ deliveryId: d.id })} />
          ))}
        </ul>
      )}
      <LoadMore query={query} label="Older deliveries" failure="Could not load older deliveries. Try again." className="mt-3" />
    </div>
  );
}

function DeliveryRow({ delivery: d, replaying, onReplay }: { delivery: Delivery; replaying: boolean; onReplay: () => void }) {
  const [open, setOpen] = useState(false);
  const detailsId = `delivery-${d.id}`;
  return (
    <li className="px-3 py-2.5 sm:px-4" aria-label={`Delivery ${d.eventType} ${WEBHOOK_DELIVERY_STATUS_LABELS[d.status]}`}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
        <Badge tone={STATUS_TONE[d.status]}>{WEBHOOK_DELIVERY_STATUS_LABELS[d.status]}</Badge>
        <span className="font-mono text-xs font-medium text-slate-900">{d.eventType}</span>
        <DateTime value={d.createdAt} format={formatDateTime} className="text-xs text-slate-500" />
        <span className="text-xs text-slate-600">
          {d.attempts === 1 ? "1 attempt" : `${d.attempts} attempts`}
          {d.lastStatusCode !== null ? <> · HTTP {d.lastStatusCode}</> : null}
          {d.lastResponseMs !== null && d.attempts > 0 ? <> · {d.lastResponseMs} ms</> : null}
        </span>
        <span className="ml-auto flex gap-1.5">
          <Button size="sm" variant="ghost" aria-expanded={open} aria-controls={detailsId} onClick={() => setOpen((v) => !v)}>
            {open ? "Hide" : "Details"}
          </Button>
          {d.status === "pending" ? null : (
            <Button size="sm" variant="secondary" disabled={replaying} onClick={onReplay} aria-label={`Replay delivery ${d.id}`}>
              {replaying ? "Replaying…" : "Replay"}
            </Button>
          )}
        </span>
      </div>
      {d.status === "pending" && d.nextAttemptAt ? (
        <p className="mt-1 text-xs text-amber-800">
          {d.attempts ? "Next try" : "Sending"} at <DateTime value={d.nextAttemptAt} format={formatDateTime} />
          {d.lastError ? <> · last: {d.lastError}</> : null}
        </p>
      ) : d.status === "failed" && d.lastError ? (
        <p className="mt-1 text-xs break-words text-rose-700">{d.lastError}</p>
      ) : null}
      {open ? (
        <div id={detailsId} className="mt-2 space-y-2">
          {d.attemptLog.length ? (
            <ol className="space-y-1 text-xs text-slate-600" aria-label="Attempts">
              {d.attemptLog.map((a) => (
                <li key={a.id} className="flex flex-wrap gap-x-2">
                  <span className="font-medium text-slate-800">#{a.number}</span>
                  <span>{a.trigger === "replay" ? "replay" : a.number === 1 ? "first try" : "retry"}</span>
                  <DateTime value={a.createdAt} format={formatDateTime} />
                  <span>{a.statusCode !== null ? `HTTP ${a.statusCode}` : "no answer"}</span>
                  <span>{a.responseMs} ms</span>
                  {a.error && a.error !== `HTTP ${a.statusCode}` ? <span className="break-all text-rose-700">{a.error}</span> : null}
                </li>
              ))}
            </ol>
          ) : null}
          <pre className="max-h-64 overflow-auto rounded-md bg-slate-50 p-2 font-mono text-[11px] text-slate-700">{JSON.stringify(d.payload, null, 2)}</pre>
          <p className="text-xs text-slate-500">
            webhook-id <span className="font-mono">{d.id}</span>
          </p>
        </div>
      ) : null}
    </li>
  );
}
