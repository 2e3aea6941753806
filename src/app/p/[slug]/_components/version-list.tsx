"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { DateTime } from "@/components/ui/date-time";
import { LabelBadge } from "@/components/prompts/label-badges";
import type { VersionAbilities, VersionData } from "@/components/prompts/types";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";
import { DeprecateAction, ReviewActions } from "@/components/prompts/version-review-actions";

/** What a version's row needs to know about the viewer: their id and what they may do. */
export type VersionListViewer = { id: string | null; abilities: VersionAbilities | null };

/**
 * Newest first. Each row can be viewed and shows its status: in review (with its approvals so far
 * and reviews), rejected (with the reviewer's comment), deprecated (with its replacement). Reviewers
 * approve or reject proposals here; those who may move labels point `production` at an approved
 * version; those who may deprecate do.
 */
export function VersionList({
  versions,
  selectedNumber,
  isOwner,
  viewer,
  onView,
}: {
  versions: VersionData[];
  selectedNumber: number;
  isOwner: boolean;
  viewer?: VersionListViewer;
  onView: (number: number) => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [notice, setNotice] = useState<string | null>(null);
  const abilities = viewer?.abilities ?? null;
  // Without abilities (older callers), the owner keeps the Promote button as before.
  const mayPromote = abilities ? abilities.moveLabels : isOwner;
  const promote = useMutation(
    trpc.version.promote.mutationOptions({
      onSuccess: (r) => {
        setNotice(`v${r.number} is now in production.`);
        router.refresh();
      },
    }),
  );
  const live = versions.filter((v) => v.status === "approved" && !v.deprecatedAt);

  return (
    <div className="mt-3">
      <p aria-live="polite" className="empty:hidden mb-3 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-200">
        {notice}
      </p>
      {promote.error ? (
        <p role="alert" className="mb-3 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-inset ring-rose-200">
          Could not promote: {promote.error.message}
        </p>
      ) : null}
      <ol className="divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs" aria-label="Versions, newest first">
        {versions.map((v) => {
          const viewing = v.number === selectedNumber;
          const inProduction = v.labels.includes("production");
          const promoting = promote.isPending && promote.variables?.versionId === v.id;
          const approved = v.status === "approved";
          const approvals = v.reviews.filter((r) => r.decision === "approve");
          const reviewedByMe = v.reviews.some((r) => r.reviewer.id === viewer?.id);
          const mayReview = v.status === "in_review" && abilities?.approve && viewer?.id !== v.author.id && !reviewedByMe;
          return (
            <li key={v.id} className={`flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-start ${viewing ? "bg-indigo-50/50" : ""}`} aria-current={viewing ? "true" : undefined}>
              <div className="flex min-w-0 flex-1 items-start gap-3">
                <span className={`mt-0.5 inline-flex h-7 min-w-10 shrink-0 items-center justify-center rounded-md px-1.5 font-mono text-sm font-semibold ${viewing ? "bg-indigo-600 text-white" : "bg-slate-100 text-slate-700"}`}>
                  v{v.number}
                </span>
                <div className="min-w-0">
                  <div className="flex flex-wrap items-center gap-2">
                    <p className={`text-sm ${v.changelog ? "text-slate-900" : "italic text-slate-400"}`}>{v.changelog || "No changelog"}</p>
                    {v.status === "in_review" ? <Badge tone="amber">In review</Badge> : null}
                    {v.status === "rejected" ? <Badge tone="rose">Rejected</Badge> : null}
                    {v.status === "draft" ? <Badge>Draft</Badge> : null}
                    {v.deprecatedAt ? <Badge>Deprecated</Badge> : null}
                    {v.labels.map((l) => (
                      <LabelBadge key={l} name={l} />
                    ))}
                  </div>
                  <p className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
                    <Avatar name={v.author.name} handle={v.author.handle} image={v.author.image} size={16} />
                    @{v.author.handle} · <DateTime value={v.createdAt} />
                    {v.status === "in_review" ? (
                      <span>
                        · {approvals.length} of {abilities?.approvalsNeeded ?? 1} approval{(abilities?.approvalsNeeded ?? 1) === 1 ? "" : "s"}
                      </span>
                    ) : null}
                  </p>
                  {v.deprecatedAt ? (
                    <p className="mt-1 text-xs text-slate-600">
                      Deprecated <DateTime value={v.deprecatedAt} />
                      {v.replacedBy ? (
                        <>
                          {" "}
                          · replaced by{" "}
                          <button type="button" className="font-medium text-indigo-700 underline-offset-2 hover:underline" onClick={() => onView(v.replacedBy!.number)}>
                            v{v.replacedBy.number}
                          </button>
                        </>
                      ) : null}
                      {v.deprecationNote ? <> · {v.deprecationNote}</> : null}
                    </p>
                  ) : null}
                  {v.reviews.length ? (
                    <ul className="mt-1.5 space-y-0.5 text-xs text-slate-600" aria-label={`Reviews of v${v.number}`}>
                      {v.reviews.map((r) => (
                        <li key={r.reviewer.id}>
                          <span className={r.decision === "approve" ? "font-medium text-emerald-700" : "font-medium text-rose-700"}>{r.decision === "approve" ? "Approved" : "Rejected"}</span> by @{r.reviewer.handle}
                          {r.comment ? <>: “{r.comment}”</> : null}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </div>
              </div>
              <div className="flex shrink-0 flex-wrap items-center gap-2 pl-[3.25rem] sm:justify-end sm:pl-0">
                {viewing ? (
                  <span className="px-2.5 text-xs font-medium text-indigo-700">Viewing</span>
                ) : (
                  <Button size="sm" variant="ghost" onClick={() => onView(v.number)}>
                    View<span className="sr-only"> v{v.number}</span>
                  </Button>
                )}
                {mayPromote && approved && !v.deprecatedAt && !inProduction ? (
                  <Button size="sm" variant="secondary" disabled={promote.isPending} onClick={() => promote.mutate({ versionId: v.id, label: "production" })}>
                    {promoting ? "Promoting…" : "Promote to production"}
                    <span className="sr-only"> (v{v.number})</span>
                  </Button>
                ) : null}
                {abilities?.deprecate && approved && !v.deprecatedAt ? (
                  <DeprecateAction versionId={v.id} number={v.number} replacements={live.filter((r) => r.id !== v.id).map((r) => ({ id: r.id, number: r.number }))} onDone={setNotice} />
                ) : null}
                {mayReview ? <ReviewActions versionId={v.id} number={v.number} onDone={setNotice} /> : null}
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
