import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { CollectionActions } from "@/components/collections/collection-actions";
import { CollectionItemRow } from "@/components/collections/collection-item-row";
import { CollectionVisibilityBadge } from "@/components/collections/collection-visibility-badge";
import { ReorderableItems } from "@/components/collections/reorderable-items";
import { Avatar } from "@/components/ui/avatar";
import { ButtonLink } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import { EmptyState } from "@/components/ui/empty-state";
import { plural } from "@/components/ui/plural";
import { serverApi } from "@/trpc/server";
import { notFoundOnMissing } from "@/trpc/not-found-on-missing";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string }> };

const loadCollection = cache(async (slug: string) => (await serverApi()).collection.bySlug({ slug }).catch(notFoundOnMissing));

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const collection = await loadCollection((await params).slug);
  return { title: collection.title, description: collection.description || undefined };
}

/** A collection's own page: who made it, who may see it, its prompts in order (reorderable by its managers). */
export default async function CollectionPage({ params }: Params) {
  const collection = await loadCollection((await params).slug);
  const { viewer, items } = collection;
  return (
    <main className="mx-auto max-w-4xl px-4 py-8 sm:py-10">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href={viewer.signedIn ? "/collections" : collection.org ? `/o/${collection.org.slug}` : `/u/${collection.owner.handle}`} className="rounded hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-indigo-600">
          ← {viewer.signedIn ? "Collections" : collection.org ? collection.org.name : `@${collection.owner.handle}`}
        </Link>
      </nav>
      <header className="mt-3 border-b border-slate-200 pb-6">
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="font-semibold text-indigo-600">Collection</span>
          <CollectionVisibilityBadge visibility={collection.visibility} />
        </div>
        <div className="mt-2 flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0">
            <h1 className="text-3xl font-bold tracking-tight text-slate-900 [overflow-wrap:anywhere]">{collection.title}</h1>
            <p className="mt-3 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-600">
              {collection.org ? (
                <>
                  <Link href={`/o/${collection.org.slug}`} className="font-medium text-indigo-600 hover:text-indigo-800">
                    {collection.org.name}
                  </Link>
                  <span aria-hidden>·</span>
                  <span>
                    made by{" "}
                    <Link href={`/u/${collection.owner.handle}`} className="font-medium text-slate-800 hover:text-indigo-700">
                      @{collection.owner.handle}
                    </Link>
                  </span>
                </>
              ) : (
                <Link href={`/u/${collection.owner.handle}`} className="flex items-center gap-2 rounded font-medium text-slate-800 hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-600">
                  <Avatar name={collection.owner.name} handle={collection.owner.handle} image={collection.owner.image} size={24} />
                  {collection.owner.name ? <span>{collection.owner.name}</span> : null}
                  <span className={collection.owner.name ? "font-normal text-slate-500" : ""}>@{collection.owner.handle}</span>
                </Link>
              )}
              <span aria-hidden>·</span>
              <span className="tabular-nums">{plural(collection.itemCount, "prompt")}</span>
              {/* Followers who may follow see the count on the Follow button. */}
              {collection.visibility === "public" && (!viewer.signedIn || viewer.canManage) ? (
                <>
                  <span aria-hidden>·</span>
                  <span className="tabular-nums">{plural(collection.followerCount, "follower")}</span>
                </>
              ) : null}
              <span aria-hidden>·</span>
              <span>
                Updated <DateTime value={collection.updatedAt} />
              </span>
            </p>
          </div>
          <CollectionActions collection={collection} viewer={viewer} />
        </div>
        {collection.description ? <p className="mt-4 max-w-3xl whitespace-pre-line text-base leading-relaxed text-slate-700">{collection.description}</p> : null}
      </header>

      <section aria-labelledby="collection-items-heading" className="mt-6">
        <h2 id="collection-items-heading" className="sr-only">
          Prompts
        </h2>
        {!items.length ? (
          <EmptyState
            title={viewer.canManage ? "No prompts here yet" : "Nothing to show here yet"}
            action={
              viewer.canManage ? (
                <ButtonLink href="/explore" variant="secondary">
                  Find prompts on Explore
                </ButtonLink>
              ) : null
            }
          >
            {viewer.canManage ? "Open any prompt and choose “Add to collection”: pin a version, or follow its production version." : "Prompts added to this collection will show here."}
          </EmptyState>
        ) : viewer.canManage ? (
          <ReorderableItems key={items.map((i) => i.id).join()} collectionId={collection.id} initialItems={items} />
        ) : (
          <ol className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-xs" aria-label="Prompts in this collection">
            {items.map((item, index) => (
              <li key={item.id} data-testid="collection-item">
                <CollectionItemRow item={item} index={index} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </main>
  );
}
