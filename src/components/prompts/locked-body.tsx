import type { PromptVariable } from "@/shared/prompts/variables";
import { LockIcon } from "@/components/ui/icons";

/**
 * Stands in for a paid prompt's body the viewer holds no license for: what the prompt takes (its
 * variables) stays visible, the text does not. The marketplace's Buy box sits next to it.
 */
export function LockedBody({ versionNumber, variables, className = "" }: { versionNumber: number; variables: PromptVariable[]; className?: string }) {
  return (
    <div role="note" aria-label={`Body of version ${versionNumber} is locked`} className={`rounded-lg border border-dashed border-slate-300 bg-slate-50 p-5 ${className}`}>
      <div className="flex items-start gap-3">
        <span aria-hidden className="flex h-9 w-9 shrink-0 items-center justify-center rounded-full bg-amber-50 text-amber-600 ring-1 ring-amber-200">
          <LockIcon width={18} height={18} />
        </span>
        <div className="min-w-0">
          <p className="font-semibold text-slate-900">Buy a license to see the full prompt</p>
          <p className="mt-1 text-sm text-slate-600">
            This prompt is for sale. The text of v{versionNumber} is shown to its owner and to license holders whose license covers this version.
          </p>
        </div>
      </div>
      {variables.length ? (
        <div className="mt-4">
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Variables</p>
          <ul className="mt-2 flex flex-wrap gap-2" aria-label="Variables">
            {variables.map((v) => (
              <li key={v.name} className="inline-flex max-w-full items-center gap-1 rounded-md bg-indigo-50 px-2 py-1 font-mono text-xs text-indigo-800 ring-1 ring-inset ring-indigo-200" title={v.description}>
                <span className="font-semibold">{`{{${v.name}}}`}</span>
                {v.description ? <span className="truncate font-sans text-slate-600">— {v.description}</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
