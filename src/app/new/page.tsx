import type { Metadata } from "next";
import { requireSignedIn } from "@/server/auth/require-signed-in";
import { serverApi } from "@/trpc/server";
import { roleAllows } from "@/shared/governance/role-matrix";
import { firstParam } from "../_components/search-params";
import { NewPromptForm } from "./_components/new-prompt-form";

export const metadata: Metadata = { title: "New prompt" };
export const dynamic = "force-dynamic";

export default async function NewPromptPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireSignedIn("/new");
  // Organisations where the viewer may create prompts (owner or admin there); ?org=<slug> preselects one.
  const orgs = (await (await serverApi()).org.mine()).filter((o) => roleAllows(o.role, "prompt.create")).map((o) => ({ id: o.id, slug: o.slug, name: o.name }));
  const asked = firstParam((await searchParams).org);
  const initialOrgId = orgs.find((o) => o.slug === asked)?.id ?? null;

  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:py-10">
      <div className="mb-8">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">New prompt</h1>
        <p className="mt-1.5 text-sm text-slate-600">
          Publish a prompt as version 1. Every later edit becomes a new numbered version; nothing is ever overwritten.
        </p>
      </div>
      <NewPromptForm handle={user.handle} orgs={orgs} initialOrgId={initialOrgId} />
    </main>
  );
}
