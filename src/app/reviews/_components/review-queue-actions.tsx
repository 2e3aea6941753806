"use client";
import { useState } from "react";
import { ReviewActions } from "@/components/prompts/version-review-actions";

/** A queue row's Approve / Reject, with what happened said in place (the page refreshes after). */
export function ReviewQueueActions({ versionId, number }: { versionId: string; number: number }) {
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-stretch gap-2 sm:items-end">
      <p aria-live="polite" className="empty:hidden text-sm text-emerald-700">
        {notice}
      </p>
      <ReviewActions versionId={versionId} number={number} onDone={setNotice} />
    </div>
  );
}
