"use client";
// Registers an endpoint: URL, what it is for, and the events it wants (none ticked: all of them).
// Checked with the router's own schema first, so an expected 400 never reaches the network; the
// server then checks what the browser cannot (the host resolves to a public address).
import { useRef, useState, type FormEvent } from "react";
import type { inferRouterOutputs } from "@trpc/server";
import { useMutation } from "@tanstack/react-query";
import type { AppRouter } from "@/server/api/root";
import { useTRPC } from "@/trpc/react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { useFieldErrors, useFocusFirstInvalid } from "@/components/ui/use-field-errors";
import { useSubmitOnce } from "@/components/ui/use-submit-once";
import { clientValidationError, type ClientValidationError } from "@/components/ui/validation-error";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@/shared/governance/webhook-events";
import { WEBHOOK_EVENT_LABELS, webhookFields } from "@/shared/governance/webhook-fields";

type Created = inferRouterOutputs<AppRouter>["webhook"]["create"];
const FIELDS = ["url", "description", "events"] as const;

export function AddWebhookForm({ orgId, onCreated }: { orgId: string | null; onCreated: (row: Created) => void }) {
  const trpc = useTRPC();
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<WebhookEventType[]>([]);
  const create = useMutation(
    trpc.webhook.create.mutationOptions({
      onSuccess: (row) => {
        setUrl("");
        setDescription("");
        setEvents([]);
        onCreated(row);
      },
    }),
  );
  const once = useSubmitOnce(create.isPending);
  const formRef = useRef<HTMLFormElement>(null);
  const [invalid, setInvalid] = useState<ClientValidationError | null>(null);
  const error = invalid ?? create.error;
  const fe = useFieldErrors(error, FIELDS);
  useFocusFirstInvalid(formRef, error);
  const err = { url: fe.errorFor("url", "URL"), description: fe.errorFor("description", "Description"), events: fe.errorFor("events", "Events") };

  function edited(field: (typeof FIELDS)[number]) {
    fe.touch(field);
    setInvalid(null);
  }
  function toggle(type: WebhookEventType, on: boolean) {
    edited("events");
    setEvents((list) => (on ? WEBHOOK_EVENT_TYPES.filter((t) => t === type || list.includes(t)) : list.filter((t) => t !== type)));
  }
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    fe.reset();
    const input = { url: url.trim(), description, events, ...(orgId ? { orgId } : {}) };
    const checked = webhookFields.safeParse(input);
    if (!checked.success) {
      setInvalid(clientValidationError(checked.error));
      return;
    }
    setInvalid(null);
    if (!once.claim()) return;
    create.mutate(input);
  }

  return (
    <Card>
      <form ref={formRef} onSubmit={onSubmit} noValidate aria-labelledby="add-webhook-heading">
        <div className="space-y-5 p-5 sm:p-6">
          <div>
            <h2 id="add-webhook-heading" className="text-sm font-semibold text-slate-900">
              Add a webhook
            </h2>
            <p className="mt-0.5 text-xs text-slate-500">Its signing secret is shown once, right after you add it.</p>
          </div>
          <Field label="URL" htmlFor="webhook-url" error={err.url} hint="A public http:// or https:// address; addresses inside private networks are refused.">
            <Input
              id="webhook-url"
              name="url"
              type="url"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              value={url}
              onChange={(e) => {
                edited("url");
                setUrl(e.target.value);
              }}
              placeholder="https://example.com/hooks/promptuary"
              className="font-mono"
              aria-invalid={err.url ? true : undefined}
              aria-describedby={err.url ? "webhook-url-error" : undefined}
            />
          </Field>
          <Field label="Description (optional)" htmlFor="webhook-description" error={err.description}>
            <Input
              id="webhook-description"
              name="description"
              maxLength={200}
              value={description}
              onChange={(e) => {
                edited("description");
                setDescription(e.target.value);
              }}
              placeholder="Slack relay, CI trigger…"
              aria-invalid={err.description ? true : undefined}
              aria-describedby={err.description ? "webhook-description-error" : undefined}
            />
          </Field>
          <fieldset aria-describedby="webhook-events-hint">
            <legend className="text-sm font-medium text-slate-800">Events</legend>
            <p id="webhook-events-hint" className="mt-0.5 text-xs text-slate-500">
              {events.length ? `${events.length} selected.` : "None selected: every event, including ones added later."}
            </p>
            <div className="mt-2 grid gap-2 sm:grid-cols-2">
              {WEBHOOK_EVENT_TYPES.map((type) => (
                <label key={type} className="flex items-start gap-2 rounded-lg px-2 py-1.5 text-sm hover:bg-slate-50">
                  <input type="checkbox" className="mt-0.5 size-4 rounded border-slate-300 text-indigo-600 focus:ring-indigo-600" checked={events.includes(type)} onChange={(e) => toggle(type, e.target.checked)} />
                  <span className="min-w-0">
                    <span className="block font-mono text-xs font-medium text-slate-900">{type}</span>
                    <span className="block text-xs text-slate-500">{WEBHOOK_EVENT_LABELS[type]}</span>
                  </span>
                </label>
              ))}
            </div>
            {err.events ? (
              <p className="mt-1.5 text-sm text-rose-600" role="alert">
                {err.events}
              </p>
            ) : null}
          </fieldset>
          <FormErrorSummary error={error} state={fe} />
        </div>
        <div className="flex items-center justify-end gap-3 rounded-b-xl border-t border-slate-100 bg-slate-50/70 px-5 py-3 sm:px-6">
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? "Adding…" : "Add webhook"}
          </Button>
        </div>
      </form>
    </Card>
  );
}
