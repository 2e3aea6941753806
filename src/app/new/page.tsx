import type { Metadata } from "next";
import { requireSignedIn } from "@/server/auth/require-signed-in";
import { NewPromptForm } from "./_components/new-prompt-form";

export const metadata: Metadata = { title: "New prompt" };
export const dynamic = "force-dynamic";

export default async function NewPromptPage() {
  await requireSignedIn("/new");

  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:py-10">
      <div className="mb-8">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">New prompt</h1>
        <p className="mt-1.5 text-sm text-slate-600">
          Publish a prompt as version 1. Every later edit becomes a new numbered version; nothing is ever overwritten.
        </p>
      </div>
      <NewPromptForm />
    </main>
  );
}
