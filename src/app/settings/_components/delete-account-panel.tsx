"use client";
// Deleting the account: first exactly what stays and what goes (user.deletionPlan), then the typed
// handle and the password, then sign-out.
import { useRef, useState, type FormEvent } from "react";
import Link from "next/link";
import { signOut } from "next-auth/react";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import type { AppRouter } from "@/server/api/root";
import type { inferRouterOutputs } from "@trpc/server";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { plural } from "@/components/ui/plural";
import { useFieldErrors, useFocusFirstInvalid } from "@/components/ui/use-field-errors";

type Plan = inferRouterOutputs<AppRouter>["user"]["deletionPlan"];
const FIELDS = ["confirmHandle", "currentPassword"] as const;
const SHOWN = 8;

export function DeleteAccountPanel({ plan, hasPassword }: { plan: Plan; hasPassword: boolean }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState({ confirmHandle: "", currentPassword: "" });
  const remove = useMutation(trpc.user.deleteAccount.mutationOptions({ onSuccess: () => void signOut({ callbackUrl: "/" }) }));
  const formRef = useRef<HTMLFormElement>(null);
  const fe = useFieldErrors(remove.error, FIELDS);
  useFocusFirstInvalid(formRef, remove.error);
  const err = { confirmHandle: fe.errorFor("confirmHandle", "Handle"), currentPassword: fe.errorFor("currentPassword", "Password") };
  const set = (field: (typeof FIELDS)[number]) => (e: { target: { value: string } }) => {
    fe.touch(field);
    setValues((v) => ({ ...v, [field]: e.target.value }));
  };
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    fe.reset();
    remove.mutate({ confirmHandle: values.confirmHandle, ...(hasPassword ? { currentPassword: values.currentPassword } : {}) });
  }
  const c = plan.counts;
  const goes = [
    plural(plan.deletedPrompts.length, "prompt") + " with all their versions, comments and ratings",
    c.comments ? plural(c.comments, "comment") + (c.repliedComments ? ` (${c.repliedComments === 1 ? "the one" : `the ${c.repliedComments}`} others replied to ${c.repliedComments === 1 ? "stays" : "stay"} as “deleted”)` : "") : null,
    c.ratings ? plural(c.ratings, "rating") : null,
    c.likes ? plural(c.likes, "like") : null,
    c.following || c.followers ? `your follows (${c.following} following, ${c.followers} ${c.followers === 1 ? "follower" : "followers"})` : null,
    c.captures ? plural(c.captures, "captured call") : null,
    c.apiKeys ? plural(c.apiKeys, "API key") : null,
    "your email, password, name, bio, avatar and every signed-in session",
    c.purchases ? `access to the ${plural(c.purchases, "prompt")} you bought` : null,
  ].filter(Boolean);

  return (
    <Card className="border-rose-200 p-5 ring-1 ring-rose-100 sm:p-6">
      <h3 className="text-sm font-semibold text-rose-800">Delete your account</h3>
      <p className="mt-1 text-sm text-slate-600">This cannot be undone. Download your data first if you want a copy.</p>
      <div className="mt-4 grid gap-4 text-sm sm:grid-cols-2">
        <div>
          <p className="font-medium text-slate-900">What goes</p>
          <ul className="mt-1.5 list-disc space-y-1 pl-5 text-slate-700">
            {goes.map((g) => <li key={g}>{g}</li>)}
          </ul>
          {plan.deletedPrompts.length ? (
            <p className="mt-2 text-xs text-slate-500">
              Deleted: {plan.deletedPrompts.slice(0, SHOWN).map((p) => `“${p.title}”`).join(", ")}
              {plan.deletedPrompts.length > SHOWN ? ` and ${plan.deletedPrompts.length - SHOWN} more` : ""}
            </p>
          ) : null}
        </div>
        <div>
          <p className="font-medium text-slate-900">What stays</p>
          {plan.keptPrompts.length ? (
            <>
              <p className="mt-1.5 text-slate-700">
                Others rely on these (they paid for them or forked them), so they are archived, not deleted: licensees keep reading them, forks keep their lineage, nobody can buy them any more, and they are shown as by “Deleted user”.
              </p>
              <ul className="mt-1.5 list-disc space-y-1 pl-5 text-slate-700">
                {plan.keptPrompts.map((p) => (
                  <li key={p.id}>
                    <Link href={`/p/${p.slug}`} className="text-indigo-700 hover:underline">{p.title}</Link> ({[p.licenses ? plural(p.licenses, "license") : null, p.forks ? plural(p.forks, "fork") : null].filter(Boolean).join(", ")})
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="mt-1.5 text-slate-700">Nothing you wrote. Sales records keep an anonymous “Deleted user” for the other side of each sale.</p>
          )}
        </div>
      </div>
      {open ? (
        <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="Confirm account deletion" className="mt-5 space-y-4 border-t border-rose-100 pt-5">
          <Field label={`Type your handle, ${plan.handle}, to confirm`} htmlFor="delete-confirm-handle" error={err.confirmHandle}>
            <Input id="delete-confirm-handle" name="confirmHandle" autoComplete="off" value={values.confirmHandle} onChange={set("confirmHandle")} aria-invalid={err.confirmHandle ? true : undefined} aria-describedby={err.confirmHandle ? "delete-confirm-handle-error" : undefined} />
          </Field>
          {hasPassword ? (
            <Field label="Password" htmlFor="delete-current-password" error={err.currentPassword}>
              <Input id="delete-current-password" name="currentPassword" type="password" autoComplete="current-password" value={values.currentPassword} onChange={set("currentPassword")} aria-invalid={err.currentPassword ? true : undefined} aria-describedby={err.currentPassword ? "delete-current-password-error" : undefined} />
            </Field>
          ) : null}
          <FormErrorSummary error={remove.error} state={fe} />
          <div className="flex flex-wrap justify-end gap-3">
            <Button variant="secondary" onClick={() => setOpen(false)}>Cancel</Button>
            <Button type="submit" variant="danger" disabled={remove.isPending || values.confirmHandle.trim().toLowerCase() !== plan.handle}>
              {remove.isPending ? "Deleting…" : "Delete my account"}
            </Button>
          </div>
        </form>
      ) : (
        <div className="mt-5 flex justify-end">
          <Button variant="danger" onClick={() => setOpen(true)}>Delete account…</Button>
        </div>
      )}
    </Card>
  );
}
