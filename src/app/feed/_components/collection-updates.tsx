import Link from "next/link";
import { TimeAgo } from "@/components/ui/date-time";
import { serverApi } from "@/trpc/server";

const SHOWN = 10;

/**
 * The feed's collection changes: prompts added to public collections the viewer follows, newest
 * first (public prompts only, like the rest of the feed). Nothing when they follow none.
 */
export async function CollectionUpdates() {
  const api = await serverApi();
  const updates = await api.collection.feed({ limit: SHOWN });
  if (!updates.items.length) return null;
  const now = new Date();
  return (
    <section aria-labelledby="collection-updates-heading" className="mt-10">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h2 id="collection-updates-heading" className="text-lg font-semibold text-slate-900">
          From collections you follow
        </h2>
        <Link href="/collections" className="rounded text-sm font-semibold text-indigo-600 hover:text-indigo-800 focus-visible:outline-2 focus-visible:outline-indigo-600">
          Collections <span aria-hidden>→</span>
        </Link>
      </div>
      <ol className="mt-3 divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-xs" aria-label="Collection updates">
        {updates.items.map((item) => (
          <li key={item.id} className="px-4 py-3.5 sm:px-5">
            <p className="text-sm leading-relaxed text-slate-700 [overflow-wrap:anywhere]">
              <Link href={`/p/${item.prompt.slug}`} className="font-semibold text-slate-900 hover:text-indigo-700 hover:underline">
                {item.prompt.title}
              </Link>{" "}
              was added to{" "}
              <Link href={`/c/${item.collection.slug}`} className="font-semibold text-indigo-700 hover:text-indigo-900 hover:underline">
                {item.collection.title}
              </Link>{" "}
              <span className="text-slate-500">by {item.collection.org ? item.collection.org.name : `@${item.collection.owner.handle}`}</span>
            </p>
            {item.prompt.description ? <p className="mt-0.5 line-clamp-1 text-sm text-slate-500">{item.prompt.description}</p> : null}
            <p className="mt-1 text-xs text-slate-500">
              <TimeAgo value={item.createdAt} now={now} />
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
