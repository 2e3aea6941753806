import Link from "next/link";
import type { CaptureDecision } from "@/shared/captures/capture-decisions";

type PromptLink = { slug: string; title: string } | null;

const tones: Record<CaptureDecision, string> = {
  same: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  variant: "bg-amber-50 text-amber-800 ring-amber-200",
  new: "bg-indigo-50 text-indigo-700 ring-indigo-200",
  skipped: "bg-slate-100 text-slate-600 ring-slate-200",
  pending: "bg-white text-slate-500 ring-slate-200",
};

export const decisionDescription: Record<CaptureDecision, string> = {
  same: "A use of a prompt in your library",
  variant: "A variant of a prompt in your library, in the Detected inbox as a suggested fork",
  new: "A prompt not in your library, in the Detected inbox",
  skipped: "Not analysed: the call failed or carried no prompt text",
  pending: "Waiting for the identity job",
};

/** The library prompt a decision points at: the one used for "same", the one it is a variant of for "variant". */
export const decisionPrompt = (decision: CaptureDecision, matched: PromptLink, result: PromptLink) => (decision === "same" ? (matched ?? result) : (result ?? matched));

/** A small pill for the identity decision; a link to the prompt when there is one. */
export function DecisionBadge({ decision, prompt }: { decision: CaptureDecision; prompt?: PromptLink }) {
  const className = `inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[decision]}`;
  const dot = decision === "pending" ? <span aria-hidden className="h-1.5 w-1.5 animate-pulse rounded-full bg-slate-400" /> : null;
  if (prompt) {
    return (
      <Link
        href={`/p/${prompt.slug}`}
        title={`${decisionDescription[decision]}: ${prompt.title}`}
        aria-label={`${decision}: ${prompt.title}`}
        className={`${className} hover:underline focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600`}
      >
        {dot}
        {decision}
        <span aria-hidden>→</span>
      </Link>
    );
  }
  return (
    <span className={className} title={decisionDescription[decision]}>
      {dot}
      {decision}
    </span>
  );
}
