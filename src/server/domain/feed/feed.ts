import type { DbOrTx } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { pageResult } from "../pagination";

/**
 * New prompts and new versions from the people the actor follows, newest first. Only public
 * prompts appear: the feed must never reveal private or unlisted work.
 */
export async function myFeed(db: DbOrTx, actor: Actor, input: { cursor?: string | null; limit: number }) {
  const rows = await db.promptVersion.findMany({
    where: {
      prompt: { visibility: "public", owner: { followers: { some: { followerId: actor.id } } } },
      // The owner's own saves (a fork's first version is the forker's new prompt).
      author: { followers: { some: { followerId: actor.id } } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      number: true,
      changelog: true,
      createdAt: true,
      author: { select: { id: true, handle: true, name: true, image: true } },
      prompt: { select: { id: true, slug: true, title: true, description: true, category: true, tags: true, likeCount: true, ratingCount: true, ratingSum: true, forkedFromVersionId: true } },
    },
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const { items, nextCursor } = pageResult(rows, input.limit);
  return {
    items: items.map((v) => ({
      id: v.id,
      kind: v.number === 1 ? (v.prompt.forkedFromVersionId ? ("fork" as const) : ("prompt" as const)) : ("version" as const),
      createdAt: v.createdAt,
      author: v.author,
      version: { id: v.id, number: v.number, changelog: v.changelog },
      prompt: v.prompt,
    })),
    nextCursor,
  };
}
