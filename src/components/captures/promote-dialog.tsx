"use client";
// The form that turns a detected prompt or a template into a library prompt: a title (prefilled,
// editable) and a category. The caller wires the mutation, so both kinds share one form.
import { useId, useState, type FormEvent } from "react";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions, DialogError } from "@/components/ui/dialog";
import { Field, Input, Select } from "@/components/ui/field";
import { fieldError, fieldErrorsOf, type FieldErrorMap } from "@/components/ui/field-errors";
import { CategoryOptions } from "@/components/prompts/category-options";
import { CATEGORY_SLUGS, type Category } from "@/shared/prompts/categories";
import { categorySchema, TITLE_MAX_LENGTH, titleSchema } from "@/shared/prompts/prompt-fields";

const promoteFields = z.object({ title: titleSchema, category: categorySchema });
const LABELS = { title: "Title", category: "Category" } as const;

export type PromoteValues = z.infer<typeof promoteFields>;

export function PromoteDialog({
  defaultTitle,
  description,
  pending,
  error,
  onSubmit,
  onClose,
}: {
  defaultTitle: string;
  description: string;
  pending: boolean;
  /** The mutation's error: field errors go under their field, anything else under the form. */
  error: unknown;
  onSubmit: (values: PromoteValues) => void;
  onClose: () => void;
}) {
  const id = useId();
  const [title, setTitle] = useState(defaultTitle.slice(0, TITLE_MAX_LENGTH));
  const [category, setCategory] = useState<Category | "">("");
  const [clientErrors, setClientErrors] = useState<FieldErrorMap>({});
  const serverErrors = fieldErrorsOf(error);
  const errorFor = (f: keyof typeof LABELS) => fieldError(clientErrors, f, LABELS[f]) ?? fieldError(serverErrors, f, LABELS[f]);
  const unplaced = error && !errorFor("title") && !errorFor("category") ? (error as Error).message : null;

  function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = promoteFields.safeParse({ title, category });
    if (!parsed.success) {
      const errors: FieldErrorMap = {};
      for (const issue of parsed.error.issues) (errors[issue.path.join(".")] ??= []).push(category === "" && issue.path[0] === "category" ? "is required: pick one" : issue.message);
      return setClientErrors(errors);
    }
    setClientErrors({});
    onSubmit(parsed.data);
  }

  const describe = (f: keyof typeof LABELS, fieldId: string) => (errorFor(f) ? { "aria-invalid": true, "aria-describedby": `${fieldId}-error` } : {});

  return (
    <Dialog open onClose={onClose} labelledBy={`${id}-heading`} title="Promote to My prompts" description={description}>
      <form onSubmit={submit} noValidate className="space-y-4" aria-label="Promote to My prompts">
        <Field label="Title" htmlFor={`${id}-title`} error={errorFor("title")}>
          <Input id={`${id}-title`} value={title} maxLength={TITLE_MAX_LENGTH} onChange={(e) => setTitle(e.target.value)} {...describe("title", `${id}-title`)} />
        </Field>
        <Field label="Category" htmlFor={`${id}-category`} error={errorFor("category")}>
          <Select
            id={`${id}-category`}
            value={category}
            onChange={(e) => setCategory((CATEGORY_SLUGS as readonly string[]).includes(e.target.value) ? (e.target.value as Category) : "")}
            {...describe("category", `${id}-category`)}
          >
            <option value="">Choose a category…</option>
            <CategoryOptions />
          </Select>
        </Field>
        <p className="text-xs text-slate-500">It starts private, as version 1. Its calls so far, and the ones that follow, count as its usage.</p>
        <DialogError action="promote" message={unplaced} />
        <DialogActions onCancel={onClose}>
          <Button type="submit" disabled={pending}>
            {pending ? "Promoting…" : "Promote"}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
