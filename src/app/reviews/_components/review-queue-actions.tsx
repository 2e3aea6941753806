"use client";
import { ReviewActions } from "@/components/prompts/version-review-actions";
import { useReviewNotice } from "./review-notice";

/** A queue row's Approve / Reject; what happened is said above the queue (the page refreshes after). */
export function ReviewQueueActions({ versionId, number }: { versionId: string; number: number }) {
  const say = useReviewNotice();
  return <ReviewActions versionId={versionId} number={number} onDone={say} />;
}
