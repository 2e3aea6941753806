import "server-only";
import type { Db, DbOrTx } from "@/server/db/prisma";
import type { Actor, Viewer } from "../actor";
import { findReadablePrompt, notArchivedWhere, readablePromptsWhere } from "../access/prompt-access";
import { promptCardsByIds } from "../prompts/prompt-cards";
import { page, pageResult } from "../pagination";

/**
 * A person's favourites: one row per user and prompt they can read. The row and
 * `Prompt.favoriteCount` move in one transaction, and the counter moves only when a row was really
 * inserted or deleted, so it stays exact under repeated and concurrent clicks. A prompt the person
 * may no longer read is NOT_FOUND here and leaves their list (and their tools) without a trace.
 */
export async function addFavorite(db: Db, actor: Actor, promptId: string) {
  return db.$transaction(async (tx) => {
    const prompt = await findReadablePrompt(tx, actor, promptId);
    const inserted = await tx.$executeRaw`
      INSERT INTO "Favorite" ("userId", "promptId") VALUES (${actor.id}, ${prompt.id}) ON CONFLICT DO NOTHING`;
    if (inserted) await tx.$executeRaw`UPDATE "Prompt" SET "favoriteCount" = "favoriteCount" + 1 WHERE id = ${prompt.id}`;
    return favoriteState(tx, actor, prompt.id);
  });
}

export async function removeFavorite(db: Db, actor: Actor, promptId: string) {
  return db.$transaction(async (tx) => {
    const prompt = await findReadablePrompt(tx, actor, promptId);
    const removed = await tx.$executeRaw`DELETE FROM "Favorite" WHERE "userId" = ${actor.id} AND "promptId" = ${prompt.id}`;
    if (removed) await tx.$executeRaw`UPDATE "Prompt" SET "favoriteCount" = "favoriteCount" - 1 WHERE id = ${prompt.id}`;
    return favoriteState(tx, actor, prompt.id);
  });
}

/** Whether the viewer has starred a prompt they may read, and how many people have (the star's state). */
export async function favoriteStatus(db: DbOrTx, viewer: Viewer, promptId: string) {
  const prompt = await findReadablePrompt(db, viewer, promptId);
  if (!viewer) return { promptId: prompt.id, favorited: false, favoriteCount: prompt.favoriteCount };
  return favoriteState(db, viewer, prompt.id);
}

async function favoriteState(db: DbOrTx, actor: Actor, promptId: string) {
  const prompt = await db.prompt.findUniqueOrThrow({ where: { id: promptId }, select: { favoriteCount: true } });
  const row = await db.favorite.findUnique({ where: { userId_promptId: { userId: actor.id, promptId } }, select: { userId: true } });
  return { promptId, favorited: Boolean(row), favoriteCount: prompt.favoriteCount };
}

/**
 * The actor's favourites as cards, most recently starred first; the cursor is the prompt's id.
 * Only prompts they may still read and that are not archived.
 */
export async function listFavorites(db: DbOrTx, actor: Actor, input: { cursor?: string | null; limit: number }) {
  const rows = await db.favorite.findMany({
    where: { userId: actor.id, prompt: { AND: [readablePromptsWhere(actor), notArchivedWhere] } },
    orderBy: [{ createdAt: "desc" }, { promptId: "desc" }],
    select: { promptId: true, createdAt: true },
    ...page(input, (promptId) => ({ userId_promptId: { userId: actor.id, promptId } })),
  });
  const { items, nextCursor } = pageResult(rows.map((r) => ({ id: r.promptId, favoritedAt: r.createdAt })), input);
  const cards = new Map((await promptCardsByIds(db, actor, items.map((i) => i.id), undefined, { byLink: true })).map((c) => [c.id, c]));
  return {
    items: items.flatMap((i) => {
      const card = cards.get(i.id);
      return card ? [{ ...card, favoritedAt: i.favoritedAt }] : [];
    }),
    nextCursor,
  };
}
