import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "./_components/auth-card";
import { headers } from "next/headers";
import { originFromHeaders } from "@/server/http/site-origin";
import { authHref, callbackUrlFrom } from "./_components/callback-url";
import { GitHubOption } from "./_components/github-option";
import { SignInForm } from "./_components/sign-in-form";
import { signInErrorMessage } from "@/shared/auth/sign-in-errors";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

// Auth.js sends people back here with ?error=… when a redirecting sign-in (GitHub) fails, and
// ?error=CredentialsSignin&code=… when a password sign-in without JavaScript does.
const AUTH_ERRORS: Record<string, string> = {
  OAuthAccountNotLinked: "That email already has an account. Sign in with your password instead.",
  AccessDenied: "Access was denied.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const h = await headers();
  const callbackUrl = callbackUrlFrom(params.callbackUrl, h.get("referer"), originFromHeaders(h));
  const errorCode = typeof params.error === "string" ? params.error : undefined;
  const initialError = errorCode
    ? errorCode === "CredentialsSignin"
      ? signInErrorMessage(errorCode, typeof params.code === "string" ? params.code : undefined)
      : (AUTH_ERRORS[errorCode] ?? "Sign-in failed. Please try again.")
    : undefined;

  return (
    <AuthCard
      title="Sign in to Promptuary"
      subtitle="Welcome back. Pick up where you left off."
      footer={
        <>
          New to Promptuary?{" "}
          <Link href={authHref("/signup", callbackUrl)} className="font-semibold text-indigo-600 hover:text-indigo-500">
            Create an account
          </Link>
        </>
      }
    >
      <GitHubOption callbackUrl={callbackUrl} />
      <SignInForm callbackUrl={callbackUrl} initialError={initialError} />
    </AuthCard>
  );
}
