import Link from "next/link";
import type { TemplateView } from "@/server/domain/templates/template-queries";
import { ShellPreview } from "@/components/captures/shell-preview";
import { TimeAgo } from "@/components/ui/date-time";
import { formatInteger } from "@/components/ui/format-number";

const th = "px-3 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500 whitespace-nowrap";
const td = "px-3 py-3 align-top";

export const templateName = (t: Pick<TemplateView, "detectedPrompt" | "promotedPrompt" | "variables">) =>
  t.promotedPrompt?.title ?? t.detectedPrompt?.title ?? `Template with ${t.variables.length === 1 ? "1 variable" : `${t.variables.length} variables`}`;

const percent = (share: number) => (share > 0 && share < 0.01 ? "<1%" : `${Math.round(share * 100)}%`);

function Share({ share }: { share: number }) {
  return (
    <span className="flex items-center justify-end gap-2">
      <span aria-hidden className="hidden h-1.5 w-16 overflow-hidden rounded-full bg-slate-100 sm:block">
        <span className="block h-full rounded-full bg-indigo-500" style={{ width: `${Math.max(share * 100, 2)}%` }} />
      </span>
      <span className="tabular-nums">{percent(share)}</span>
    </span>
  );
}

function Library({ t }: { t: TemplateView }) {
  return t.promotedPrompt ? (
    <Link href={`/p/${t.promotedPrompt.slug}`} className="text-emerald-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600" title="Promoted: its calls count as this prompt's usage">
      {t.promotedPrompt.title}
    </Link>
  ) : (
    <span className="text-slate-400">Not promoted</span>
  );
}

/** The owner's templates: a table from md up, cards on phones. */
export function TemplatesTable({ items }: { items: TemplateView[] }) {
  return (
    <>
      <div className="hidden overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-xs md:block">
        <table className="min-w-full text-sm">
          <caption className="sr-only">Templates, most recently seen first</caption>
          <thead className="border-b border-slate-200 bg-slate-50/70">
            <tr>
              <th scope="col" className={th}>Template</th>
              <th scope="col" className={`${th} text-right`}>Members</th>
              <th scope="col" className={`${th} text-right`}>Calls</th>
              <th scope="col" className={`${th} text-right`}>Share of calls</th>
              <th scope="col" className={th}>Last seen</th>
              <th scope="col" className={th}>In library</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.map((t) => (
              <tr key={t.id} className="hover:bg-slate-50">
                <td className={`${td} max-w-xl`}>
                  <Link href={`/captures/templates/${t.id}`} className="font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600">
                    {templateName(t)}
                  </Link>
                  <ShellPreview shell={t.shell} className="mt-1" />
                </td>
                <td className={`${td} text-right tabular-nums text-slate-700`}>{formatInteger(t.memberCount)}</td>
                <td className={`${td} text-right tabular-nums text-slate-700`}>{formatInteger(t.captureCount)}</td>
                <td className={`${td} text-right text-slate-700`}>
                  <Share share={t.share} />
                </td>
                <td className={`${td} whitespace-nowrap text-slate-600`}>
                  <TimeAgo value={t.lastSeenAt} />
                </td>
                <td className={`${td} max-w-[12rem]`}>
                  <Library t={t} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ul className="space-y-3 md:hidden" aria-label="Templates">
        {items.map((t) => (
          <li key={t.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs">
            <Link href={`/captures/templates/${t.id}`} className="font-medium text-indigo-700 hover:underline">
              {templateName(t)}
            </Link>
            <ShellPreview shell={t.shell} className="mt-1" />
            <dl className="mt-3 grid grid-cols-3 gap-2 text-xs">
              <div>
                <dt className="text-slate-500">Members</dt>
                <dd className="font-medium tabular-nums text-slate-900">{formatInteger(t.memberCount)}</dd>
              </div>
              <div>
                <dt className="text-slate-500">Calls</dt>
                <dd className="font-medium tabular-nums text-slate-900">{formatInteger(t.captureCount)}</dd>
              </div>
              <div>
                <dt className="text-slate-500">Share</dt>
                <dd className="font-medium tabular-nums text-slate-900">{percent(t.share)}</dd>
              </div>
            </dl>
            <p className="mt-2 flex flex-wrap justify-between gap-2 text-xs text-slate-600">
              <span>
                Last seen <TimeAgo value={t.lastSeenAt} />
              </span>
              <span>
                {t.promotedPrompt ? <span className="text-slate-500">In library: </span> : null}
                <Library t={t} />
              </span>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
