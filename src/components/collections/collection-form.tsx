"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { useFieldErrors, useFocusFirstInvalid } from "@/components/ui/use-field-errors";
import { clientValidationError, type ClientValidationError } from "@/components/ui/validation-error";
import {
  COLLECTION_DESCRIPTION_MAX_LENGTH,
  COLLECTION_TITLE_MAX_LENGTH,
  COLLECTION_VISIBILITIES,
  collectionDescriptionSchema,
  collectionFieldsSchema,
  collectionTitleSchema,
  collectionVisibilitySchema,
  type CollectionVisibility,
} from "@/shared/collections/collection-fields";
import { useTRPC } from "@/trpc/react";

const FIELDS = ["title", "description", "visibility", "orgId"] as const;
const ORG_PRIVATE_HINT = "Only the organisation's admins and owners can see it.";

/** An edit changes these; whether "members" is offered depends on the collection's owner (`inOrg`). */
const editSchema = z.object({ title: collectionTitleSchema, description: collectionDescriptionSchema, visibility: collectionVisibilitySchema });

type Values = { title: string; description: string; visibility: CollectionVisibility; orgId: string };
export type OwnerChoice = { orgId: string; label: string };

/**
 * A collection's details. New (with `owners`: the viewer or an organisation they manage collections
 * for), it creates and opens the collection; existing (`collectionId`), it saves and refreshes the page.
 * Fields are checked with the API's own schema before sending; the server's field errors show the same way.
 */
export function CollectionForm({
  collectionId,
  initial,
  inOrg = false,
  owners = [],
  onDone,
}: {
  collectionId?: string;
  initial?: Partial<Values>;
  /** An existing collection owned by an organisation (members-only is then a choice). */
  inOrg?: boolean;
  owners?: OwnerChoice[];
  onDone?: () => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Values>({ title: "", description: "", visibility: "private", orgId: "", ...initial });
  const [clientError, setClientError] = useState<ClientValidationError | null>(null);
  const create = useMutation(trpc.collection.create.mutationOptions({ onSuccess: (c) => router.push(`/c/${c.slug}`) }));
  const update = useMutation(
    trpc.collection.update.mutationOptions({
      onSuccess: () => {
        router.refresh();
        onDone?.();
      },
    }),
  );
  const mutation = collectionId ? update : create;
  const error = clientError ?? mutation.error;
  const fields = useFieldErrors(error, FIELDS);
  useFocusFirstInvalid(form, error);
  const isOrg = Boolean(values.orgId) || inOrg;
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    fields.touch(key);
    setValues((v) => ({ ...v, [key]: value, ...(key === "orgId" && !value && v.visibility === "members" ? { visibility: "private" } : {}) }));
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    fields.reset();
    if (collectionId) {
      const parsed = editSchema.safeParse(values);
      if (!parsed.success) return setClientError(clientValidationError(parsed.error));
      setClientError(null);
      return update.mutate({ collectionId, ...parsed.data });
    }
    const parsed = collectionFieldsSchema.safeParse({ ...values, orgId: values.orgId || null });
    if (!parsed.success) return setClientError(clientValidationError(parsed.error));
    setClientError(null);
    create.mutate(parsed.data);
  };

  const invalid = (field: string, label: string) => fields.errorFor(field, label);
  return (
    <form ref={form} onSubmit={submit} noValidate className="space-y-5" aria-label={collectionId ? "Edit collection" : "New collection"}>
      <FormErrorSummary error={error} state={fields} />
      <Field label="Title" htmlFor={`${id}-title`} error={invalid("title", "Title")}>
        <Input
          id={`${id}-title`}
          value={values.title}
          onChange={(e) => set("title", e.target.value)}
          maxLength={COLLECTION_TITLE_MAX_LENGTH}
          aria-invalid={invalid("title", "Title") ? true : undefined}
          aria-describedby={invalid("title", "Title") ? `${id}-title-error` : undefined}
          placeholder="e.g. Support replies we trust"
          autoFocus={!collectionId}
        />
      </Field>
      <Field label="Description" htmlFor={`${id}-description`} error={invalid("description", "Description")} hint={`Optional. What the prompts have in common, up to ${COLLECTION_DESCRIPTION_MAX_LENGTH} characters.`}>
        <Textarea id={`${id}-description`} rows={3} value={values.description} onChange={(e) => set("description", e.target.value)} maxLength={COLLECTION_DESCRIPTION_MAX_LENGTH} aria-invalid={invalid("description", "Description") ? true : undefined} />
      </Field>
      {!collectionId && owners.length ? (
        <Field label="Owner" htmlFor={`${id}-owner`} error={invalid("orgId", "Owner")} hint="An organisation's collection is managed by its admins and owners.">
          <Select id={`${id}-owner`} value={values.orgId} onChange={(e) => set("orgId", e.target.value)}>
            <option value="">You</option>
            {owners.map((o) => (
              <option key={o.orgId} value={o.orgId}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Who can see it</legend>
        <div className={`mt-2 grid gap-2 ${isOrg ? "sm:grid-cols-3" : "sm:grid-cols-2"}`}>
          {(Object.keys(COLLECTION_VISIBILITIES) as CollectionVisibility[])
            .filter((v) => v !== "members" || isOrg)
            .map((v) => (
              <label key={v} className="flex cursor-pointer gap-2 rounded-lg p-3 ring-1 ring-inset ring-slate-200 has-checked:bg-indigo-50 has-checked:ring-indigo-400">
                <input type="radio" name={`${id}-visibility`} value={v} checked={values.visibility === v} onChange={() => set("visibility", v)} className="mt-0.5 accent-indigo-600" />
                <span>
                  <span className="block text-sm font-semibold text-slate-900">{COLLECTION_VISIBILITIES[v].label}</span>
                  <span className="block text-xs text-slate-600">{isOrg && v === "private" ? ORG_PRIVATE_HINT : COLLECTION_VISIBILITIES[v].hint}</span>
                </span>
              </label>
            ))}
        </div>
        {invalid("visibility", "Visibility") ? (
          <p role="alert" className="mt-1.5 text-sm text-rose-600">
            {invalid("visibility", "Visibility")}
          </p>
        ) : null}
      </fieldset>
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        {onDone ? (
          <Button variant="ghost" onClick={onDone}>
            Cancel
          </Button>
        ) : null}
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? "Saving…" : collectionId ? "Save changes" : "Create collection"}
        </Button>
      </div>
    </form>
  );
}
