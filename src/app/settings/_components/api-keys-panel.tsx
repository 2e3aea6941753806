"use client";
import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { fieldError, fieldErrorsOf } from "@/components/ui/field-errors";
import { CopyButton } from "@/components/ui/copy-button";
import { DateTime } from "@/components/ui/date-time";
import { formatDateTime } from "@/components/ui/format-date";

export type ApiKeyRow = { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

export function ApiKeysPanel({ initialKeys }: { initialKeys: ApiKeyRow[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.apiKey.list.queryOptions(undefined, { initialData: initialKeys }));
  const refreshKeys = () => queryClient.invalidateQueries({ queryKey: trpc.apiKey.list.queryKey() });

  const [name, setName] = useState("");
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  const create = useMutation(
    trpc.apiKey.create.mutationOptions({
      onSuccess: (row) => {
        setCreated({ name: row.name, key: row.key });
        setName("");
        void refreshKeys();
      },
    }),
  );
  const revoke = useMutation(
    trpc.apiKey.revoke.mutationOptions({
      onSuccess: () => {
        setConfirming(null);
        void refreshKeys();
      },
    }),
  );

  const nameError = fieldError(fieldErrorsOf(create.error), "name", "Key name");

  function onCreate(e: FormEvent) {
    e.preventDefault();
    create.mutate({ name: name.trim() || "API key" });
  }

  const rows = keys.data ?? [];

  return (
    <div className="space-y-6">
      <Card className="p-5 sm:p-6">
        <form onSubmit={onCreate} className="flex flex-col gap-3 sm:flex-row sm:items-start" noValidate>
          <div className="flex-1">
            <Field label="Key name" htmlFor="api-key-name" error={nameError} hint="So you can tell your keys apart, e.g. “CI” or “laptop”.">
              <Input
                id="api-key-name"
                name="name"
                maxLength={60}
                value={name}
                onChange={(e) => setName(e.target.value)}
                placeholder="CI pipeline"
                aria-invalid={nameError ? true : undefined}
                aria-describedby={nameError ? "api-key-name-error" : undefined}
              />
            </Field>
          </div>
          <Button type="submit" disabled={create.isPending} className="sm:mt-7">
            {create.isPending ? "Creating…" : "Create key"}
          </Button>
        </form>
        {create.error && !nameError ? <Alert tone="error" className="mt-4">{create.error.message}</Alert> : null}
      </Card>

      {created ? (
        <div className="rounded-xl border-2 border-amber-300 bg-amber-50 p-5 sm:p-6" role="region" aria-label="New API key">
          <h3 className="text-sm font-semibold text-amber-950">Key “{created.name}” created</h3>
          <p className="mt-1 text-sm text-amber-900">
            <strong>Copy it now. It won’t be shown again</strong> — we only keep a hash of it. If you lose it, revoke it and create another.
          </p>
          <div className="mt-4 flex flex-col gap-2 sm:flex-row">
            <label htmlFor="api-key-value" className="sr-only">
              Your new API key
            </label>
            <input
              id="api-key-value"
              readOnly
              autoFocus
              value={created.key}
              onFocus={(e) => e.currentTarget.select()}
              className="block w-full min-w-0 rounded-md border-0 bg-white px-3 py-2 font-mono text-sm text-slate-900 ring-1 ring-inset ring-amber-300 focus:ring-2 focus:ring-indigo-600"
            />
            <div className="flex gap-2">
              <CopyButton text={created.key} label="Copy" variant="primary" size="md" />
              <Button variant="ghost" onClick={() => setCreated(null)}>
                Done
              </Button>
            </div>
          </div>
        </div>
      ) : null}

      <Card className="overflow-hidden">
        <div className="flex items-center justify-between border-b border-slate-100 px-5 py-3 sm:px-6">
          <h3 className="text-sm font-semibold text-slate-900">Your keys</h3>
          <span className="text-xs text-slate-500">{rows.filter((k) => !k.revokedAt).length} active</span>
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
                <th scope="col" className="hidden px-3 py-2.5 sm:table-cell">Key</th>
                <th scope="col" className="hidden px-3 py-2.5 md:table-cell">Created</th>
                <th scope="col" className="hidden px-3 py-2.5 md:table-cell">Last used</th>
                <th scope="col" className="px-3 py-2.5">Status</th>
                <th scope="col" className="px-5 py-2.5 text-right sm:px-6">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((k) => (
                <tr key={k.id} className={k.revokedAt ? "bg-slate-50/60 text-slate-400" : "text-slate-700"}>
                  <td className="px-5 py-3 align-top sm:px-6">
                    <div className={`font-medium ${k.revokedAt ? "text-slate-500" : "text-slate-900"}`}>{k.name}</div>
                    <div className="mt-0.5 text-xs text-slate-500 md:hidden">
                      <span className="font-mono sm:hidden">{k.prefix}… · </span>
                      Created <DateTime value={k.createdAt} title={formatDateTime(k.createdAt)} /> · {k.lastUsedAt ? <>used <DateTime value={k.lastUsedAt} title={formatDateTime(k.lastUsedAt)} /></> : "never used"}
                    </div>
                  </td>
                  <td className="hidden px-3 py-3 align-top font-mono text-xs sm:table-cell">
                    <span className="rounded bg-slate-100 px-1.5 py-0.5">{k.prefix}…</span>
                  </td>
                  <td className="hidden px-3 py-3 align-top whitespace-nowrap md:table-cell">
                    <DateTime value={k.createdAt} title={formatDateTime(k.createdAt)} />
                  </td>
                  <td className="hidden px-3 py-3 align-top whitespace-nowrap md:table-cell">
                    {k.lastUsedAt ? <DateTime value={k.lastUsedAt} format={formatDateTime} /> : <span className="text-slate-400">Never</span>}
                  </td>
                  <td className="px-3 py-3 align-top">
                    {k.revokedAt ? <Badge tone="rose">Revoked</Badge> : <Badge tone="emerald">Active</Badge>}
                  </td>
                  <td className="px-5 py-3 text-right align-top sm:px-6">
                    {k.revokedAt ? null : confirming === k.id ? (
                      <div className="flex flex-col items-end gap-1.5 sm:flex-row sm:justify-end" role="group" aria-label={`Confirm revoking ${k.name}`}>
                        <Button size="sm" variant="danger" className="whitespace-nowrap" disabled={revoke.isPending} onClick={() => revoke.mutate({ id: k.id })} aria-label={`Confirm revoke ${k.name}`}>
                          {revoke.isPending ? "Revoking…" : "Confirm revoke"}
                        </Button>
                        <Button size="sm" variant="ghost" disabled={revoke.isPending} onClick={() => setConfirming(null)}>
                          Cancel
                        </Button>
                      </div>
                    ) : (
                      <Button size="sm" variant="secondary" onClick={() => setConfirming(k.id)} aria-label={`Revoke ${k.name}`}>
                        Revoke
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {revoke.error ? <Alert tone="error" className="m-4">{revoke.error.message}</Alert> : null}
      </Card>
    </div>
  );
}
