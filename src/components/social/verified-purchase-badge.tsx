import { CheckIcon } from "@/components/ui/icons";

/** Marks a review whose author bought the prompt (holds a license or a paid purchase of it). */
export function VerifiedPurchaseBadge() {
  return (
    <span
      className="inline-flex items-center gap-1 rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-700 ring-1 ring-inset ring-emerald-200"
      title="The reviewer bought a license for this prompt"
    >
      <CheckIcon width={12} height={12} />
      Verified purchase
    </span>
  );
}
