import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import type { Actor, Viewer } from "../actor";
import { NotFoundError } from "../errors";
import { listablePromptsWhere } from "../access/prompt-access";
import { followCounts, isFollowing } from "../follows/follows";

export const publicUserSelect = { id: true, handle: true, name: true, bio: true, image: true, createdAt: true } as const;

export async function getUserByHandle(db: DbOrTx, viewer: Viewer, handle: string) {
  const user = await db.user.findFirst({ where: { handle: handle.toLowerCase(), deletedAt: null }, select: publicUserSelect });
  // A deleted account keeps an anonymised row (for sales and archived prompts) but has no profile.
  if (!user) throw new NotFoundError("User");
  // Totals over what this viewer may see: others never learn about private prompts.
  const totals = await db.prompt.aggregate({
    where: { AND: [{ ownerId: user.id }, listablePromptsWhere(viewer)] },
    _count: { _all: true },
    _sum: { likeCount: true, ratingCount: true, ratingSum: true, forkCount: true, viewCount: true },
  });
  const ratingCount = totals._sum.ratingCount ?? 0;
  return {
    ...user,
    promptCount: totals._count._all,
    likesReceived: totals._sum.likeCount ?? 0,
    ratingsReceived: ratingCount,
    averageRating: ratingCount ? Math.round(((totals._sum.ratingSum ?? 0) / ratingCount) * 100) / 100 : null,
    forksOfTheirWork: totals._sum.forkCount ?? 0,
    ...(await followCounts(db, user.id)),
    viewerFollows: await isFollowing(db, viewer, user.id),
    isViewer: viewer?.id === user.id,
  };
}

export async function getMe(db: DbOrTx, actor: Actor) {
  const user = await db.user.findFirst({
    where: { id: actor.id, deletedAt: null },
    select: { ...publicUserSelect, email: true, role: true, passwordHash: true },
  });
  if (!user) throw new NotFoundError("User");
  // Whether changing the email or deleting the account asks for a password (GitHub-only accounts have none).
  const { passwordHash, ...rest } = user;
  return { ...rest, hasPassword: passwordHash !== null };
}

export async function updateProfile(db: DbOrTx, actor: Actor, input: { name?: string; bio?: string; image?: string }) {
  const { image, ...rest } = input;
  return db.user.update({
    where: { id: actor.id },
    data: { ...rest, ...(image !== undefined ? { image: image || null } : {}) },
    select: { ...publicUserSelect, email: true, role: true },
  });
}
