"use client";
import { useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { ORG_NAME_MAX_LENGTH, suggestOrgSlug } from "@/shared/governance/org-fields";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { useFieldErrors, useFocusFirstInvalid } from "@/components/ui/use-field-errors";
import { useSubmitOnce } from "@/components/ui/use-submit-once";

const FIELDS = ["name", "slug"] as const;

export function CreateOrgForm() {
  const router = useRouter();
  const trpc = useTRPC();
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const [navigating, setNavigating] = useState(false);
  const create = useMutation(
    trpc.org.create.mutationOptions({
      onSuccess: (org) => {
        setNavigating(true);
        router.push(`/o/${org.slug}`);
      },
    }),
  );
  const formRef = useRef<HTMLFormElement>(null);
  const fe = useFieldErrors(create.error, FIELDS);
  useFocusFirstInvalid(formRef, create.error);
  const err = { name: fe.errorFor("name", "Name"), slug: fe.errorFor("slug", "Address") };
  const pending = create.isPending || navigating;
  const once = useSubmitOnce(pending);
  const shownSlug = slugEdited ? slug : suggestOrgSlug(name);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    fe.reset();
    if (!once.claim()) return;
    create.mutate({ name, slug: shownSlug });
  }

  return (
    <Card>
      <form ref={formRef} onSubmit={onSubmit} noValidate>
        <div className="grid gap-5 p-5 sm:grid-cols-2 sm:p-6">
          <Field label="Name" htmlFor="org-name" error={err.name}>
            <Input id="org-name" name="name" required maxLength={ORG_NAME_MAX_LENGTH} value={name} placeholder="Acme Support" onChange={(e) => { fe.touch("name"); setName(e.target.value); }} aria-invalid={err.name ? true : undefined} aria-describedby={err.name ? "org-name-error" : undefined} />
          </Field>
          <Field label="Address" htmlFor="org-slug" error={err.slug} hint={`Its page: /o/${shownSlug || "…"}. Lowercase letters, digits and dashes.`}>
            <Input id="org-slug" name="slug" required maxLength={40} value={shownSlug} placeholder="acme-support" onChange={(e) => { fe.touch("slug"); setSlugEdited(true); setSlug(e.target.value); }} aria-invalid={err.slug ? true : undefined} aria-describedby={err.slug ? "org-slug-error" : undefined} />
          </Field>
          <div className="sm:col-span-2">
            <FormErrorSummary error={create.error} state={fe} />
          </div>
        </div>
        <div className="flex items-center justify-between gap-3 rounded-b-xl border-t border-slate-100 bg-slate-50/70 px-5 py-3 sm:px-6">
          <p className="text-xs text-slate-500">You become its admin.</p>
          <Button type="submit" disabled={pending}>
            {pending ? "Creating…" : "Create organisation"}
          </Button>
        </div>
      </form>
    </Card>
  );
}
