import "server-only";
import type { Db } from "@/server/db/prisma";
import { MEMBERS_NEEDS_ORG, type CollectionVisibility } from "@/shared/collections/collection-fields";
import type { Actor } from "../actor";
import { ValidationError } from "../errors";
import { assertOrgAction } from "../governance/org-authorization";
import { lockManageableCollection } from "./collection-access";
import { uniqueCollectionSlug } from "./collection-slug";

type CreateInput = { title: string; description?: string; visibility: CollectionVisibility; orgId?: string | null };

/** A new collection, the actor's own or (with orgId, needing collection.manage there) an organisation's. */
export async function createCollection(db: Db, actor: Actor, input: CreateInput) {
  if (input.visibility === "members" && !input.orgId) throw new ValidationError(`visibility: ${MEMBERS_NEEDS_ORG}.`, { visibility: [MEMBERS_NEEDS_ORG] });
  if (input.orgId) await assertOrgAction(db, actor, input.orgId, "collection.manage", { target: { type: "organization", id: input.orgId } });
  const slug = await uniqueCollectionSlug(db, input.title, input.visibility);
  return db.collection.create({
    data: { slug, title: input.title, description: input.description ?? "", visibility: input.visibility, ownerId: actor.id, orgId: input.orgId ?? null },
    select: { id: true, slug: true, title: true, description: true, visibility: true, orgId: true },
  });
}

type UpdateInput = { collectionId: string; title?: string; description?: string; visibility?: CollectionVisibility };

/** Title, description, visibility. The slug stays (links keep working). */
export async function updateCollection(db: Db, actor: Actor, input: UpdateInput) {
  return db.$transaction(async (tx) => {
    const collection = await lockManageableCollection(tx, actor, input.collectionId);
    if (input.visibility === "members" && !collection.orgId) throw new ValidationError(`visibility: ${MEMBERS_NEEDS_ORG}.`, { visibility: [MEMBERS_NEEDS_ORG] });
    return tx.collection.update({
      where: { id: collection.id },
      data: { title: input.title, description: input.description, visibility: input.visibility },
      select: { id: true, slug: true, title: true, description: true, visibility: true, orgId: true },
    });
  });
}

/** Deletes the collection with its items, follows and tool choices (the rows cascade); prompts stay. */
export async function deleteCollection(db: Db, actor: Actor, collectionId: string) {
  return db.$transaction(async (tx) => {
    const collection = await lockManageableCollection(tx, actor, collectionId);
    await tx.collection.delete({ where: { id: collection.id } });
    return { id: collection.id, deleted: true as const };
  });
}
