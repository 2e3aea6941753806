import "server-only";
import type { Db, Tx } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { ValidationError } from "../errors";
import { findReadableCollection } from "./collection-access";

/**
 * Following a public collection, as one follows an author: what is added to it then shows in the
 * follower's feed. The row and `followerCount` move in one transaction, only when a row really
 * changed, so the count stays exact.
 */
export async function followCollection(db: Db, actor: Actor, collectionId: string) {
  return db.$transaction(async (tx) => {
    const collection = await findReadableCollection(tx, actor, { id: collectionId });
    if (collection.visibility !== "public") throw new ValidationError("collectionId: only public collections can be followed.", { collectionId: ["is not public"] });
    const inserted = await tx.$executeRaw`INSERT INTO "CollectionFollow" ("userId", "collectionId") VALUES (${actor.id}, ${collection.id}) ON CONFLICT DO NOTHING`;
    if (inserted) await tx.$executeRaw`UPDATE "Collection" SET "followerCount" = "followerCount" + 1 WHERE id = ${collection.id}`;
    return followState(tx, actor, collection.id);
  });
}

export async function unfollowCollection(db: Db, actor: Actor, collectionId: string) {
  return db.$transaction(async (tx) => {
    const collection = await findReadableCollection(tx, actor, { id: collectionId });
    const removed = await tx.$executeRaw`DELETE FROM "CollectionFollow" WHERE "userId" = ${actor.id} AND "collectionId" = ${collection.id}`;
    if (removed) await tx.$executeRaw`UPDATE "Collection" SET "followerCount" = "followerCount" - 1 WHERE id = ${collection.id}`;
    return followState(tx, actor, collection.id);
  });
}

async function followState(tx: Tx, actor: Actor, collectionId: string) {
  const [collection, row] = await Promise.all([
    tx.collection.findUniqueOrThrow({ where: { id: collectionId }, select: { followerCount: true } }),
    tx.collectionFollow.findUnique({ where: { userId_collectionId: { userId: actor.id, collectionId } }, select: { userId: true } }),
  ]);
  return { collectionId, following: Boolean(row), followerCount: collection.followerCount };
}

/**
 * Whether the actor's tools (MCP, editors) offer this collection's prompts. Any collection the actor
 * may open; what each tool then serves is filtered again by the prompts' own rules when read.
 */
export async function setCollectionForTools(db: Db, actor: Actor, input: { collectionId: string; enabled: boolean }) {
  const collection = await findReadableCollection(db, actor, { id: input.collectionId });
  if (input.enabled) {
    await db.$executeRaw`INSERT INTO "ToolCollection" ("userId", "collectionId") VALUES (${actor.id}, ${collection.id}) ON CONFLICT DO NOTHING`;
  } else {
    await db.toolCollection.deleteMany({ where: { userId: actor.id, collectionId: collection.id } });
  }
  return { collectionId: collection.id, forTools: input.enabled };
}
