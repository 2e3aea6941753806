import type { Metadata } from "next";
import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { EmptyState } from "@/components/ui/empty-state";
import { requireSignedIn } from "@/server/auth/require-signed-in";
import { serverApi } from "@/trpc/server";
import { ReviewNoticeProvider } from "./_components/review-notice";
import { ReviewQueueActions } from "./_components/review-queue-actions";

export const metadata: Metadata = { title: "Reviews" };
export const dynamic = "force-dynamic";

/** What waits for the viewer's review, across the organisations where they are an owner or admin. */
export default async function ReviewsPage() {
  await requireSignedIn("/reviews");
  const api = await serverApi();
  const { items } = await api.review.queue();

  return (
    <main className="mx-auto w-full max-w-4xl px-4 py-8 sm:py-10">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Reviews</h1>
      <p className="mt-1.5 text-sm text-slate-600">
        Versions proposed in your organisations that wait for your approval, oldest first. Approving publishes a version (global prompts need two approvals by
        different people); rejecting needs a comment. Your own proposals wait for someone else.
      </p>
      <ReviewNoticeProvider>
      {items.length === 0 ? (
        <div className="mt-8">
          <EmptyState title="Nothing waits for you">When a contributor proposes a version in an organisation where you are an owner or admin, it appears here.</EmptyState>
        </div>
      ) : (
        <ol className="mt-6 divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs" aria-label="Proposals waiting for your review">
          {items.map((item) => (
            <li key={item.id} className="flex flex-col gap-3 px-4 py-4 sm:flex-row sm:items-start">
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-center gap-2">
                  <Link href={`/p/${item.prompt.slug}?v=${item.number}#versions`} className="font-semibold text-slate-900 hover:text-indigo-700">
                    {item.prompt.title} <span className="font-mono text-slate-600">v{item.number}</span>
                  </Link>
                  <Badge tone="amber">In review</Badge>
                  {item.prompt.global ? <Badge tone="indigo">Global</Badge> : null}
                </div>
                <p className={`mt-1 text-sm ${item.changelog ? "text-slate-700" : "italic text-slate-400"}`}>{item.changelog || "No changelog"}</p>
                <p className="mt-1.5 flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
                  <Avatar name={item.author.name} handle={item.author.handle} image={item.author.image} size={16} />
                  @{item.author.handle} · <DateTime value={item.createdAt} /> · in{" "}
                  <Link href={`/o/${item.org.slug}`} className="font-medium text-slate-700 hover:text-indigo-700">
                    {item.org.name}
                  </Link>
                  · {item.approvals.length} of {item.approvalsNeeded} approval{item.approvalsNeeded === 1 ? "" : "s"}
                  {item.approvals.length ? <> (by {item.approvals.map((h) => `@${h}`).join(", ")})</> : null}
                </p>
              </div>
              <div className="shrink-0">
                <ReviewQueueActions versionId={item.id} number={item.number} />
              </div>
            </li>
          ))}
        </ol>
      )}
      </ReviewNoticeProvider>
    </main>
  );
}
