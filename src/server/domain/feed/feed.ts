import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { page, pageResult } from "../pagination";
import { bodyAccessFor } from "../access/paid-access";
import { forkSourceFor, forkSourceSelect, notArchivedWhere } from "../access/prompt-access";

/**
 * New prompts and new versions from the people the actor follows, newest first. Only public
 * prompts appear: the feed must never reveal private or unlisted work. Items never carry a body;
 * `version.bodyLocked` says whether the actor may open that version's body (paid content).
 */
export async function myFeed(db: DbOrTx, actor: Actor, input: { cursor?: string | null; limit: number }) {
  // The people followed, by id: as a filter on each version row ("its owner has this follower")
  // the statement walked every published version of the site for someone who follows few or none.
  const followed = (await db.follow.findMany({ where: { followerId: actor.id }, select: { followeeId: true } })).map((f) => f.followeeId);
  if (!followed.length) return { items: [], nextCursor: null };
  const rows = await db.promptVersion.findMany({
    where: {
      prompt: { visibility: "public", ...notArchivedWhere, ownerId: { in: followed } },
      // The owner's own saves (a fork's first version is the forker's new prompt).
      authorId: { in: followed },
      // Published versions only: proposals and rejected ones never reach a feed.
      status: "approved",
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      number: true,
      changelog: true,
      createdAt: true,
      author: { select: { id: true, handle: true, name: true, image: true } },
      prompt: { select: { ownerId: true, id: true, slug: true, title: true, description: true, category: true, tags: true, likeCount: true, ratingCount: true, ratingSum: true, forkedFromVersion: forkSourceSelect } },
    },
    ...page(input),
  });
  const { items, nextCursor } = pageResult(rows, input);
  const access = await bodyAccessFor(db, actor, items.map((v) => ({ id: v.prompt.id, ownerId: v.prompt.ownerId })));
  return {
    items: items.map(({ prompt: { ownerId: _owner, forkedFromVersion, ...fields }, ...v }) => {
      // The source of a fork is named only to those who may read it (a public fork of a private prompt).
      const { forkedFromVersionNumber: _n, ...fork } = forkSourceFor(forkedFromVersion, actor);
      const prompt = { ...fields, ...fork };
      return {
        id: v.id,
        kind: v.number === 1 ? (prompt.isFork ? ("fork" as const) : ("prompt" as const)) : ("version" as const),
        createdAt: v.createdAt,
        author: v.author,
        version: { id: v.id, number: v.number, changelog: v.changelog, bodyLocked: !(access.get(prompt.id)?.canRead(v.number) ?? true) },
        prompt,
      };
    }),
    nextCursor,
  };
}
