"use client";
// The endpoints of the viewer (or of an organisation): each with its delivery counts, its log and
// Delete; the form that registers one, and the signing secret shown once after it.
import { useState } from "react";
import type { inferRouterOutputs } from "@trpc/server";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AppRouter } from "@/server/api/root";
import { useTRPC } from "@/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { WEBHOOK_EVENT_LABELS } from "@/shared/governance/webhook-fields";
import { AddWebhookForm } from "./add-webhook-form";
import { NewWebhookSecret } from "./new-webhook-secret";
import { WebhookDeliveries } from "./webhook-deliveries";

type Listed = inferRouterOutputs<AppRouter>["webhook"]["list"];
type Endpoint = Listed["endpoints"][number];

export function WebhooksPanel({ orgId, orgSlug, initial }: { orgId: string | null; orgSlug: string | null; initial: Listed }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = orgSlug ? { orgSlug } : {};
  const list = useQuery(trpc.webhook.list.queryOptions(input, { initialData: initial }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.webhook.list.queryKey(input) });
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);
  const endpoints = list.data?.endpoints ?? [];

  return (
    <div className="min-w-0 space-y-6">
      {created ? <NewWebhookSecret url={created.url} secret={created.secret} onDone={() => setCreated(null)} /> : null}
      <Card className="overflow-hidden">
        <div className="flex items-center justify-between border-b border-slate-100 px-5 py-3 sm:px-6">
          <h2 className="text-sm font-semibold text-slate-900">Endpoints</h2>
          <span className="text-xs text-slate-500">{endpoints.length === 1 ? "1 endpoint" : `${endpoints.length} endpoints`}</span>
        </div>
        {endpoints.length === 0 ? (
          <div className="px-6 py-10 text-center">
            <p className="text-sm font-medium text-slate-700">No webhooks yet</p>
            <p className="mt-1 text-sm text-slate-500">Add a URL below and Promptuary will tell it when something happens.</p>
          </div>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="Webhook endpoints">
            {endpoints.map((e) => (
              <EndpointItem key={e.id} endpoint={e} onChanged={refresh} />
            ))}
          </ul>
        )}
      </Card>
      <AddWebhookForm
        orgId={orgId}
        onCreated={(row) => {
          setCreated({ url: row.url, secret: row.secret });
          void refresh();
        }}
      />
    </div>
  );
}

function EndpointItem({ endpoint: e, onChanged }: { endpoint: Endpoint; onChanged: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation(trpc.webhook.delete.mutationOptions({ onSuccess: () => onChanged() }));
  const logId = `webhook-log-${e.id}`;
  return (
    <li className="px-5 py-4 sm:px-6" aria-label={`Webhook ${e.url}`}>
      {/* Buttons under the details on phones, so a long URL keeps the row's width. */}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 flex-1 space-y-1.5">
          <p className="font-mono text-sm font-medium break-all text-slate-900">{e.url}</p>
          {e.description ? <p className="text-sm text-slate-600">{e.description}</p> : null}
          <div className="flex flex-wrap gap-1.5" aria-label="Events">
            {e.events.length === 0 ? (
              <Badge tone="indigo">All events</Badge>
            ) : (
              e.events.map((type) => (
                <Badge key={type} tone="slate" title={WEBHOOK_EVENT_LABELS[type]} className="font-mono">
                  {type}
                </Badge>
              ))
            )}
          </div>
          <p className="text-xs text-slate-500">
            Added <DateTime value={e.createdAt} /> · <span className="text-emerald-700">{e.deliveries.succeeded} delivered</span> ·{" "}
            <span className={e.deliveries.failed ? "text-rose-700" : undefined}>{e.deliveries.failed} failed</span>
            {e.deliveries.pending ? <> · <span className="text-amber-800">{e.deliveries.pending} pending</span></> : null}
          </p>
        </div>
        <div className="flex shrink-0 gap-2">
          <Button size="sm" variant="secondary" aria-expanded={open} aria-controls={logId} onClick={() => setOpen((v) => !v)}>
            {open ? "Hide deliveries" : "Deliveries"}
          </Button>
          {confirming ? null : (
            <Button size="sm" variant="ghost" onClick={() => setConfirming(true)} aria-label={`Delete webhook ${e.url}`}>
              Delete
            </Button>
          )}
        </div>
      </div>
      {confirming ? (
        <div className="mt-3 flex flex-wrap items-center justify-end gap-2 rounded-lg bg-rose-50 px-3 py-2" role="group" aria-label="Confirm deleting the webhook">
          <p className="mr-auto text-xs text-rose-800">Delete this webhook and its delivery log? Nothing more will be sent to it.</p>
          <Button size="sm" variant="ghost" disabled={remove.isPending} onClick={() => setConfirming(false)}>
            Cancel
          </Button>
          <Button size="sm" variant="danger" disabled={remove.isPending} onClick={() => remove.mutate({ id: e.id })}>
            {remove.isPending ? "Deleting…" : "Confirm delete"}
          </Button>
        </div>
      ) : null}
      {remove.error ? <Alert tone="error" className="mt-3">{remove.error.message}</Alert> : null}
      {open ? (
        <div id={logId} className="mt-4">
          <WebhookDeliveries endpointId={e.id} onChanged={onChanged} />
        </div>
      ) : null}
    </li>
  );
}
