import type { Metadata } from "next";
import Link from "next/link";
import { CollectionForm } from "@/components/collections/collection-form";
import { requireSignedIn } from "@/server/auth/require-signed-in";
import { roleAllows } from "@/shared/governance/role-matrix";
import { serverApi } from "@/trpc/server";

export const metadata: Metadata = { title: "New collection" };
export const dynamic = "force-dynamic";

export default async function NewCollectionPage() {
  await requireSignedIn("/collections/new");
  const orgs = await (await serverApi()).org.mine();
  const owners = orgs.filter((o) => roleAllows(o.role, "collection.manage")).map((o) => ({ orgId: o.id, label: o.name }));
  return (
    <main className="mx-auto w-full max-w-2xl px-4 py-8 sm:py-10">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href="/collections" className="rounded hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-indigo-600">
          ← Collections
        </Link>
      </nav>
      <h1 className="mt-3 text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">New collection</h1>
      <p className="mt-1.5 text-sm text-slate-600">Gather prompts in the order you use them. Add prompts from any prompt page; pick the collection for your tools and your editor serves them.</p>
      <div className="mt-6 rounded-xl border border-slate-200 bg-white p-5 shadow-xs sm:p-6">
        <CollectionForm owners={owners} />
      </div>
    </main>
  );
}
