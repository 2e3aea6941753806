import "server-only";
import type { Db, Tx } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { findReadablePrompt } from "../access/prompt-access";
import { recordUsage } from "../analytics/record-usage";
import { originFields, type UsageOrigin } from "../analytics/usage-origin";

/**
 * One like per user per prompt. The insert and the counter move in one transaction, and the
 * counter moves only when a row was really inserted or deleted, so it stays exact under
 * concurrent (and repeated) likes. A new like is a usage event once it commits.
 */
export async function likePrompt(db: Db, actor: Actor, promptId: string, usage?: UsageOrigin) {
  const { state, ownerId, inserted } = await db.$transaction(async (tx) => {
    const prompt = await findReadablePrompt(tx, actor, promptId);
    const inserted = await tx.$executeRaw`
      INSERT INTO "Like" ("userId", "promptId") VALUES (${actor.id}, ${prompt.id}) ON CONFLICT DO NOTHING`;
    if (inserted) await tx.$executeRaw`UPDATE "Prompt" SET "likeCount" = "likeCount" + 1 WHERE id = ${prompt.id}`;
    return { state: await likeState(tx, actor, prompt.id), ownerId: prompt.ownerId, inserted };
  });
  if (inserted) recordUsage(db, { kind: "like", promptId: state.promptId, ownerId, ...originFields(usage, actor.id) });
  return state;
}

export async function unlikePrompt(db: Db, actor: Actor, promptId: string) {
  return db.$transaction(async (tx) => {
    const prompt = await findReadablePrompt(tx, actor, promptId);
    const removed = await tx.$queryRaw<{ promptId: string }[]>`
      DELETE FROM "Like" WHERE "userId" = ${actor.id} AND "promptId" = ${prompt.id} RETURNING "promptId"`;
    if (removed.length) await tx.$executeRaw`UPDATE "Prompt" SET "likeCount" = "likeCount" - 1 WHERE id = ${prompt.id}`;
    return likeState(tx, actor, prompt.id);
  });
}

async function likeState(tx: Tx, actor: Actor, promptId: string) {
  const prompt = await tx.prompt.findUniqueOrThrow({ where: { id: promptId }, select: { likeCount: true } });
  const like = await tx.like.findUnique({ where: { userId_promptId: { userId: actor.id, promptId } }, select: { userId: true } });
  return { promptId, liked: Boolean(like), likeCount: prompt.likeCount };
}
