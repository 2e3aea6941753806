import "server-only";
import type { Db, DbOrTx } from "@/server/db/prisma";
import { isAdmin, type Actor, type Viewer } from "../actor";
import { ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { page, pageResult } from "../pagination";
import { findReadablePrompt } from "../access/prompt-access";
import { publicRead } from "../access/public-reads";
import { recordUsage } from "../analytics/record-usage";
import { originFields, type UsageOrigin } from "../analytics/usage-origin";
import { notifyComment } from "../notifications/event-notifications";

const authorSelect = { id: true, handle: true, name: true, image: true } as const;
const commentSelect = { id: true, promptId: true, parentId: true, body: true, createdAt: true, editedAt: true, deletedAt: true, author: { select: authorSelect } } as const;

type CommentRow = { id: string; body: string; deletedAt: Date | null; author: { id: string; handle: string; name: string | null; image: string | null } | null };
/** A deleted comment that still has replies stays as a placeholder without author or text. */
const present = <T extends CommentRow>(c: T) => (c.deletedAt ? { ...c, body: "", author: null, deleted: true as const } : { ...c, deleted: false as const });

export async function addComment(db: Db, actor: Actor, input: { promptId: string; body: string; parentId?: string }, usage?: UsageOrigin) {
  const { comment, ownerId } = await db.$transaction(async (tx) => {
    const prompt = await findReadablePrompt(tx, actor, input.promptId);
    let parentAuthorId: string | null = null;
    if (input.parentId) {
      const parent = await tx.comment.findFirst({ where: { id: input.parentId, promptId: prompt.id }, select: { parentId: true, deletedAt: true, authorId: true } });
      if (!parent) throw new NotFoundError("Parent comment");
      if (parent.parentId) throw new ValidationError("parentId: replies go one level deep; reply to the top-level comment instead.", { parentId: ["must be a top-level comment"] });
      if (parent.deletedAt) throw new ValidationError("parentId: that comment was deleted.", { parentId: ["was deleted"] });
      parentAuthorId = parent.authorId;
    }
    const comment = await tx.comment.create({ data: { promptId: prompt.id, authorId: actor.id, parentId: input.parentId, body: input.body }, select: commentSelect });
    await tx.$executeRaw`UPDATE "Prompt" SET "commentCount" = "commentCount" + 1 WHERE id = ${prompt.id}`;
    await notifyComment(tx, { actorId: actor.id, prompt, commentId: comment.id, parentAuthorId });
    return { comment: present(comment), ownerId: prompt.ownerId };
  });
  recordUsage(db, { kind: "comment", promptId: comment.promptId, ownerId, ...originFields(usage, actor.id) });
  return comment;
}

async function findOwnComment(tx: DbOrTx, actor: Actor, commentId: string, action: "edit" | "delete") {
  const comment = await tx.comment.findUnique({ where: { id: commentId }, select: { id: true, authorId: true, promptId: true, deletedAt: true } });
  if (!comment || comment.deletedAt) throw new NotFoundError("Comment");
  // The comment is only there for people who can see its prompt.
  await findReadablePrompt(tx, actor, comment.promptId);
  if (comment.authorId !== actor.id && !(action === "delete" && isAdmin(actor))) throw new ForbiddenError(`Only the comment's author can ${action} it.`);
  return comment;
}

export async function editComment(db: Db, actor: Actor, input: { commentId: string; body: string }) {
  return db.$transaction(async (tx) => {
    const comment = await findOwnComment(tx, actor, input.commentId, "edit");
    const updated = await tx.comment.update({ where: { id: comment.id }, data: { body: input.body, editedAt: new Date() }, select: commentSelect });
    return present(updated);
  });
}

/** Removes a comment; one with replies leaves a "deleted" placeholder so the thread still reads. */
export async function deleteComment(db: Db, actor: Actor, input: { commentId: string }) {
  return db.$transaction(async (tx) => {
    const comment = await findOwnComment(tx, actor, input.commentId, "delete");
    const replies = await tx.comment.count({ where: { parentId: comment.id } });
    if (replies > 0) await tx.comment.update({ where: { id: comment.id }, data: { body: "", deletedAt: new Date() } });
    else await tx.comment.delete({ where: { id: comment.id } });
    await tx.$executeRaw`UPDATE "Prompt" SET "commentCount" = "commentCount" - 1 WHERE id = ${comment.promptId}`;
    return { id: comment.id, deleted: true, placeholder: replies > 0 };
  });
}

const MAX_REPLIES_SHOWN = 50;

/** Top-level comments oldest first, each with its replies (oldest first). */
export async function listComments(db: DbOrTx, viewer: Viewer, input: { promptId: string; cursor?: string | null; limit: number }) {
  const prompt = await findReadablePrompt(db, viewer, input.promptId);
  // The same for everyone who may read the prompt: shared (public-reads.ts).
  return publicRead(`comments:${prompt.id}:${input.limit}:${input.cursor ?? ""}`, () => commentsPage(db, prompt.id, input));
}

async function commentsPage(db: DbOrTx, promptId: string, input: { cursor?: string | null; limit: number }) {
  const rows = await db.comment.findMany({
    where: { promptId, parentId: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { ...commentSelect, replies: { select: commentSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: MAX_REPLIES_SHOWN } },
    ...page(input),
  });
  const { items, nextCursor } = pageResult(rows, input);
  // Reply counts for this page only (a relation _count would aggregate the whole table), and the
  // total read after the page, as before, but together.
  const [counts, total] = await Promise.all([
    items.length ? db.comment.groupBy({ by: ["parentId"], where: { parentId: { in: items.map((c) => c.id) } }, _count: { _all: true } }) : [],
    db.prompt.findUniqueOrThrow({ where: { id: promptId }, select: { commentCount: true } }),
  ]);
  const replyCount = new Map(counts.map((c) => [c.parentId, c._count._all]));
  return {
    items: items.map(({ replies, ...c }) => ({ ...present(c), replyCount: replyCount.get(c.id) ?? 0, replies: replies.map(present) })),
    nextCursor,
    total: total.commentCount,
  };
}
