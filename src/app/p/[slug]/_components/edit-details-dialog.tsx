"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions, DialogError } from "@/components/ui/dialog";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { fieldError, fieldErrorsOf, type FieldErrorMap } from "@/components/ui/field-errors";
import { CategoryOptions } from "@/components/prompts/category-options";
import { TagInput } from "@/components/editor/tag-input";
import type { Category } from "@/shared/prompts/categories";
import { categorySchema, DESCRIPTION_MAX_LENGTH, descriptionSchema, tagsSchema, TITLE_MAX_LENGTH, titleSchema, visibilitySchema } from "@/shared/prompts/prompt-fields";
import { VISIBILITIES, type Visibility } from "@/shared/prompts/visibility";
import { useTRPC } from "@/trpc/react";

/** The same field schemas the API uses, checked before the request. */
const detailsSchema = z.object({ title: titleSchema, description: descriptionSchema, category: categorySchema, tags: tagsSchema, visibility: visibilitySchema });
const FIELDS = ["title", "description", "category", "tags", "visibility"] as const;
type FieldName = (typeof FIELDS)[number];
const LABELS: Record<FieldName, string> = { title: "Title", description: "Description", category: "Category", tags: "Tags", visibility: "Visibility" };

export type EditableDetails = { id: string; title: string; description: string; category: string; tags: string[]; visibility: Visibility; forSale: boolean; orgId?: string | null; global?: boolean };

/** The owner's "Edit details" form: title, description, category, tags and visibility (content changes are new versions). */
export function EditDetailsDialog({ prompt, onClose }: { prompt: EditableDetails; onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [values, setValues] = useState({ title: prompt.title, description: prompt.description, category: prompt.category as Category, tags: prompt.tags, visibility: prompt.visibility });
  // An organisation's prompt only: whether every version needs two approvals.
  const [global, setGlobal] = useState(prompt.global ?? false);
  const [clientErrors, setClientErrors] = useState<FieldErrorMap>({});
  const [touched, setTouched] = useState<ReadonlySet<FieldName>>(new Set());
  const update = useMutation(
    trpc.prompt.update.mutationOptions({
      onSuccess: () => {
        router.refresh();
        onClose();
      },
    }),
  );
  const serverErrors = fieldErrorsOf(update.error);
  const errorFor = (f: FieldName) => (touched.has(f) ? undefined : (fieldError(clientErrors, f, LABELS[f]) ?? fieldError(serverErrors, f, LABELS[f])));
  const unplaced = update.error && !FIELDS.some((f) => fieldError(serverErrors, f, f)) ? update.error.message : null;
  const set = <K extends FieldName>(field: K, value: (typeof values)[K]) => {
    setTouched((t) => new Set(t).add(field));
    setValues((v) => ({ ...v, [field]: value }));
  };
  // Licensees would lose access: the server refuses it, and the form says so up front.
  const privateBlocked = prompt.forSale && prompt.visibility !== "private";

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setTouched(new Set());
    const parsed = detailsSchema.safeParse(values);
    if (!parsed.success) {
      const errors: FieldErrorMap = {};
      for (const issue of parsed.error.issues) (errors[issue.path.join(".")] ??= []).push(issue.message);
      setClientErrors(errors);
      return;
    }
    setClientErrors({});
    update.mutate({ promptId: prompt.id, ...parsed.data, ...(prompt.orgId && global !== (prompt.global ?? false) ? { global } : {}) });
  }

  const describe = (f: FieldName, fieldId: string) => (errorFor(f) ? { "aria-invalid": true, "aria-describedby": `${fieldId}-error` } : {});

  return (
    <Dialog open onClose={onClose} labelledBy={`${id}-heading`} title="Edit details" description="How your prompt appears in the catalogue. To change its text, save a new version.">
      <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Edit details">
        <Field label="Title" htmlFor={`${id}-title`} error={errorFor("title")}>
          <Input id={`${id}-title`} value={values.title} maxLength={TITLE_MAX_LENGTH} onChange={(e) => set("title", e.target.value)} {...describe("title", `${id}-title`)} />
        </Field>
        <Field label="Description" htmlFor={`${id}-description`} error={errorFor("description")}>
          <Textarea id={`${id}-description`} rows={3} value={values.description} maxLength={DESCRIPTION_MAX_LENGTH} onChange={(e) => set("description", e.target.value)} {...describe("description", `${id}-description`)} />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Category" htmlFor={`${id}-category`} error={errorFor("category")}>
            <Select id={`${id}-category`} value={values.category} onChange={(e) => set("category", e.target.value as Category)} {...describe("category", `${id}-category`)}>
              <CategoryOptions />
            </Select>
          </Field>
          <Field label="Visibility" htmlFor={`${id}-visibility`} error={errorFor("visibility")} hint={VISIBILITIES[values.visibility].hint}>
            <Select id={`${id}-visibility`} value={values.visibility} onChange={(e) => set("visibility", e.target.value as Visibility)} {...describe("visibility", `${id}-visibility`)}>
              {/* "Members" only for an organisation's prompt. */}
              {Object.entries(VISIBILITIES).filter(([value]) => value !== "members" || prompt.orgId).map(([value, v]) => (
                <option key={value} value={value} disabled={value === "private" && privateBlocked}>
                  {v.label}
                  {value === "private" && privateBlocked ? " (not while on sale)" : ""}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        {privateBlocked ? (
          <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
            This prompt is on sale, so it cannot be made private: its licensees would lose access to what they bought. Pause the listing first, or keep it public or unlisted.
          </p>
        ) : null}
        {prompt.orgId ? (
          <label className="flex items-start gap-2 text-sm text-slate-800">
            <input type="checkbox" className="mt-0.5 h-4 w-4 rounded border-slate-300 text-indigo-600" checked={global} onChange={(e) => setGlobal(e.target.checked)} />
            <span>
              <span className="font-medium">Global prompt</span>
              <span className="block text-xs text-slate-500">Every new version needs two approvals by two people other than its author.</span>
            </span>
          </label>
        ) : null}
        <Field label="Tags" htmlFor={`${id}-tags`} error={errorFor("tags")} hint="Up to 10. Enter or comma adds one; existing tags are suggested.">
          <TagInput id={`${id}-tags`} value={values.tags} onChange={(tags) => set("tags", tags)} invalid={Boolean(errorFor("tags"))} describedBy={errorFor("tags") ? `${id}-tags-error` : undefined} />
        </Field>
        <DialogError action="save" message={unplaced} />
        <DialogActions onCancel={onClose}>
          <Button type="submit" disabled={update.isPending}>
            {update.isPending ? "Saving…" : "Save details"}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
