import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { notArchivedWhere } from "../access/prompt-access";
import { page, pageResult } from "../pagination";

/**
 * What was added to the public collections the actor follows, newest first (the feed's collection
 * changes). Like the rest of the feed, only public prompts that are not archived appear, so a feed
 * never reveals private or unlisted work; the cursor is the item's id.
 */
export async function collectionFeed(db: DbOrTx, actor: Actor, input: { cursor?: string | null; limit: number }) {
  const rows = await db.collectionItem.findMany({
    where: {
      collection: { visibility: "public", follows: { some: { userId: actor.id } } },
      prompt: { visibility: "public", ...notArchivedWhere },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      createdAt: true,
      collection: { select: { slug: true, title: true, owner: { select: { handle: true, name: true, image: true } }, org: { select: { slug: true, name: true } } } },
      prompt: { select: { slug: true, title: true, description: true } },
    },
    ...page(input),
  });
  return pageResult(rows, input);
}
