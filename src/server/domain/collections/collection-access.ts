// Who may see and change a collection. Like prompts, a collection someone may not see does not exist
// for them (NOT_FOUND). A personal collection is its owner's; an organisation's follows the role
// matrix: members-only ones are read by every member, private ones and every change need
// "collection.manage". Public collections are read by everyone. The prompts inside are filtered
// separately, per viewer, by the prompts' own rules (collection-queries.ts).
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { DbOrTx } from "@/server/db/prisma";
import { ORG_ACTIONS } from "@/shared/governance/role-matrix";
import { isAdmin, requireActor, type Viewer } from "../actor";
import { ForbiddenError, NotFoundError } from "../errors";
import { assertOrgAction, orgRoleOf } from "../governance/org-authorization";
import { roleAllows } from "@/shared/governance/role-matrix";

type CollectionAccessFields = { id: string; ownerId: string; orgId: string | null; visibility: string };

const MANAGER_ROLES = [...ORG_ACTIONS["collection.manage"]];

/** Collections the viewer may open, as Prisma. */
export function readableCollectionsWhere(viewer: Viewer): Prisma.CollectionWhereInput {
  if (isAdmin(viewer)) return {};
  if (!viewer) return { visibility: "public" };
  return {
    OR: [
      { visibility: "public" },
      { orgId: null, ownerId: viewer.id },
      { orgId: { not: null }, visibility: "members", org: { members: { some: { userId: viewer.id } } } },
      { orgId: { not: null }, org: { members: { some: { userId: viewer.id, role: { in: MANAGER_ROLES } } } } },
    ],
  };
}

/** Collections the viewer may change (add to, reorder, edit), as Prisma. */
export function manageableCollectionsWhere(viewerId: string): Prisma.CollectionWhereInput {
  return { OR: [{ orgId: null, ownerId: viewerId }, { orgId: { not: null }, org: { members: { some: { userId: viewerId, role: { in: MANAGER_ROLES } } } } }] };
}

export async function findReadableCollection(db: DbOrTx, viewer: Viewer, where: { id: string } | { slug: string }) {
  const collection = await db.collection.findFirst({ where: { AND: [where, readableCollectionsWhere(viewer)] } });
  if (!collection) throw new NotFoundError("Collection");
  return collection;
}

/**
 * The one check before changing a collection: NOT_FOUND when the viewer may not see it; a personal
 * collection is changed by its owner only; an organisation's by roles with collection.manage
 * (assertOrgAction; a non-member looking at a public one is FORBIDDEN).
 */
export async function assertCanManageCollection(db: DbOrTx, viewer: Viewer, collection: CollectionAccessFields) {
  const actor = requireActor(viewer);
  if (!collection.orgId) {
    if (collection.ownerId !== actor.id) throw new ForbiddenError("Only the collection's owner can change it.");
    return;
  }
  try {
    await assertOrgAction(db, actor, collection.orgId, "collection.manage", { target: { type: "collection", id: collection.id } });
  } catch (error) {
    if (error instanceof NotFoundError) throw new ForbiddenError("Only members of the organisation that owns this collection may change it.");
    throw error;
  }
}

/** assertCanManageCollection as a yes/no, for pages deciding what to offer. */
export async function mayManageCollection(db: DbOrTx, viewer: Viewer, collection: CollectionAccessFields) {
  if (!viewer) return false;
  if (!collection.orgId) return collection.ownerId === viewer.id;
  return roleAllows(await orgRoleOf(db, collection.orgId, viewer), "collection.manage");
}

/** A readable collection the viewer may change, locked for the rest of the transaction (positions stay dense under concurrent edits). */
export async function lockManageableCollection(tx: DbOrTx, viewer: Viewer, collectionId: string) {
  const collection = await findReadableCollection(tx, viewer, { id: collectionId });
  await assertCanManageCollection(tx, viewer, collection);
  await tx.$executeRaw`SELECT 1 FROM "Collection" WHERE id = ${collection.id} FOR UPDATE`;
  return collection;
}
