import Link from "next/link";
import { CollectionGrid } from "@/components/collections/collection-card";
import { serverApi } from "@/trpc/server";

const SHOWN = 6;

/** A profile's collections: public ones for visitors, every one of their own for the owner. Nothing when there are none. */
export async function ProfileCollections({ handle, isSelf }: { handle: string; isSelf: boolean }) {
  const api = await serverApi();
  const collections = await api.collection.list({ owner: handle, limit: SHOWN });
  if (!collections.items.length) return null;
  return (
    <section aria-labelledby="profile-collections-heading" className="mt-10">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h2 id="profile-collections-heading" className="text-lg font-semibold text-slate-900">
          {isSelf ? "Your collections" : "Collections"}
        </h2>
        {isSelf ? (
          <Link href="/collections" className="rounded text-sm font-semibold text-indigo-600 hover:text-indigo-800 focus-visible:outline-2 focus-visible:outline-indigo-600">
            Manage collections <span aria-hidden>→</span>
          </Link>
        ) : null}
      </div>
      <div className="mt-3">
        <CollectionGrid collections={collections.items} label={isSelf ? "Your collections" : `Collections by @${handle}`} />
      </div>
    </section>
  );
}
