"use client";
import { useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { useFieldErrors, useFocusFirstInvalid } from "@/components/ui/use-field-errors";

const FIELDS = ["email", "currentPassword"] as const;

export function ChangeEmailForm({ email, hasPassword }: { email: string | null; hasPassword: boolean }) {
  const router = useRouter();
  const trpc = useTRPC();
  const [values, setValues] = useState({ email: email ?? "", currentPassword: "" });
  const [saved, setSaved] = useState(false);
  const change = useMutation(
    trpc.user.changeEmail.mutationOptions({
      onSuccess: (result) => {
        setValues({ email: result.email ?? "", currentPassword: "" });
        setSaved(true);
        router.refresh();
      },
    }),
  );
  const formRef = useRef<HTMLFormElement>(null);
  const fe = useFieldErrors(change.error, FIELDS);
  useFocusFirstInvalid(formRef, change.error);
  const err = { email: fe.errorFor("email", "Email"), currentPassword: fe.errorFor("currentPassword", "Password") };
  const set = (field: (typeof FIELDS)[number]) => (e: { target: { value: string } }) => {
    setSaved(false);
    fe.touch(field);
    setValues((v) => ({ ...v, [field]: e.target.value }));
  };
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    fe.reset();
    change.mutate({ email: values.email, ...(hasPassword ? { currentPassword: values.currentPassword } : {}) });
  }
  return (
    <Card>
      <form ref={formRef} onSubmit={onSubmit} noValidate aria-labelledby="change-email-heading">
        <div className="space-y-5 p-5 sm:p-6">
          <h3 id="change-email-heading" className="text-sm font-semibold text-slate-900">Email</h3>
          <Field label="Email" htmlFor="account-email" error={err.email} hint="You sign in with it. Nobody else sees it.">
            <Input id="account-email" name="email" type="email" autoComplete="email" value={values.email} onChange={set("email")} aria-invalid={err.email ? true : undefined} aria-describedby={err.email ? "account-email-error" : undefined} />
          </Field>
          {hasPassword ? (
            <Field label="Password" htmlFor="email-current-password" error={err.currentPassword} hint="Confirm it's you.">
              <Input id="email-current-password" name="currentPassword" type="password" autoComplete="current-password" value={values.currentPassword} onChange={set("currentPassword")} aria-invalid={err.currentPassword ? true : undefined} aria-describedby={err.currentPassword ? "email-current-password-error" : undefined} />
            </Field>
          ) : null}
          <FormErrorSummary error={change.error} state={fe} />
        </div>
        <div className="flex items-center justify-end gap-3 rounded-b-xl border-t border-slate-100 bg-slate-50/70 px-5 py-3 sm:px-6">
          <p aria-live="polite" className="text-sm font-medium text-emerald-700">{saved ? "Email saved" : null}</p>
          <Button type="submit" disabled={change.isPending}>{change.isPending ? "Saving…" : "Change email"}</Button>
        </div>
      </form>
    </Card>
  );
}
