"use client";
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { ORG_DESCRIPTION_MAX_LENGTH, ORG_NAME_MAX_LENGTH } from "@/shared/governance/org-fields";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input, Textarea } from "@/components/ui/field";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { useFieldErrors } from "@/components/ui/use-field-errors";

export function OrgSettingsForm({ orgId, name: initialName, description: initialDescription }: { orgId: string; name: string; description: string }) {
  const router = useRouter();
  const trpc = useTRPC();
  const [name, setName] = useState(initialName);
  const [description, setDescription] = useState(initialDescription);
  const [saved, setSaved] = useState(false);
  const update = useMutation(trpc.org.update.mutationOptions({ onSuccess: () => { setSaved(true); router.refresh(); } }));
  const fe = useFieldErrors(update.error, ["name", "description"]);
  const err = { name: fe.errorFor("name", "Name"), description: fe.errorFor("description", "Description") };

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    fe.reset();
    setSaved(false);
    update.mutate({ orgId, name, description });
  }

  return (
    <Card>
      <form onSubmit={onSubmit} noValidate>
        <div className="space-y-4 p-4 sm:p-5">
          <Field label="Name" htmlFor="org-settings-name" error={err.name}>
            <Input id="org-settings-name" maxLength={ORG_NAME_MAX_LENGTH} value={name} onChange={(e) => { fe.touch("name"); setName(e.target.value); }} aria-invalid={err.name ? true : undefined} />
          </Field>
          <Field label="Description" htmlFor="org-settings-description" error={err.description} hint="Shown on the organisation's page.">
            <Textarea id="org-settings-description" rows={2} maxLength={ORG_DESCRIPTION_MAX_LENGTH} value={description} onChange={(e) => { fe.touch("description"); setDescription(e.target.value); }} aria-invalid={err.description ? true : undefined} />
          </Field>
          <FormErrorSummary error={update.error} state={fe} />
        </div>
        <div className="flex items-center justify-end gap-3 rounded-b-xl border-t border-slate-100 bg-slate-50/70 px-4 py-3 sm:px-5">
          <p aria-live="polite" className="text-sm font-medium text-emerald-700">{saved ? "Saved" : null}</p>
          <Button type="submit" disabled={update.isPending}>{update.isPending ? "Saving…" : "Save"}</Button>
        </div>
      </form>
    </Card>
  );
}
