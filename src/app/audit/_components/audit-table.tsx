import Link from "next/link";
import type { AuditEntryView } from "@/server/domain/audit-log/audit-queries";
import { Badge } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { formatDateTime } from "@/components/ui/format-date";

const th = "px-3 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500 whitespace-nowrap";
const td = "px-3 py-2.5 align-top";
const none = <span className="text-slate-400">—</span>;

function Who({ e }: { e: AuditEntryView }) {
  if (!e.actor) return <span className="text-slate-500 italic">system</span>;
  if (!e.actor.handle) return <span className="font-mono text-xs text-slate-600">{e.actor.id}</span>;
  return (
    <Link href={`/u/${e.actor.handle}`} className="font-medium text-slate-900 hover:text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600">
      @{e.actor.handle}
    </Link>
  );
}

function Target({ e }: { e: AuditEntryView }) {
  const { target } = e;
  if (target.href && target.label)
    return (
      <Link href={target.href} className="text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600">
        {target.label}
      </Link>
    );
  if (target.label) return <span className="text-slate-600">{target.label}</span>;
  return (
    <span className="text-slate-600">
      {target.type}
      {target.id ? (
        <span className="ml-1 font-mono text-[11px] text-slate-500" title={target.id}>
          {target.id.length > 14 ? `${target.id.slice(0, 12)}…` : target.id}
        </span>
      ) : null}
    </span>
  );
}

function Change({ e }: { e: AuditEntryView }) {
  if (e.from === null && e.to === null) return none;
  // Something set for the first time has no "from": the arrow alone says where it went.
  return (
    <span className="break-words">
      {e.from !== null ? (
        <>
          <span className="text-slate-600">{e.from}</span>
          <span className="sr-only"> to </span>
        </>
      ) : (
        <span className="sr-only">set to </span>
      )}
      <span aria-hidden className={e.from !== null ? "px-1 text-slate-400" : "pr-1 text-slate-400"}>
        →
      </span>
      {e.to !== null ? <span className="font-medium text-slate-900">{e.to}</span> : <span className="text-slate-400">(nothing)</span>}
    </span>
  );
}

function What({ e }: { e: AuditEntryView }) {
  return (
    <div className="min-w-0">
      <div className="flex flex-wrap items-center gap-1.5">
        <span className="font-medium text-slate-900">{e.actionLabel}</span>
        {e.outcome === "refused" ? <Badge tone="rose">Refused</Badge> : null}
      </div>
      <div className="mt-0.5 flex flex-wrap gap-x-2 text-xs text-slate-500">
        <code className="font-mono">{e.action}</code>
        {e.org ? (
          e.org.slug ? (
            <Link href={`/o/${e.org.slug}`} className="hover:text-slate-900 hover:underline">
              {e.org.name}
            </Link>
          ) : (
            <span>{e.org.name}</span>
          )
        ) : null}
      </div>
      <div className="mt-0.5 text-xs">
        <Target e={e} />
      </div>
    </div>
  );
}

function Request({ e }: { e: AuditEntryView }) {
  if (!e.ip && !e.userAgent) return none;
  return (
    <div className="text-xs text-slate-600">
      {e.ip ? <div className="font-mono">{e.ip}</div> : null}
      {e.userAgent ? (
        <div className="max-w-[12rem] truncate" title={e.userAgent}>
          {e.userAgent}
        </div>
      ) : null}
    </div>
  );
}

/** Audit entries: a table from lg up, stacked cards below. */
export function AuditTable({ items }: { items: AuditEntryView[] }) {
  return (
    <>
      <div className="hidden overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-xs lg:block">
        <table className="min-w-full text-sm">
          <caption className="sr-only">Audit entries, newest first</caption>
          <thead className="border-b border-slate-200 bg-slate-50/70">
            <tr>
              <th scope="col" className={th}>When (UTC)</th>
              <th scope="col" className={th}>Who</th>
              <th scope="col" className={th}>What</th>
              <th scope="col" className={th}>From → to</th>
              <th scope="col" className={th}>Comment</th>
              <th scope="col" className={th}>IP · user agent</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.map((e) => (
              <tr key={e.id} className={e.outcome === "refused" ? "bg-rose-50/40" : undefined}>
                <td className={`${td} min-w-[8.5rem] tabular-nums text-slate-700`}>
                  <DateTime value={e.createdAt} format={formatDateTime} />
                </td>
                <td className={`${td} whitespace-nowrap`}>
                  <Who e={e} />
                </td>
                <td className={`${td} min-w-[14rem]`}>
                  <What e={e} />
                </td>
                <td className={`${td} max-w-[16rem] text-xs`}>
                  <Change e={e} />
                </td>
                <td className={`${td} max-w-[16rem] text-xs break-words text-slate-700`}>{e.comment ?? none}</td>
                <td className={td}>
                  <Request e={e} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-xs lg:hidden" aria-label="Audit entries, newest first">
        {items.map((e) => (
          <li key={e.id} className={`px-4 py-3 ${e.outcome === "refused" ? "bg-rose-50/40" : ""}`}>
            <div className="flex items-start justify-between gap-3">
              <What e={e} />
            </div>
            <p className="mt-1.5 flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-slate-600">
              <DateTime value={e.createdAt} format={formatDateTime} className="tabular-nums" />
              <span>
                by <Who e={e} />
              </span>
            </p>
            {e.from !== null || e.to !== null ? (
              <p className="mt-1 text-xs">
                <Change e={e} />
              </p>
            ) : null}
            {e.comment ? <p className="mt-1 text-xs break-words text-slate-700">“{e.comment}”</p> : null}
            {e.ip || e.userAgent ? (
              <div className="mt-1">
                <Request e={e} />
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
