import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "../signin/_components/auth-card";
import { authHref, safeCallbackUrl } from "../signin/_components/callback-url";
import { GitHubOption } from "../signin/_components/github-option";
import { SignUpForm } from "./_components/sign-up-form";

export const metadata: Metadata = { title: "Create an account" };
export const dynamic = "force-dynamic";

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  // Without an explicit callbackUrl a new account lands on the home page and its first steps.
  const callbackUrl = safeCallbackUrl(params.callbackUrl);

  return (
    <AuthCard
      title="Create your account"
      subtitle="Publish prompts, keep every version, and fork what others share."
      footer={
        <>
          Already have an account?{" "}
          <Link href={authHref("/signin", callbackUrl)} className="font-semibold text-indigo-600 hover:text-indigo-500">
            Sign in
          </Link>
        </>
      }
    >
      <GitHubOption callbackUrl={callbackUrl} />
      <SignUpForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
