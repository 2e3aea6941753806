// What the signed-in home page adds to the caller's prompts, notifications and feed: listings still
// in draft (the app's one notion of a draft: prompts themselves are saved versions, never drafts)
// and the first steps a new account has not taken yet.
import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import type { Actor } from "../actor";

export async function homeSummary(db: DbOrTx, actor: Actor) {
  const [draftListings, [steps]] = await Promise.all([
    db.listing.findMany({
      where: { sellerId: actor.id, status: "draft", prompt: { archivedAt: null } },
      orderBy: { updatedAt: "desc" },
      take: 6,
      select: { id: true, priceCents: true, currency: true, updatedAt: true, prompt: { select: { slug: true, title: true } } },
    }),
    // Whether each step was taken, not how often: one statement of three EXISTS, which stop at the
    // first row (a proxy user may have millions of captures to count otherwise).
    db.$queryRaw<{ createdPrompt: boolean; followedSomeone: boolean; connectedProxy: boolean }[]>`
      SELECT EXISTS (SELECT 1 FROM "Prompt" WHERE "ownerId" = ${actor.id}) AS "createdPrompt",
             EXISTS (SELECT 1 FROM "Follow" WHERE "followerId" = ${actor.id}) AS "followedSomeone",
             EXISTS (SELECT 1 FROM "Capture" WHERE "ownerId" = ${actor.id}) AS "connectedProxy"`,
  ]);
  return {
    draftListings,
    firstSteps: { createdPrompt: steps.createdPrompt, followedSomeone: steps.followedSomeone, connectedProxy: steps.connectedProxy },
  };
}
