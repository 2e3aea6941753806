"use client";
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { signInErrorMessage } from "@/shared/auth/sign-in-errors";
import { signInFields } from "@/shared/auth/account-fields";
import { fieldError } from "@/components/ui/field-errors";
import { clientValidationError } from "@/components/ui/validation-error";

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | undefined>(initialError);
  /** Field errors found in the browser before asking the server (an empty or malformed field). */
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const emailError = fieldError(fieldErrors, "email", "Email");
  const passwordError = fieldError(fieldErrors, "password", "Password");

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    const checked = signInFields.safeParse({ email, password });
    if (!checked.success) {
      setFieldErrors(clientValidationError(checked.error).data.fieldErrors);
      (e.currentTarget as HTMLFormElement).querySelector<HTMLElement>(checked.error.issues[0]?.path[0] === "password" ? "#signin-password" : "#signin-email")?.focus();
      return;
    }
    setFieldErrors({});
    setPending(true);
    try {
      const result = await signIn("credentials", { email, password, redirect: false });
      if (!result || result.error) {
        // Auth.js passes the code our authorize() threw (throttling) or "credentials".
        setError(result ? signInErrorMessage(result.error, result.code) : "Could not reach the server. Please try again.");
        setPending(false);
        return;
      }
      router.push(callbackUrl);
      router.refresh();
    } catch {
      setError("Could not reach the server. Please try again.");
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Field label="Email" htmlFor="signin-email" error={emailError}>
        <Input
          id="signin-email"
          name="email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={error || emailError ? true : undefined}
          aria-describedby={emailError ? "signin-email-error" : undefined}
          placeholder="you@example.com"
        />
      </Field>
      <Field label="Password" htmlFor="signin-password" error={passwordError}>
        <Input
          id="signin-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={error || passwordError ? true : undefined}
          aria-describedby={passwordError ? "signin-password-error" : undefined}
        />
      </Field>
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
