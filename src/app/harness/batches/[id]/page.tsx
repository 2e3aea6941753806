import type { Metadata } from "next";
import Link from "next/link";
import { requireSignedIn } from "@/server/auth/require-signed-in";
import { notFoundOnMissing } from "@/trpc/not-found-on-missing";
import { serverApi } from "@/trpc/server";
import { BatchView } from "./_components/batch-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Batch" };

/** A harness batch: live progress while it runs, then its results table, row matrix and CSV. Owner only. */
export default async function BatchPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireSignedIn(`/harness/batches/${id}`);
  const api = await serverApi();
  const [results, status] = await Promise.all([api.harness.batchResults({ batchId: id, limit: 25 }).catch(notFoundOnMissing), api.harness.batchStatus({ batchId: id }).catch(notFoundOnMissing)]);
  const b = results.batch;
  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:py-10">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        {b.promptSlug ? (
          <Link href={`/p/${b.promptSlug}`} className="font-medium text-indigo-700 hover:underline">
            {b.promptTitle}
          </Link>
        ) : (
          <span>Prompt</span>
        )}
        <span aria-hidden="true"> / </span>
        <span>Batches</span>
      </nav>
      <h1 className="mt-2 text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">
        Batch of {results.batch.rowCount} row{results.batch.rowCount === 1 ? "" : "s"} × {b.models.length} model{b.models.length === 1 ? "" : "s"}
      </h1>
      <p className="mt-1.5 text-sm text-slate-600">
        Version {b.versionNumber ?? "?"} · {b.cellCount} calls · {b.assertions.length ? `${b.assertions.length} assertion${b.assertions.length === 1 ? "" : "s"}` : "no assertions"}
      </p>
      <BatchView batchId={id} initialResults={results} initialStatus={status} />
    </main>
  );
}
