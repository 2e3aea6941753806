"use client";
import { useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import type { Category } from "@/shared/prompts/categories";
import { DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH } from "@/shared/prompts/prompt-fields";
import { PERSONAL_VISIBILITY_NAMES, VISIBILITIES, VISIBILITY_NAMES, type Visibility } from "@/shared/prompts/visibility";
import { ORG_VISIBILITY_HINTS } from "@/shared/governance/org-fields";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { useFieldErrors, useFocusFirstInvalid } from "@/components/ui/use-field-errors";
import { BodyEditor } from "@/components/editor/body-editor";
import { TagInput } from "@/components/editor/tag-input";
import { findInvalidSlots } from "@/shared/prompts/variables";
import { ChangelogField } from "@/components/editor/changelog-field";
import { FormSection } from "@/components/editor/form-section";
import { CategoryOptions } from "@/components/prompts/category-options";
import { useSubmitOnce } from "@/components/ui/use-submit-once";

const FIELDS = ["title", "description", "category", "tags", "visibility", "body", "changelog", "orgId", "global"] as const;

/** An organisation the author may create prompts in (owner or admin there). */
export type OwnerChoice = { id: string; slug: string; name: string };

export function NewPromptForm({ handle, orgs = [], initialOrgId = null }: { handle: string; orgs?: OwnerChoice[]; initialOrgId?: string | null }) {
  const router = useRouter();
  const trpc = useTRPC();
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [category, setCategory] = useState<Category | "">("");
  const [tags, setTags] = useState<string[]>([]);
  const [visibility, setVisibility] = useState<Visibility>(initialOrgId ? "members" : "public");
  // "" is the author themself; otherwise the id of the organisation that will own the prompt.
  const [orgId, setOrgId] = useState(initialOrgId ?? "");
  const [global, setGlobal] = useState(false);
  const visibilities = orgId ? VISIBILITY_NAMES : PERSONAL_VISIBILITY_NAMES;
  const [body, setBody] = useState("");
  const [changelog, setChangelog] = useState("");
  const [navigating, setNavigating] = useState(false);

  const create = useMutation(
    trpc.prompt.create.mutationOptions({
      onSuccess: (created) => {
        setNavigating(true);
        router.push(`/p/${created.slug}`);
        router.refresh();
      },
    }),
  );

  const formRef = useRef<HTMLFormElement>(null);
  const fe = useFieldErrors(create.error, FIELDS);
  useFocusFirstInvalid(formRef, create.error);
  const categoryError = fe.errorFor("category", "Category");
  const err = {
    title: fe.errorFor("title", "Title"),
    description: fe.errorFor("description", "Description"),
    // The server lists every allowed slug; with nothing chosen a plain nudge reads better.
    category: categoryError && category === "" ? "Choose a category." : categoryError,
    tags: fe.errorFor("tags", "Tags"),
    visibility: fe.errorFor("visibility", "Visibility"),
    orgId: fe.errorFor("orgId", "Owner"),
    global: fe.errorFor("global", "Global"),
    body: fe.errorFor("body", "Body"),
    changelog: fe.errorFor("changelog", "Changelog"),
  };
  /** Wraps a setter so editing a field clears its server error. */
  const edit =
    <T,>(field: (typeof FIELDS)[number], set: (v: T) => void) =>
    (v: T) => {
      fe.touch(field);
      set(v);
    };
  const pending = create.isPending || navigating;
  const invalidSlots = findInvalidSlots(body);
  const once = useSubmitOnce(pending);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    fe.reset();
    // Malformed {{slots}} are listed under the body; the API would refuse them too.
    if (invalidSlots.length) {
      document.getElementById("prompt-body")?.focus();
      return;
    }
    if (!once.claim()) return;
    create.mutate({
      title,
      description,
      category: category as Category,
      tags,
      visibility,
      ...(orgId ? { orgId, global } : {}),
      body,
      ...(changelog.trim() ? { changelog } : {}),
    });
  }

  const invalid = (key: keyof typeof err, id: string) => (err[key] ? { "aria-invalid": true, "aria-describedby": `${id}-error` } : {});

  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-6" noValidate>
      <FormSection id="details-heading" title="Details" description="How your prompt appears in the catalogue.">
        <Field label="Title" htmlFor="prompt-title" error={err.title} hint={`3–${TITLE_MAX_LENGTH} characters. The link is made from it.`}>
          <Input id="prompt-title" name="title" required maxLength={TITLE_MAX_LENGTH} value={title} onChange={(e) => edit("title", setTitle)(e.target.value)} placeholder="Friendly support reply" {...invalid("title", "prompt-title")} />
        </Field>
        <Field label="Description" htmlFor="prompt-description" error={err.description} hint="Optional. What it does and when to use it.">
          <Textarea id="prompt-description" name="description" rows={3} maxLength={DESCRIPTION_MAX_LENGTH} value={description} onChange={(e) => edit("description", setDescription)(e.target.value)} placeholder="Drafts a warm, concise reply to a customer message." {...invalid("description", "prompt-description")} />
        </Field>
        <div className="grid gap-5 sm:grid-cols-2">
          <Field label="Category" htmlFor="prompt-category" error={err.category}>
            <Select id="prompt-category" name="category" required value={category} onChange={(e) => edit("category", setCategory)(e.target.value as Category)} {...invalid("category", "prompt-category")}>
              <option value="" disabled>
                Choose a category…
              </option>
              <CategoryOptions />
            </Select>
          </Field>
          <Field label="Visibility" htmlFor="prompt-visibility" error={err.visibility} hint={orgId ? ORG_VISIBILITY_HINTS[visibility] : VISIBILITIES[visibility].hint}>
            <Select id="prompt-visibility" name="visibility" value={visibility} onChange={(e) => edit("visibility", setVisibility)(e.target.value as Visibility)} {...invalid("visibility", "prompt-visibility")}>
              {visibilities.map((value) => (
                <option key={value} value={value}>
                  {VISIBILITIES[value].label}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        {orgs.length ? (
          <div className="grid gap-5 sm:grid-cols-2">
            <Field label="Owner" htmlFor="prompt-owner" error={err.orgId} hint={orgId ? "The organisation owns it: its roles decide who may change it, and contributors' versions go through review." : "Only you manage it. You can transfer it to an organisation later."}>
              <Select
                id="prompt-owner"
                name="orgId"
                value={orgId}
                onChange={(e) => {
                  fe.touch("orgId");
                  const next = e.target.value;
                  setOrgId(next);
                  // "Members" exists only for an organisation's prompt.
                  if (!next && visibility === "members") setVisibility("private");
                  if (!next) setGlobal(false);
                }}
                {...invalid("orgId", "prompt-owner")}
              >
                <option value="">Me (@{handle})</option>
                {orgs.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </Select>
            </Field>
            {orgId ? (
              <div className="space-y-1.5 sm:pt-7">
                <label className="flex items-start gap-2 text-sm text-slate-800">
                  <input type="checkbox" className="mt-0.5 h-4 w-4 rounded border-slate-300 text-indigo-600" checked={global} onChange={(e) => edit("global", setGlobal)(e.target.checked)} />
                  <span>
                    <span className="font-medium">Global prompt</span>
                    <span className="block text-xs text-slate-500">Every version, this first one too, needs two approvals by two people other than its author.</span>
                  </span>
                </label>
                {err.global ? <p className="text-sm text-rose-600" role="alert">{err.global}</p> : null}
              </div>
            ) : null}
          </div>
        ) : null}
        <Field label="Tags" htmlFor="prompt-tags" error={err.tags} hint="Optional, up to 10. Press Enter or comma to add one; existing tags are suggested as you type.">
          <TagInput id="prompt-tags" value={tags} onChange={edit("tags", setTags)} invalid={Boolean(err.tags)} describedBy={err.tags ? "prompt-tags-error" : undefined} />
        </Field>
      </FormSection>

      <FormSection
        id="prompt-heading"
        title="Prompt"
        description={
          <>
            The text people will copy and run. Mark the parts they fill in with <code className="font-mono text-indigo-700">{"{{variables}}"}</code>.
          </>
        }
      >
        <BodyEditor id="prompt-body" value={body} onChange={edit("body", setBody)} error={err.body} />
        <ChangelogField id="prompt-changelog" value={changelog} onChange={edit("changelog", setChangelog)} error={err.changelog} placeholder="First version" />
      </FormSection>

      <FormErrorSummary error={create.error} state={fe} />
      <div className="flex flex-col-reverse gap-3 border-t border-slate-200 pt-6 sm:flex-row sm:items-center sm:justify-end">
        <ButtonLink href="/" variant="ghost">
          Cancel
        </ButtonLink>
        <Button type="submit" size="lg" disabled={pending} aria-describedby={invalidSlots.length ? "prompt-body-slots" : undefined}>
          {pending ? "Publishing…" : "Publish prompt"}
        </Button>
      </div>
    </form>
  );
}
