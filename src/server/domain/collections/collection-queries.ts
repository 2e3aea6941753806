// What pages and tools read about collections. Every item is filtered by the prompt's own rules for
// this viewer (readable, not archived): a collection never reveals a prompt its viewer may not open,
// nor how many such prompts it holds. Bodies follow paid-access.ts exactly as everywhere else.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { DbOrTx } from "@/server/db/prisma";
import type { Actor, Viewer } from "../actor";
import { bodyAccessFor } from "../access/paid-access";
import { findReadablePrompt, notArchivedWhere, readablePromptsWhere } from "../access/prompt-access";
import { NotFoundError } from "../errors";
import { page, pageResult } from "../pagination";
import { promptCardsByIds } from "../prompts/prompt-cards";
import { findReadableCollection, manageableCollectionsWhere, mayManageCollection, readableCollectionsWhere } from "./collection-access";
import { servedVersions } from "./served-versions";

/** How much of a served body a collection's page shows. */
export const BODY_PREVIEW_LENGTH = 400;

const ownerSelect = { handle: true, name: true, image: true } as const;
const visibleItemsWhere = (viewer: Viewer): Prisma.CollectionItemWhereInput => ({ prompt: { AND: [readablePromptsWhere(viewer), notArchivedWhere] } });

const summarySelect = (viewer: Viewer) =>
  ({
    id: true,
    slug: true,
    title: true,
    description: true,
    visibility: true,
    followerCount: true,
    createdAt: true,
    updatedAt: true,
    owner: { select: ownerSelect },
    org: { select: { slug: true, name: true } },
    _count: { select: { items: { where: visibleItemsWhere(viewer) } } },
  }) satisfies Prisma.CollectionSelect;

type SummaryRow = Prisma.CollectionGetPayload<{ select: ReturnType<typeof summarySelect> }>;
const presentSummary = ({ _count, ...c }: SummaryRow) => ({ ...c, itemCount: _count.items });

/** A collection's page: details, what the viewer may do, and its prompts in order as cards with the version each serves. */
export async function getCollectionBySlug(db: DbOrTx, viewer: Viewer, slug: string) {
  const found = await findReadableCollection(db, viewer, { slug });
  const collection = await db.collection.findUniqueOrThrow({ where: { id: found.id }, select: summarySelect(viewer) });
  const rows = await db.collectionItem.findMany({
    where: { collectionId: collection.id, ...visibleItemsWhere(viewer) },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true, promptId: true, versionId: true, position: true, createdAt: true, prompt: { select: { ownerId: true } } },
  });
  const [cards, served, access, canManage, following, forTools] = await Promise.all([
    promptCardsByIds(db, viewer, rows.map((r) => r.promptId), undefined, { byLink: true }),
    servedVersions(db, rows),
    bodyAccessFor(db, viewer, rows.map((r) => ({ id: r.promptId, ownerId: r.prompt.ownerId }))),
    mayManageCollection(db, viewer, found),
    viewer ? db.collectionFollow.findUnique({ where: { userId_collectionId: { userId: viewer.id, collectionId: found.id } }, select: { userId: true } }) : null,
    viewer ? db.toolCollection.findUnique({ where: { userId_collectionId: { userId: viewer.id, collectionId: found.id } }, select: { userId: true } }) : null,
  ]);
  const cardOf = new Map(cards.map((c) => [c.id, c]));
  const items = rows.flatMap((r) => {
      const prompt = cardOf.get(r.promptId);
      if (!prompt) return [];
      const version = served.get(r.promptId);
      const locked = version ? !(access.get(r.promptId)?.canRead(version.number) ?? true) : false;
      return [
        {
          id: r.id,
          addedAt: r.createdAt,
          pinned: r.versionId !== null,
          prompt,
          version: version ? { id: version.id, number: version.number, bodyLocked: locked, bodyPreview: locked ? null : version.body.slice(0, BODY_PREVIEW_LENGTH) } : null,
        },
      ];
    });
  return {
    ...presentSummary(collection),
    // What this viewer sees: items they may not read leave no gap in the numbering and no trace in the count.
    itemCount: items.length,
    viewer: { canManage, following: Boolean(following), forTools: Boolean(forTools), signedIn: viewer !== null },
    items: items.map((item, position) => ({ ...item, position })),
  };
}

type ListInput = { owner?: string; org?: string; followed?: boolean; cursor?: string | null; limit: number };

/**
 * Collections as summaries, most recently changed first: a person's (`owner` handle: their personal
 * ones), an organisation's (`org` slug), the ones the viewer follows (`followed`), or, with none of
 * these, the viewer's own and their organisations' (signed out: every public one). Only those the
 * viewer may open.
 */
export async function listCollections(db: DbOrTx, viewer: Viewer, input: ListInput) {
  const scope: Prisma.CollectionWhereInput[] = [readableCollectionsWhere(viewer)];
  if (input.owner) {
    const owner = await db.user.findFirst({ where: { handle: input.owner, deletedAt: null }, select: { id: true } });
    if (!owner) throw new NotFoundError("User");
    scope.push({ ownerId: owner.id, orgId: null });
  }
  if (input.org) {
    const org = await db.organization.findUnique({ where: { slug: input.org }, select: { id: true } });
    if (!org) throw new NotFoundError("Organisation");
    scope.push({ orgId: org.id });
  }
  if (input.followed) scope.push({ follows: { some: { userId: viewer?.id ?? "" } } });
  if (!input.owner && !input.org && !input.followed && viewer) {
    scope.push({ OR: [{ orgId: null, ownerId: viewer.id }, { org: { members: { some: { userId: viewer.id } } } }] });
  }
  const rows = await db.collection.findMany({
    where: { AND: scope },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    select: summarySelect(viewer),
    ...page(input),
  });
  return pageResult(rows.map(presentSummary), input);
}

/** The collections the viewer may add this prompt to, each saying whether it is there and pinned to which version (the prompt page's "Add to collection"). */
export async function collectionsForPrompt(db: DbOrTx, viewer: Actor, promptId: string) {
  await findReadablePrompt(db, viewer, promptId);
  const rows = await db.collection.findMany({
    where: manageableCollectionsWhere(viewer.id),
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: 100,
    select: {
      id: true,
      slug: true,
      title: true,
      visibility: true,
      org: { select: { slug: true, name: true } },
      items: { where: { promptId }, select: { versionId: true, version: { select: { number: true } } } },
      _count: { select: { items: true } },
    },
  });
  return rows.map(({ items, _count, ...c }) => ({ ...c, itemCount: _count.items, contains: items.length > 0, pinnedVersion: items[0]?.version?.number ?? null }));
}
