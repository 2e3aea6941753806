"use client";
import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { fieldError, fieldErrorsOf } from "@/components/ui/field-errors";
import { API_KEY_SCOPE_DESCRIPTIONS, API_KEY_SCOPES, type ApiKeyScope } from "@/shared/governance/api-key-scopes";

const DAY = 24 * 3_600_000;
const EXPIRY_CHOICES = [
  { value: "never", label: "Never", days: null },
  { value: "7", label: "In 7 days", days: 7 },
  { value: "30", label: "In 30 days", days: 30 },
  { value: "90", label: "In 90 days", days: 90 },
  { value: "365", label: "In a year", days: 365 },
] as const;

const SCOPE_LABELS: Record<ApiKeyScope, string> = { read: "Read", write: "Write", proxy: "Proxy", admin: "Admin" };

/** Name, scopes (all ticked: every scope) and expiry of a new key; `onCreated` shows it once. */
export function ApiKeyCreateForm({ onCreated }: { onCreated: (created: { name: string; key: string }) => void }) {
  const trpc = useTRPC();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiKeyScope[]>([...API_KEY_SCOPES]);
  const [expiry, setExpiry] = useState<string>("90");
  const [scopeMissing, setScopeMissing] = useState(false);

  const create = useMutation(
    trpc.apiKey.create.mutationOptions({
      onSuccess: (row) => {
        onCreated({ name: row.name, key: row.key });
        setName("");
      },
    }),
  );
  const errors = fieldErrorsOf(create.error);
  const nameError = fieldError(errors, "name", "Key name");
  const scopesError = scopeMissing ? "Choose at least one scope." : fieldError(errors, "scopes", "Scopes");
  const expiryError = fieldError(errors, "expiresAt", "Expiry");

  function toggle(scope: ApiKeyScope, on: boolean) {
    setScopeMissing(false);
    setScopes((current) => (on ? API_KEY_SCOPES.filter((s) => s === scope || current.includes(s)) : current.filter((s) => s !== scope)));
  }

  function onCreate(e: FormEvent) {
    e.preventDefault();
    if (scopes.length === 0) return setScopeMissing(true);
    const days = EXPIRY_CHOICES.find((c) => c.value === expiry)?.days ?? null;
    create.mutate({
      name: name.trim() || "API key",
      // Every scope ticked: a key without scope limits.
      scopes: scopes.length === API_KEY_SCOPES.length ? undefined : scopes,
      expiresAt: days ? new Date(Date.now() + days * DAY) : undefined,
    });
  }

  return (
    <Card className="p-5 sm:p-6">
      <form onSubmit={onCreate} className="space-y-5" noValidate>
        <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
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
          <Field label="Expires" htmlFor="api-key-expiry" error={expiryError}>
            <Select id="api-key-expiry" name="expiry" value={expiry} onChange={(e) => setExpiry(e.target.value)}>
              {EXPIRY_CHOICES.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <fieldset aria-describedby={scopesError ? "api-key-scopes-error" : undefined}>
          <legend className="text-sm font-medium text-slate-900">Scopes</legend>
          <p className="mt-0.5 text-xs text-slate-500">What the key may do. Give a script only what it needs.</p>
          <div className="mt-3 grid gap-2 sm:grid-cols-2">
            {API_KEY_SCOPES.map((scope) => (
              <label key={scope} className="flex cursor-pointer items-start gap-2.5 rounded-lg border border-slate-200 p-3 text-sm hover:bg-slate-50">
                <input
                  type="checkbox"
                  name="scopes"
                  value={scope}
                  checked={scopes.includes(scope)}
                  onChange={(e) => toggle(scope, e.target.checked)}
                  className="mt-0.5 h-4 w-4 shrink-0 rounded border-slate-300 text-indigo-600 focus:ring-indigo-600"
                />
                <span>
                  <span className="font-medium text-slate-900">{SCOPE_LABELS[scope]}</span>
                  <span className="block text-xs text-slate-500">{API_KEY_SCOPE_DESCRIPTIONS[scope]}</span>
                </span>
              </label>
            ))}
          </div>
          {scopesError ? (
            <p id="api-key-scopes-error" className="mt-2 text-sm text-rose-600" role="alert">
              {scopesError}
            </p>
          ) : null}
        </fieldset>
        <div className="flex justify-end">
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create key"}
          </Button>
        </div>
      </form>
      {create.error && !nameError && !expiryError && !scopesError ? <Alert tone="error" className="mt-4">{create.error.message}</Alert> : null}
    </Card>
  );
}
