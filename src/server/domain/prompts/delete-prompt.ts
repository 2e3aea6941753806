// Deleting a prompt for good: only while nobody else depends on it. Sales (any purchase row, even a
// pending or refunded one: they are the buyer's records too), licenses and forks (their lineage
// points at its versions) each refuse it with a 409 that says why and suggests archiving. Versions
// stay immutable: the database refuses updates to them, but deleting the prompt cascades to its
// versions, labels, likes, ratings, comments, views, embeddings, listing and notifications;
// captures keep their rows and lose the link.
import "server-only";
import type { Db, DbOrTx } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { ConflictError } from "../errors";
import { assertPromptAction, findReadablePrompt } from "../access/prompt-access";
import { countFork } from "./fork-count";

export const ARCHIVE_INSTEAD = "Archive it instead: that takes it out of search, profiles, feeds and the Market and keeps it for those who rely on it.";

async function impactOf(db: DbOrTx, promptId: string) {
  const [versions, purchases, licenses, forks, capturesLinked, listing, counts] = await Promise.all([
    db.promptVersion.count({ where: { promptId } }),
    db.purchase.count({ where: { promptId } }),
    db.license.count({ where: { promptId } }),
    db.prompt.count({ where: { forkedFromVersion: { promptId } } }),
    db.capture.count({ where: { OR: [{ matchedPromptId: promptId }, { resultPromptId: promptId }] } }),
    db.listing.findUnique({ where: { promptId }, select: { status: true } }),
    db.prompt.findUniqueOrThrow({ where: { id: promptId }, select: { likeCount: true, ratingCount: true, commentCount: true, viewCount: true } }),
  ]);
  const blockers: string[] = [];
  if (purchases) blockers.push(`it has ${purchases === 1 ? "a sale" : `${purchases} sales`}`);
  if (licenses) blockers.push(`${licenses === 1 ? "someone holds a license" : `${licenses} people hold licenses`} for it`);
  // How many forks is not said: some may be other people's private prompts.
  if (forks) blockers.push("it has forks that keep its lineage");
  return {
    /** What deleting removes for good. */
    loses: {
      versions,
      likes: counts.likeCount,
      ratings: counts.ratingCount,
      comments: counts.commentCount,
      views: counts.viewCount,
      /** Captured calls recognised as this prompt: they stay, without the link. */
      capturesLinked,
      listing: listing !== null,
    },
    /** Why it cannot be deleted (empty when it can). */
    blockers,
  };
}

/** What deleting would remove, and what stops it: shown in the confirmation before deleting. Owner (an organisation's prompt: prompt.delete there) only. */
export async function deletionImpact(db: DbOrTx, actor: Actor, input: { promptId: string }) {
  const prompt = await findReadablePrompt(db, actor, input.promptId);
  await assertPromptAction(db, actor, prompt, "prompt.delete");
  const impact = await impactOf(db, prompt.id);
  return { ...impact, canDelete: impact.blockers.length === 0, refusal: refusalOf(impact.blockers) };
}

const refusalOf = (blockers: string[]) => (blockers.length ? `This prompt cannot be deleted: ${blockers.join("; ")}. ${ARCHIVE_INSTEAD}` : null);

/** Deletes a prompt nobody else depends on (409 CONFLICT otherwise). Owner (an organisation's prompt: prompt.delete there) only. */
export async function deletePrompt(db: Db, actor: Actor, input: { promptId: string }) {
  const prompt = await findReadablePrompt(db, actor, input.promptId);
  await assertPromptAction(db, actor, prompt, "prompt.delete");
  return db.$transaction(async (tx) => {
    // Checked again inside the transaction, with the row locked against a concurrent delete. A fork
    // made at the same instant keeps its copy either way (its link to the source is set null).
    await tx.$queryRaw`SELECT id FROM "Prompt" WHERE id = ${prompt.id} FOR UPDATE`;
    const { blockers, loses } = await impactOf(tx, prompt.id);
    const refusal = refusalOf(blockers);
    if (refusal) throw new ConflictError(refusal);
    // A public fork going away is one public fork fewer for its parent.
    if (prompt.forkedFromVersionId && prompt.visibility === "public") await countFork(tx, prompt.forkedFromVersionId, -1);
    await tx.prompt.delete({ where: { id: prompt.id } });
    return { deleted: true as const, id: prompt.id, slug: prompt.slug, ownerHandle: actor.handle, removed: loses };
  });
}
