import { CollectionGrid } from "@/components/collections/collection-card";
import { ButtonLink } from "@/components/ui/button";
import { serverApi } from "@/trpc/server";

const SHOWN = 12;

/** An organisation's collections the viewer may read (collection.list decides); nothing when there are none and they cannot make one. */
export async function OrgCollections({ org, canManage }: { org: { slug: string; name: string }; canManage: boolean }) {
  const collections = await (await serverApi()).collection.list({ org: org.slug, limit: SHOWN });
  if (!collections.items.length && !canManage) return null;
  return (
    <section aria-labelledby="org-collections-heading" className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h2 id="org-collections-heading" className="text-lg font-semibold text-slate-900">
          Collections
        </h2>
        {canManage ? (
          <ButtonLink href="/collections/new" size="sm" variant="secondary">
            New collection
          </ButtonLink>
        ) : null}
      </div>
      {collections.items.length ? (
        <CollectionGrid collections={collections.items} label={`Collections of ${org.name}`} />
      ) : (
        <p className="text-sm text-slate-600">No collections yet. A new collection can belong to {org.name}: choose it as the owner.</p>
      )}
    </section>
  );
}
