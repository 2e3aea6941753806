"use client";
import { useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useTRPC } from "@/trpc/react";
import { signInHref } from "@/shared/auth/sign-in-href";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { useFieldErrors, useFocusFirstInvalid } from "@/components/ui/use-field-errors";
import { clientValidationError, type ClientValidationError } from "@/components/ui/validation-error";
import { signUpFields } from "@/shared/auth/account-fields";

const FIELDS = ["name", "handle", "email", "password"] as const;
type FieldName = (typeof FIELDS)[number];
const LABELS: Record<FieldName, string> = { name: "Name", handle: "Handle", email: "Email", password: "Password" };

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const trpc = useTRPC();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Record<FieldName, string>>({ name: "", handle: "", email: "", password: "" });
  const [signInError, setSignInError] = useState<string>();
  const [signingIn, setSigningIn] = useState(false);

  const signUp = useMutation(
    trpc.user.signUp.mutationOptions({
      onSuccess: async () => {
        setSigningIn(true);
        const result = await signIn("credentials", { email: values.email, password: values.password, redirect: false }).catch(() => null);
        if (!result || result.error) {
          setSigningIn(false);
          setSignInError("Your account was created, but signing in failed. Please sign in.");
          router.push(signInHref(callbackUrl));
          return;
        }
        router.push(callbackUrl);
        router.refresh();
      },
    }),
  );
  // Checked in the browser with the API's own schema first, so a form the server would refuse is
  // never sent (no 400 in the console); the server's answer is shown the same way when it does refuse.
  const [invalid, setInvalid] = useState<ClientValidationError | null>(null);
  const error = invalid ?? signUp.error;
  const fe = useFieldErrors(error, FIELDS);
  useFocusFirstInvalid(formRef, error);
  const pending = signUp.isPending || signingIn;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSignInError(undefined);
    fe.reset();
    const input = {
      email: values.email,
      password: values.password,
      handle: values.handle,
      ...(values.name.trim() ? { name: values.name } : {}),
    };
    const checked = signUpFields.safeParse(input);
    if (!checked.success) {
      signUp.reset();
      setInvalid(clientValidationError(checked.error));
      return;
    }
    setInvalid(null);
    signUp.mutate(input);
  }

  /** Value, change handler and error wiring for one input. */
  function bind(field: FieldName) {
    const error = fe.errorFor(field, LABELS[field]);
    return {
      id: `signup-${field}`,
      name: field,
      value: values[field],
      onChange: (e: { target: { value: string } }) => {
        fe.touch(field);
        setValues((v) => ({ ...v, [field]: e.target.value }));
      },
      "aria-invalid": error ? true : undefined,
      "aria-describedby": error ? `signup-${field}-error` : undefined,
    };
  }

  const handlePreview = values.handle.trim().toLowerCase() || "your-handle";

  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-5" noValidate>
      <FormErrorSummary error={error} state={fe} />
      {signInError ? <Alert tone="error">{signInError}</Alert> : null}
      <Field label="Name" htmlFor="signup-name" error={fe.errorFor("name", "Name")} hint="Optional. Shown on your profile and prompts.">
        <Input {...bind("name")} autoComplete="name" placeholder="Ada Lovelace" />
      </Field>
      <Field
        label="Handle"
        htmlFor="signup-handle"
        error={fe.errorFor("handle", "Handle")}
        hint={
          <>
            Lowercase letters, digits and dashes. Your profile: <span className="font-mono text-slate-700">/u/{handlePreview}</span>
          </>
        }
      >
        <div className="relative">
          <span aria-hidden className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-sm text-slate-400">
            @
          </span>
          <Input {...bind("handle")} autoComplete="username" autoCapitalize="none" spellCheck={false} required className="pl-7" placeholder="ada" />
        </div>
      </Field>
      <Field label="Email" htmlFor="signup-email" error={fe.errorFor("email", "Email")}>
        <Input {...bind("email")} type="email" autoComplete="email" required placeholder="you@example.com" />
      </Field>
      <Field label="Password" htmlFor="signup-password" error={fe.errorFor("password", "Password")} hint="At least 8 characters.">
        <Input {...bind("password")} type="password" autoComplete="new-password" required />
      </Field>
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {signingIn ? "Signing you in…" : signUp.isPending ? "Creating account…" : "Create account"}
      </Button>
    </form>
  );
}
