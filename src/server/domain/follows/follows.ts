import "server-only";
import type { Db, DbOrTx } from "@/server/db/prisma";
import type { Actor, Viewer } from "../actor";
import { NotFoundError, ValidationError } from "../errors";
import { page, pageResult } from "../pagination";
import { notifyFollow } from "../notifications/event-notifications";

const userCardSelect = { id: true, handle: true, name: true, image: true, bio: true } as const;

async function userIdByHandle(db: DbOrTx, handle: string) {
  const user = await db.user.findFirst({ where: { handle: handle.toLowerCase(), deletedAt: null }, select: { id: true, handle: true } });
  if (!user) throw new NotFoundError("User");
  return user;
}

export async function followUser(db: Db, actor: Actor, handle: string) {
  const target = await userIdByHandle(db, handle);
  if (target.id === actor.id) throw new ValidationError("handle: you can't follow yourself.", { handle: ["is you"] });
  await db.$transaction(async (tx) => {
    const inserted = await tx.$executeRaw`INSERT INTO "Follow" ("followerId", "followeeId") VALUES (${actor.id}, ${target.id}) ON CONFLICT DO NOTHING`;
    if (inserted) await notifyFollow(tx, { followerId: actor.id, followeeId: target.id });
  });
  return { handle: target.handle, following: true, ...(await followCounts(db, target.id)) };
}

export async function unfollowUser(db: Db, actor: Actor, handle: string) {
  const target = await userIdByHandle(db, handle);
  await db.follow.deleteMany({ where: { followerId: actor.id, followeeId: target.id } });
  return { handle: target.handle, following: false, ...(await followCounts(db, target.id)) };
}

export async function followCounts(db: DbOrTx, userId: string) {
  const [followerCount, followingCount] = [await db.follow.count({ where: { followeeId: userId } }), await db.follow.count({ where: { followerId: userId } })];
  return { followerCount, followingCount };
}

type FollowPage = { handle: string; cursor?: string | null; limit: number };

/** People who follow `handle`, newest first; the cursor is the follower's id. */
export async function listFollowers(db: DbOrTx, viewer: Viewer, input: FollowPage) {
  const user = await userIdByHandle(db, input.handle);
  const rows = await db.follow.findMany({
    where: { followeeId: user.id },
    orderBy: [{ createdAt: "desc" }, { followerId: "desc" }],
    select: { createdAt: true, follower: { select: userCardSelect } },
    ...page(input, (followerId) => ({ followerId_followeeId: { followerId, followeeId: user.id } })),
  });
  return withViewerFollows(db, viewer, rows.map((r) => ({ ...r.follower, followedAt: r.createdAt })), input);
}

/** People `handle` follows, newest first; the cursor is the followee's id. */
export async function listFollowing(db: DbOrTx, viewer: Viewer, input: FollowPage) {
  const user = await userIdByHandle(db, input.handle);
  const rows = await db.follow.findMany({
    where: { followerId: user.id },
    orderBy: [{ createdAt: "desc" }, { followeeId: "desc" }],
    select: { createdAt: true, followee: { select: userCardSelect } },
    ...page(input, (followeeId) => ({ followerId_followeeId: { followerId: user.id, followeeId } })),
  });
  return withViewerFollows(db, viewer, rows.map((r) => ({ ...r.followee, followedAt: r.createdAt })), input);
}

/** One page of people, each marked with whether the viewer follows them (for follow buttons in lists). */
async function withViewerFollows<T extends { id: string }>(db: DbOrTx, viewer: Viewer, rows: T[], input: FollowPage) {
  const result = pageResult(rows, input);
  const ids = result.items.map((i) => i.id);
  const followed = viewer && ids.length
    ? new Set((await db.follow.findMany({ where: { followerId: viewer.id, followeeId: { in: ids } }, select: { followeeId: true } })).map((f) => f.followeeId))
    : new Set<string>();
  return { ...result, items: result.items.map((i) => ({ ...i, viewerFollows: followed.has(i.id) })) };
}

export async function isFollowing(db: DbOrTx, viewer: Viewer, userId: string) {
  if (!viewer || viewer.id === userId) return false;
  return Boolean(await db.follow.findUnique({ where: { followerId_followeeId: { followerId: viewer.id, followeeId: userId } }, select: { followerId: true } }));
}
