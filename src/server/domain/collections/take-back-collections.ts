import "server-only";
import type { DbOrTx } from "@/server/db/prisma";

/**
 * What a deleted account leaves of favourites and collections, inside the deletion's transaction:
 * its favourites and collection follows go with the counters they moved (so others' counts stay
 * exact), its tool choices go, and so do its personal collections (an organisation's stay with the
 * organisation).
 */
export async function takeBackFavoritesAndCollections(tx: DbOrTx, userId: string) {
  await tx.$executeRaw`
    WITH gone AS (DELETE FROM "Favorite" WHERE "userId" = ${userId} RETURNING "promptId")
    UPDATE "Prompt" p SET "favoriteCount" = GREATEST(p."favoriteCount" - 1, 0) FROM gone WHERE p.id = gone."promptId"`;
  await tx.$executeRaw`
    WITH gone AS (DELETE FROM "CollectionFollow" WHERE "userId" = ${userId} RETURNING "collectionId")
    UPDATE "Collection" c SET "followerCount" = GREATEST(c."followerCount" - 1, 0) FROM gone WHERE c.id = gone."collectionId"`;
  await tx.toolCollection.deleteMany({ where: { userId } });
  await tx.collection.deleteMany({ where: { ownerId: userId, orgId: null } });
}
