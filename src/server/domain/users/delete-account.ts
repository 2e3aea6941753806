// Deleting one's own account. What others rely on stays, anonymised; everything else goes:
// - prompts someone paid for or holds a license to, and prompts other people forked (their lineage
//   points at its versions), are archived (Prompt.archivedAt, listing paused) so licensees keep
//   reading them and forks keep their parent; every other prompt is deleted with its versions;
// - the user row always stays, anonymised (no email, password, name or real handle; deletedAt set),
//   because sales (as seller and as buyer) are other people's records too and kept prompts need an
//   owner; sessions, GitHub links, API keys, captures, likes, ratings, follows and notifications go,
//   and so do favourites, collection follows, tool choices and personal collections;
// - comments go, except that one others replied to stays as a "deleted" placeholder, as when a
//   comment is deleted by hand. Counters on other people's prompts move in the same transaction.
// Nobody can sign in to a deleted account: its email and password are gone and the session lookup
// (session-user.ts) ignores deleted rows, so sessions already issued stop working at once.
import "server-only";
import { randomBytes } from "node:crypto";
import type { Db, DbOrTx, Tx } from "@/server/db/prisma";
import { ratingScore } from "@/shared/social/rating-score";
import type { Actor } from "../actor";
import { recordAudit, type RequestMeta } from "../audit/record-audit";
import { ConflictError, ValidationError } from "../errors";
import { countFork } from "../prompts/fork-count";
import { assertCurrentPasswordAudited } from "./current-password";
import { takeBackFavoritesAndCollections } from "../collections/take-back-collections";

/** Exactly what deleting the account keeps and removes, shown before the person confirms. */
export async function accountDeletionPlan(db: DbOrTx, actor: Actor) {
  const prompts = await db.prompt.findMany({
    // Personal prompts: an organisation's prompts belong to it, whoever created them.
    where: { ownerId: actor.id, orgId: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, slug: true, title: true, visibility: true, forkedFromVersionId: true, archivedAt: true },
  });
  const ids = prompts.map((p) => p.id);
  const [sold, licensed, forkRows] = ids.length
    ? await Promise.all([
        db.purchase.groupBy({ by: ["promptId"], where: { promptId: { in: ids }, paidAt: { not: null } }, _count: { _all: true } }),
        db.license.groupBy({ by: ["promptId"], where: { promptId: { in: ids } }, _count: { _all: true } }),
        db.prompt.findMany({ where: { forkedFromVersion: { promptId: { in: ids } }, ownerId: { not: actor.id } }, select: { forkedFromVersion: { select: { promptId: true } } } }),
      ])
    : [[], [], []];
  const sales = new Map(sold.map((g) => [g.promptId, g._count._all]));
  const licenses = new Map(licensed.map((g) => [g.promptId, g._count._all]));
  const forks = new Map<string, number>();
  for (const f of forkRows) if (f.forkedFromVersion) forks.set(f.forkedFromVersion.promptId, (forks.get(f.forkedFromVersion.promptId) ?? 0) + 1);
  const keeps = (p: { id: string }) => sales.has(p.id) || licenses.has(p.id) || forks.has(p.id);
  const kept = prompts.filter(keeps);
  const removed = prompts.filter((p) => !keeps(p));
  const [comments, repliedComments, ratings, likes, following, followers, captures, apiKeys, listings, purchases] = await Promise.all([
    db.comment.count({ where: { authorId: actor.id, deletedAt: null } }),
    db.comment.count({ where: { authorId: actor.id, deletedAt: null, replies: { some: { authorId: { not: actor.id } } } } }),
    db.rating.count({ where: { userId: actor.id } }),
    db.like.count({ where: { userId: actor.id } }),
    db.follow.count({ where: { followerId: actor.id } }),
    db.follow.count({ where: { followeeId: actor.id } }),
    db.capture.count({ where: { ownerId: actor.id } }),
    db.apiKey.count({ where: { userId: actor.id } }),
    db.listing.count({ where: { sellerId: actor.id } }),
    db.purchase.count({ where: { buyerId: actor.id, paidAt: { not: null } } }),
  ]);
  return {
    handle: actor.handle,
    /** Archived, not deleted: people paid for them or forked them. */
    keptPrompts: kept.map((p) => ({ id: p.id, slug: p.slug, title: p.title, sales: sales.get(p.id) ?? 0, licenses: licenses.get(p.id) ?? 0, forks: forks.get(p.id) ?? 0 })),
    deletedPrompts: removed.map((p) => ({ id: p.id, slug: p.slug, title: p.title, visibility: p.visibility, forkedFromVersionId: p.forkedFromVersionId })),
    counts: { comments, repliedComments, ratings, likes, following, followers, captures, apiKeys, listings, purchases },
  };
}

export async function deleteAccount(db: Db, actor: Actor, input: { confirmHandle: string; currentPassword?: string }, request?: RequestMeta | null) {
  if (input.confirmHandle !== actor.handle)
    throw new ValidationError(`confirmHandle: type your handle, ${actor.handle}, to confirm.`, { confirmHandle: [`must be your handle, ${actor.handle}`] });
  await assertCurrentPasswordAudited(db, actor, "account.delete", input.currentPassword, request);
  return db.$transaction(async (tx) => {
    // One deletion at a time per account, and nothing it keeps may change underneath it.
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${actor.id} FOR UPDATE`;
    await assertLeavesNoOrgWithoutAdmin(tx, actor);
    await tx.membership.deleteMany({ where: { userId: actor.id } });
    const plan = await accountDeletionPlan(tx, actor);
    const now = new Date();
    await takeBackSocial(tx, actor.id);
    await takeBackFavoritesAndCollections(tx, actor.id);

    const keptIds = plan.keptPrompts.map((p) => p.id);
    if (keptIds.length) {
      await tx.prompt.updateMany({ where: { id: { in: keptIds }, archivedAt: null }, data: { archivedAt: now } });
      // Licensees keep what they bought; nobody can buy any more.
      const onSale = await tx.listing.findMany({ where: { promptId: { in: keptIds }, status: "active" }, select: { id: true } });
      await tx.listing.updateMany({ where: { id: { in: onSale.map((l) => l.id) } }, data: { status: "paused" } });
      for (const l of onSale)
        await recordAudit(tx, { actor, action: "listing.status", target: { type: "listing", id: l.id }, from: "active", to: "paused", comment: "the seller deleted their account", request });
    }
    for (const p of plan.deletedPrompts) if (p.forkedFromVersionId && p.visibility === "public") await countFork(tx, p.forkedFromVersionId, -1);
    await tx.prompt.deleteMany({ where: { id: { in: plan.deletedPrompts.map((p) => p.id) } } });

    await tx.capture.deleteMany({ where: { ownerId: actor.id } });
    await tx.follow.deleteMany({ where: { OR: [{ followerId: actor.id }, { followeeId: actor.id }] } });
    await tx.notification.deleteMany({ where: { userId: actor.id } });
    await tx.apiKey.deleteMany({ where: { userId: actor.id } });
    await tx.session.deleteMany({ where: { userId: actor.id } });
    await tx.account.deleteMany({ where: { userId: actor.id } });
    const before = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { email: true } });
    if (before.email) await tx.verificationToken.deleteMany({ where: { identifier: before.email } });
    await tx.user.update({
      where: { id: actor.id },
      data: {
        email: null,
        emailVerified: null,
        passwordHash: null,
        name: "Deleted user",
        handle: `deleted-${randomBytes(6).toString("hex")}`,
        bio: "",
        image: null,
        role: "user",
        deletedAt: now,
      },
    });
    // The entry keeps the handle the account had: the log is the record of who did what.
    await recordAudit(tx, {
      actor,
      action: "account.delete",
      target: { type: "user", id: actor.id },
      from: actor.handle,
      to: "deleted",
      request,
      details: { archivedPrompts: plan.keptPrompts.length, deletedPrompts: plan.deletedPrompts.length },
    });
    return { deleted: true, archivedPrompts: plan.keptPrompts.length, deletedPrompts: plan.deletedPrompts.length };
  });
}

/** Removes the user's likes, ratings and comments on any prompt, keeping others' counters exact. */
async function takeBackSocial(tx: DbOrTx, userId: string) {
  const likes = await tx.$queryRaw<{ promptId: string }[]>`DELETE FROM "Like" WHERE "userId" = ${userId} RETURNING "promptId"`;
  for (const like of likes) await tx.$executeRaw`UPDATE "Prompt" SET "likeCount" = GREATEST("likeCount" - 1, 0) WHERE id = ${like.promptId}`;

  const ratings = await tx.$queryRaw<{ promptId: string; stars: number }[]>`DELETE FROM "Rating" WHERE "userId" = ${userId} RETURNING "promptId", stars`;
  for (const r of ratings) {
    const p = await tx.prompt.findUniqueOrThrow({ where: { id: r.promptId }, select: { ratingCount: true, ratingSum: true } });
    const count = Math.max(p.ratingCount - 1, 0);
    const sum = Math.max(p.ratingSum - r.stars, 0);
    await tx.prompt.update({ where: { id: r.promptId }, data: { ratingCount: count, ratingSum: sum, ratingScore: count ? ratingScore(sum, count) : 0 } });
  }

  // Every live comment of theirs leaves its prompt's count, as a deletion by hand does.
  await tx.$executeRaw`
    UPDATE "Prompt" p SET "commentCount" = GREATEST(p."commentCount" - c.n, 0)
    FROM (SELECT "promptId", count(*)::int AS n FROM "Comment" WHERE "authorId" = ${userId} AND "deletedAt" IS NULL GROUP BY "promptId") c
    WHERE c."promptId" = p.id`;
  await tx.$executeRaw`DELETE FROM "Comment" WHERE "authorId" = ${userId} AND "parentId" IS NOT NULL`;
  await tx.$executeRaw`
    UPDATE "Comment" c SET body = '', "deletedAt" = now()
    WHERE c."authorId" = ${userId} AND c."deletedAt" IS NULL AND EXISTS (SELECT 1 FROM "Comment" r WHERE r."parentId" = c.id)`;
  await tx.$executeRaw`
    DELETE FROM "Comment" c WHERE c."authorId" = ${userId} AND NOT EXISTS (SELECT 1 FROM "Comment" r WHERE r."parentId" = c.id)`;
}

/**
 * An organisation always keeps an admin (membership-changes.ts): the last admin of one that has
 * other members appoints another before their account can go; their memberships go with it.
 */
async function assertLeavesNoOrgWithoutAdmin(tx: Tx, actor: Actor) {
  const stranded = await tx.organization.findMany({
    where: {
      members: { some: { userId: actor.id, role: "admin" }, none: { role: "admin", userId: { not: actor.id } } },
      AND: [{ members: { some: { userId: { not: actor.id } } } }],
    },
    select: { name: true },
    orderBy: { name: "asc" },
  });
  if (stranded.length) throw new ConflictError(`You are the only admin of ${stranded.map((o) => o.name).join(", ")}: make another member admin there first (an organisation needs an admin).`);
}
