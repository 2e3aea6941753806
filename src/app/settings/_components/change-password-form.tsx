"use client";
import { useRef, useState, type FormEvent } from "react";
import { z } from "zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTRPC } from "@/trpc/react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { useFieldErrors, useFocusFirstInvalid } from "@/components/ui/use-field-errors";
import { clientValidationError, type ClientValidationError } from "@/components/ui/validation-error";
import { passwordSchema } from "@/shared/auth/account-fields";

const FIELDS = ["currentPassword", "newPassword"] as const;

/**
 * Changing the password signs out every session signed in with the old one (the server checks a
 * stamp of the password on each request); this browser signs in again with the new password at once.
 */
export function ChangePasswordForm({ hasPassword, email }: { hasPassword: boolean; email: string | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [values, setValues] = useState({ currentPassword: "", newPassword: "" });
  const [saved, setSaved] = useState(false);
  const change = useMutation(
    trpc.user.changePassword.mutationOptions({
      onSuccess: async (_result, input) => {
        if (email) await signIn("credentials", { email, password: input.newPassword, redirect: false });
        setValues({ currentPassword: "", newPassword: "" });
        setSaved(true);
        router.refresh();
      },
    }),
  );
  const formRef = useRef<HTMLFormElement>(null);
  // Checked here first with the server's own rule, so an expected 400 never reaches the network.
  const [invalid, setInvalid] = useState<ClientValidationError | null>(null);
  const error = invalid ?? change.error;
  const fe = useFieldErrors(error, FIELDS);
  useFocusFirstInvalid(formRef, error);
  const err = { currentPassword: fe.errorFor("currentPassword", "Current password"), newPassword: fe.errorFor("newPassword", "New password") };
  const set = (field: (typeof FIELDS)[number]) => (e: { target: { value: string } }) => {
    setSaved(false);
    fe.touch(field);
    setInvalid(null);
    setValues((v) => ({ ...v, [field]: e.target.value }));
  };
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    fe.reset();
    const checked = z.object({ newPassword: passwordSchema }).safeParse({ newPassword: values.newPassword });
    if (!checked.success) {
      setInvalid(clientValidationError(checked.error));
      return;
    }
    setInvalid(null);
    change.mutate({ newPassword: values.newPassword, ...(hasPassword ? { currentPassword: values.currentPassword } : {}) });
  }
  return (
    <Card>
      <form ref={formRef} onSubmit={onSubmit} noValidate aria-labelledby="change-password-heading">
        <div className="space-y-5 p-5 sm:p-6">
          <h3 id="change-password-heading" className="text-sm font-semibold text-slate-900">{hasPassword ? "Change password" : "Set a password"}</h3>
          {hasPassword ? (
            <Field label="Current password" htmlFor="current-password" error={err.currentPassword}>
              <Input id="current-password" name="currentPassword" type="password" autoComplete="current-password" value={values.currentPassword} onChange={set("currentPassword")} aria-invalid={err.currentPassword ? true : undefined} aria-describedby={err.currentPassword ? "current-password-error" : undefined} />
            </Field>
          ) : (
            <p className="text-sm text-slate-600">You sign in with GitHub. A password lets you sign in with your email too.</p>
          )}
          <Field label="New password" htmlFor="new-password" error={err.newPassword} hint="At least 8 characters.">
            <Input id="new-password" name="newPassword" type="password" autoComplete="new-password" value={values.newPassword} onChange={set("newPassword")} aria-invalid={err.newPassword ? true : undefined} aria-describedby={err.newPassword ? "new-password-error" : undefined} />
          </Field>
          <FormErrorSummary error={error} state={fe} />
        </div>
        <div className="flex items-center justify-end gap-3 rounded-b-xl border-t border-slate-100 bg-slate-50/70 px-5 py-3 sm:px-6">
          <p aria-live="polite" className="text-sm font-medium text-emerald-700">{saved ? "Password changed; other sessions are signed out" : null}</p>
          <Button type="submit" disabled={change.isPending}>{change.isPending ? "Saving…" : hasPassword ? "Change password" : "Set password"}</Button>
        </div>
      </form>
    </Card>
  );
}
