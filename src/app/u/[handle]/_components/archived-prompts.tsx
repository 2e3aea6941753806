import Link from "next/link";
import { formatDate } from "@/components/ui/format-date";
import { serverApi } from "@/trpc/server";

/**
 * The owner's archived prompts, on their own profile only: archived prompts appear in no other
 * list, so this is where their owner finds them again (each page has a Restore button).
 */
export async function ArchivedPrompts() {
  const { items } = await (await serverApi()).prompt.list({ archived: true, limit: 50 });
  if (!items.length) return null;
  return (
    <section aria-labelledby="archived-heading" className="mt-10">
      <h2 id="archived-heading" className="text-base font-semibold text-slate-900">
        Archived <span className="font-normal text-slate-500">({items.length})</span>
      </h2>
      <p className="mt-1 text-sm text-slate-600">Only you see these. Open one to restore it.</p>
      <ul className="mt-3 divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white text-sm shadow-xs">
        {items.map((p) => (
          <li key={p.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-2.5">
            <Link href={`/p/${p.slug}`} className="font-medium text-indigo-600 hover:text-indigo-800 [overflow-wrap:anywhere]">
              {p.title}
            </Link>
            <span className="text-xs text-slate-500">updated {formatDate(p.updatedAt)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
