// What the signed-in home page adds to the caller's prompts, notifications and feed: listings still
// in draft (the app's one notion of a draft: prompts themselves are saved versions, never drafts)
// and the first steps a new account has not taken yet.
import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import type { Actor } from "../actor";

export async function homeSummary(db: DbOrTx, actor: Actor) {
  const [draftListings, prompts, following, captures] = await Promise.all([
    db.listing.findMany({
      where: { sellerId: actor.id, status: "draft", prompt: { archivedAt: null } },
      orderBy: { updatedAt: "desc" },
      take: 6,
      select: { id: true, priceCents: true, currency: true, updatedAt: true, prompt: { select: { slug: true, title: true } } },
    }),
    db.prompt.count({ where: { ownerId: actor.id } }),
    db.follow.count({ where: { followerId: actor.id } }),
    db.capture.count({ where: { ownerId: actor.id } }),
  ]);
  return {
    draftListings,
    firstSteps: { createdPrompt: prompts > 0, followedSomeone: following > 0, connectedProxy: captures > 0 },
  };
}
