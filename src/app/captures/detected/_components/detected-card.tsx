import Link from "next/link";
import type { DetectedEntry } from "@/server/domain/identity/detected-queries";
import { AcceptForkButton, DetectedActions } from "@/components/captures/detected-actions";
import { HighlightedBody } from "@/components/prompts/highlighted-body";
import { TimeAgo } from "@/components/ui/date-time";
import { formatInteger } from "@/components/ui/format-number";
import { plural } from "@/components/ui/plural";
import { formatCost } from "../../_components/format";

const linkClass = "font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600";

/** One Detected inbox entry: what it is, how much it is used, its template, and what to do with it. */
export function DetectedCard({ entry }: { entry: DetectedEntry }) {
  const headingId = `detected-${entry.id}`;
  return (
    <article aria-labelledby={headingId} className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs sm:p-5">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 flex-1">
          <h3 id={headingId} className="text-base font-semibold text-slate-900 [overflow-wrap:anywhere]">
            {entry.title}
          </h3>
          <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
            <div>
              <dt className="sr-only">Calls</dt>
              <dd className="font-medium tabular-nums text-slate-800">{formatInteger(entry.callCount)} {entry.callCount === 1 ? "call" : "calls"}</dd>
            </div>
            <div className="flex gap-1">
              <dt>Last seen</dt>
              <dd>
                <TimeAgo value={entry.lastSeenAt} />
              </dd>
            </div>
            {entry.models.length ? (
              <div className="flex min-w-0 gap-1">
                <dt className="sr-only">Models</dt>
                <dd className="truncate font-mono text-[12px]" title={entry.models.join(", ")}>
                  {entry.models.join(", ")}
                </dd>
              </div>
            ) : null}
            <div className="flex gap-1">
              <dt>Cost</dt>
              <dd className="tabular-nums">{formatCost(entry.costUsd)}</dd>
            </div>
          </dl>
        </div>
        <DetectedActions entry={entry} />
      </div>

      {entry.promotedPrompt ? (
        <p className="mt-3 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ring-1 ring-inset ring-emerald-200">
          In your library as{" "}
          <Link href={`/p/${entry.promotedPrompt.slug}`} className="font-semibold underline-offset-2 hover:underline">
            {entry.promotedPrompt.title}
          </Link>{" "}
          <span className="text-emerald-800">— its calls count as that prompt&apos;s usage</span>
        </p>
      ) : null}

      {entry.suggestedForkOf && entry.status !== "promoted" ? (
        <div className="mt-3 flex flex-wrap items-center justify-between gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
          <p>
            A variant of{" "}
            <Link href={`/p/${entry.suggestedForkOf.slug}`} className="font-semibold underline-offset-2 hover:underline">
              {entry.suggestedForkOf.title}
            </Link>
            {entry.suggestedForkOf.similarity !== null ? <span className="text-amber-800"> ({Math.round(entry.suggestedForkOf.similarity * 100)}% similar)</span> : null}
          </p>
          <AcceptForkButton detectedPromptId={entry.id} sourceTitle={entry.suggestedForkOf.title} />
        </div>
      ) : null}

      {entry.template ? (
        <div className="mt-3">
          <div className="mb-1.5 flex flex-wrap items-baseline justify-between gap-2 text-xs">
            <p className="font-medium text-slate-600">
              Template
              {entry.template.variables.length ? (
                <span className="font-normal text-slate-500">
                  {" "}
                  · {plural(entry.template.variables.length, "variable")}: {entry.template.variables.map((v) => `{{${v}}}`).join(", ")}
                </span>
              ) : null}
            </p>
            <Link href={`/captures/templates/${entry.template.id}`} className={linkClass}>
              Values per call <span aria-hidden>→</span>
            </Link>
          </div>
          <HighlightedBody body={entry.template.shell} label={`Template of ${entry.title}`} className="max-h-56 overflow-y-auto" />
        </div>
      ) : (
        <div className="mt-3">
          <p className="mb-1.5 text-xs font-medium text-slate-600">Latest call</p>
          <pre className="max-h-40 overflow-auto whitespace-pre-wrap [overflow-wrap:anywhere] rounded-lg border border-slate-200 bg-slate-50 p-3 font-mono text-[13px] leading-relaxed text-slate-700">
            {entry.exampleText}
          </pre>
        </div>
      )}
    </article>
  );
}
