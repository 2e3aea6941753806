"use client";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { DateTime } from "@/components/ui/date-time";
import { formatDateTime } from "@/components/ui/format-date";
import { ApiKeyCreateForm } from "./api-key-create-form";
import { apiKeyState } from "./api-key-status";
import { NewApiKeyNotice } from "./new-api-key-notice";

export type ApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  expiresAt: Date | null;
  rotatedToId: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  rateLimitPerMinute: number | null;
};

const GRACE_CHOICES = [
  { hours: 0, label: "Old key stops now" },
  { hours: 1, label: "Old key: 1 more hour" },
  { hours: 24, label: "Old key: 24 more hours" },
  { hours: 168, label: "Old key: 7 more days" },
];

type Shown = { name: string; key: string; replaced?: { prefix: string; worksUntil: Date } };

export function ApiKeysPanel({ initialKeys }: { initialKeys: ApiKeyRow[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.apiKey.list.queryOptions(undefined, { initialData: initialKeys }));
  const refreshKeys = () => queryClient.invalidateQueries({ queryKey: trpc.apiKey.list.queryKey() });

  const [shown, setShown] = useState<Shown | null>(null);
  /** The row whose revoke or rotate is being confirmed. */
  const [confirming, setConfirming] = useState<{ id: string; action: "revoke" | "rotate" } | null>(null);
  const [graceHours, setGraceHours] = useState(24);

  const revoke = useMutation(
    trpc.apiKey.revoke.mutationOptions({
      onSuccess: () => {
        setConfirming(null);
        void refreshKeys();
      },
    }),
  );
  const rotate = useMutation(
    trpc.apiKey.rotate.mutationOptions({
      onSuccess: (row) => {
        setConfirming(null);
        setShown({ name: row.name, key: row.key, replaced: { prefix: row.replaced.prefix, worksUntil: row.replaced.worksUntil } });
        void refreshKeys();
      },
    }),
  );

  const rows = keys.data ?? [];
  const now = new Date();

  return (
    <div className="space-y-6">
      <ApiKeyCreateForm
        onCreated={(created) => {
          setShown(created);
          void refreshKeys();
        }}
      />

      {shown ? <NewApiKeyNotice name={shown.name} apiKey={shown.key} replaced={shown.replaced} onDone={() => setShown(null)} /> : null}

      <Card className="overflow-hidden">
        <div className="flex items-center justify-between border-b border-slate-100 px-5 py-3 sm:px-6">
          <h3 className="text-sm font-semibold text-slate-900">Your keys</h3>
          <span className="text-xs text-slate-500">{rows.filter((k) => apiKeyState(k, now).usable).length} usable</span>
        </div>
        {rows.length === 0 ? (
          <div className="px-6 py-10 text-center">
            <p className="text-sm font-medium text-slate-700">No API keys yet</p>
            <p className="mt-1 text-sm text-slate-500">Create one above to call Promptuary from scripts, CI or the CLI.</p>
          </div>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-5 py-2.5 sm:px-6">Name</th>
                <th scope="col" className="hidden px-3 py-2.5 lg:table-cell">Scopes</th>
                <th scope="col" className="hidden px-3 py-2.5 whitespace-nowrap md:table-cell">Last used</th>
                <th scope="col" className="hidden px-3 py-2.5 md:table-cell">Expires</th>
                <th scope="col" className="hidden px-3 py-2.5 sm:table-cell">Status</th>
                <th scope="col" className="px-5 py-2.5 text-right sm:px-6">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((k) => {
                const state = apiKeyState(k, now);
                const scopes = k.scopes.length ? k.scopes.join(", ") : "all scopes";
                return (
                  <tr key={k.id} className={state.usable ? "text-slate-700" : "bg-slate-50/60 text-slate-400"}>
                    <td className="px-5 py-3 align-top sm:px-6">
                      <div className={`font-medium ${state.usable ? "text-slate-900" : "text-slate-500"}`}>{k.name}</div>
                      <div className="mt-0.5 font-mono text-xs text-slate-500">{k.prefix}…</div>
                      <div className="mt-0.5 text-xs text-slate-500 lg:hidden">{scopes}</div>
                      <div className="mt-0.5 text-xs text-slate-500 md:hidden">
                        {k.lastUsedAt ? <>Used <DateTime value={k.lastUsedAt} title={formatDateTime(k.lastUsedAt)} /></> : "Never used"}
                        {" · "}
                        {k.expiresAt ? <>{new Date(k.expiresAt) <= now ? "expired" : "expires"} <DateTime value={k.expiresAt} title={formatDateTime(k.expiresAt)} /></> : "no expiry"}
                      </div>
                      <Badge tone={state.tone} className="mt-1.5 whitespace-nowrap sm:hidden">{state.label}</Badge>
                    </td>
                    <td className="hidden px-3 py-3 align-top lg:table-cell">
                      <div className="flex flex-wrap gap-1">
                        {k.scopes.length ? k.scopes.map((s) => <Badge key={s} tone="indigo">{s}</Badge>) : <Badge className="whitespace-nowrap">all scopes</Badge>}
                      </div>
                    </td>
                    <td className="hidden px-3 py-3 align-top whitespace-nowrap md:table-cell">
                      {k.lastUsedAt ? <DateTime value={k.lastUsedAt} title={formatDateTime(k.lastUsedAt)} /> : <span className="text-slate-400">Never</span>}
                    </td>
                    <td className="hidden px-3 py-3 align-top whitespace-nowrap md:table-cell">
                      {k.expiresAt ? <DateTime value={k.expiresAt} title={formatDateTime(k.expiresAt)} /> : <span className="text-slate-400">Never</span>}
                    </td>
                    <td className="hidden px-3 py-3 align-top sm:table-cell">
                      <Badge tone={state.tone} className="whitespace-nowrap">{state.label}</Badge>
                    </td>
                    <td className="px-5 py-3 text-right align-top sm:px-6">
                      {confirming?.id === k.id && confirming.action === "revoke" ? (
                        <div className="flex flex-col items-end gap-1.5 sm:flex-row sm:justify-end" role="group" aria-label={`Confirm revoking ${k.name}`}>
                          <Button size="sm" variant="danger" className="whitespace-nowrap" disabled={revoke.isPending} onClick={() => revoke.mutate({ id: k.id })} aria-label={`Confirm revoke ${k.name}`}>
                            {revoke.isPending ? "Revoking…" : "Confirm revoke"}
                          </Button>
                          <Button size="sm" variant="ghost" disabled={revoke.isPending} onClick={() => setConfirming(null)}>
                            Cancel
                          </Button>
                        </div>
                      ) : confirming?.id === k.id && confirming.action === "rotate" ? (
                        <div className="flex flex-col items-end gap-1.5" role="group" aria-label={`Confirm rotating ${k.name}`}>
                          <label htmlFor={`grace-${k.id}`} className="sr-only">
                            Grace period for the old key
                          </label>
                          <Select id={`grace-${k.id}`} value={graceHours} onChange={(e) => setGraceHours(Number(e.target.value))} className="max-w-[15rem] text-xs">
                            {GRACE_CHOICES.map((g) => (
                              <option key={g.hours} value={g.hours}>
                                {g.label}
                              </option>
                            ))}
                          </Select>
                          <div className="flex gap-1.5">
                            <Button size="sm" className="whitespace-nowrap" disabled={rotate.isPending} onClick={() => rotate.mutate({ id: k.id, graceHours })} aria-label={`Confirm rotate ${k.name}`}>
                              {rotate.isPending ? "Rotating…" : "Rotate"}
                            </Button>
                            <Button size="sm" variant="ghost" disabled={rotate.isPending} onClick={() => setConfirming(null)}>
                              Cancel
                            </Button>
                          </div>
                        </div>
                      ) : state.usable ? (
                        <div className="flex flex-col items-end gap-1.5 xl:flex-row xl:justify-end">
                          {state.rotatable ? (
                            <Button size="sm" variant="secondary" onClick={() => setConfirming({ id: k.id, action: "rotate" })} aria-label={`Rotate ${k.name}`}>
                              Rotate
                            </Button>
                          ) : null}
                          <Button size="sm" variant="secondary" onClick={() => setConfirming({ id: k.id, action: "revoke" })} aria-label={`Revoke ${k.name}`}>
                            Revoke
                          </Button>
                        </div>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {revoke.error ? <Alert tone="error" className="m-4">{revoke.error.message}</Alert> : null}
        {rotate.error ? <Alert tone="error" className="m-4">{rotate.error.message}</Alert> : null}
      </Card>
    </div>
  );
}
