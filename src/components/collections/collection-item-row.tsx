import Link from "next/link";
import { LockIcon } from "@/components/ui/icons";
import { PromptStats } from "@/components/prompts/prompt-stats";
import type { ReactNode } from "react";
import type { CollectionItemData } from "./types";

/** One prompt of a collection: its place, title, the version it serves, a preview of that body (or why it is locked), its counters. */
export function CollectionItemRow({ item, index, handle, actions }: { item: CollectionItemData; index: number; handle?: ReactNode; actions?: ReactNode }) {
  const { prompt, version } = item;
  const versionHref = version ? `/p/${prompt.slug}?v=${version.number}` : `/p/${prompt.slug}`;
  return (
    <div className="flex gap-3 px-3 py-4 sm:gap-4 sm:px-5">
      <div className="flex shrink-0 flex-col items-center gap-1">
        {handle}
        <span className="flex h-7 w-7 items-center justify-center rounded-full bg-slate-100 text-xs font-semibold text-slate-600 tabular-nums" aria-hidden>
          {index + 1}
        </span>
      </div>
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
          <h3 className="min-w-0 text-base font-semibold leading-snug text-slate-900 [overflow-wrap:anywhere]">
            <Link href={versionHref} className="rounded hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-600">
              {prompt.title}
            </Link>
          </h3>
          {version ? (
            item.pinned ? (
              <span className="inline-flex shrink-0 items-center rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-inset ring-amber-200" title="Pinned: this collection serves this version whatever production does">
                Pinned v{version.number}
              </span>
            ) : (
              <span className="inline-flex shrink-0 items-center rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800 ring-1 ring-inset ring-emerald-200" title="Follows the prompt's production version">
                production · v{version.number}
              </span>
            )
          ) : null}
        </div>
        <p className="mt-0.5 text-xs text-slate-500">
          by{" "}
          <Link href={`/u/${prompt.owner.handle}`} className="font-medium text-slate-700 hover:text-slate-900">
            @{prompt.owner.handle}
          </Link>
        </p>
        {prompt.description ? <p className="mt-1.5 line-clamp-2 text-sm text-slate-600">{prompt.description}</p> : null}
        {version?.bodyLocked ? (
          <p className="mt-2 flex items-center gap-2 rounded-lg bg-amber-50 px-3 py-2 text-xs text-amber-900 ring-1 ring-inset ring-amber-200">
            <LockIcon width={14} height={14} className="shrink-0" />
            <span>
              Paid prompt: its body is for license holders.{" "}
              <Link href={`/p/${prompt.slug}`} className="font-semibold underline">
                See the listing
              </Link>
            </span>
          </p>
        ) : version?.bodyPreview ? (
          <div className="mt-2 rounded-lg bg-slate-50 px-3 py-2 ring-1 ring-inset ring-slate-200">
            <pre className="line-clamp-3 overflow-hidden whitespace-pre-wrap font-mono text-xs leading-relaxed text-slate-700 [overflow-wrap:anywhere]">{version.bodyPreview}</pre>
          </div>
        ) : null}
        <PromptStats stats={prompt} className="mt-2" />
        {/* Phones: the actions go under the item, so the text keeps the width. */}
        {actions ? <div className="mt-3 flex items-center justify-between gap-2 border-t border-slate-100 pt-2 sm:hidden">{actions}</div> : null}
      </div>
      {actions ? <div className="hidden shrink-0 flex-col items-end gap-1 sm:flex">{actions}</div> : null}
    </div>
  );
}
