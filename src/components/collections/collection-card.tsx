import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import { DateTime } from "@/components/ui/date-time";
import { plural } from "@/components/ui/plural";
import { CollectionVisibilityBadge } from "./collection-visibility-badge";
import type { CollectionSummary } from "./types";

/** A collection in a grid: the whole card opens it; the owner keeps their own link. */
export function CollectionCard({ collection }: { collection: CollectionSummary }) {
  const by = collection.org ? { href: `/o/${collection.org.slug}`, text: collection.org.name } : { href: `/u/${collection.owner.handle}`, text: `@${collection.owner.handle}` };
  return (
    <article className="group relative flex h-full flex-col rounded-xl border border-slate-200 bg-white p-5 shadow-xs transition hover:border-indigo-300 hover:shadow-md focus-within:border-indigo-400">
      <div className="flex items-center justify-between gap-2">
        <span className="text-xs font-semibold uppercase tracking-wide text-indigo-600">Collection</span>
        <CollectionVisibilityBadge visibility={collection.visibility} quietPublic />
      </div>
      <h3 className="mt-2 text-base font-semibold leading-snug text-slate-900 [overflow-wrap:anywhere]">
        <Link href={`/c/${collection.slug}`} className="after:absolute after:inset-0 after:rounded-xl focus-visible:outline-none focus-visible:after:ring-2 focus-visible:after:ring-indigo-600 group-hover:text-indigo-700">
          {collection.title}
        </Link>
      </h3>
      {collection.description ? <p className="mt-1.5 line-clamp-2 text-sm leading-relaxed text-slate-600">{collection.description}</p> : <p className="mt-1.5 text-sm italic text-slate-400">No description</p>}
      <div className="mt-auto pt-4">
        <p className="text-xs text-slate-500 tabular-nums">
          {plural(collection.itemCount, "prompt")}
          {collection.visibility === "public" ? <> · {plural(collection.followerCount, "follower")}</> : null}
        </p>
        <div className="mt-3 flex items-center justify-between gap-3 border-t border-slate-100 pt-3 text-xs text-slate-500">
          <Link href={by.href} className="relative z-10 flex min-w-0 items-center gap-1.5 rounded font-medium text-slate-700 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600">
            {collection.org ? null : <Avatar name={collection.owner.name} handle={collection.owner.handle} image={collection.owner.image} size={20} />}
            <span className="truncate">{by.text}</span>
          </Link>
          <span className="shrink-0">
            Updated <DateTime value={collection.updatedAt} />
          </span>
        </div>
      </div>
    </article>
  );
}

/** Collections as a responsive grid. */
export function CollectionGrid({ collections, label }: { collections: CollectionSummary[]; label: string }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label={label}>
      {collections.map((c) => (
        <li key={c.id}>
          <CollectionCard collection={c} />
        </li>
      ))}
    </ul>
  );
}
