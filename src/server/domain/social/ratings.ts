import "server-only";
import type { Db, DbOrTx } from "@/server/db/prisma";
import type { Actor, Viewer } from "../actor";
import { ForbiddenError } from "../errors";
import { page, pageResult } from "../pagination";
import { findReadablePrompt } from "../access/prompt-access";
import { publicRead } from "../access/public-reads";
import { averageOf } from "../prompts/prompt-queries";
import { recordUsage } from "../analytics/record-usage";
import { originFields, type UsageOrigin } from "../analytics/usage-origin";
import { ratingRefusal } from "./rating-eligibility";
import { viewerRating } from "../prompts/viewer-rating";
import { notifyRating } from "../notifications/event-notifications";
import { RATING_PRIOR_COUNT, RATING_PRIOR_MEAN } from "@/shared/social/rating-score";

/** Bayesian average (shared/social/rating-score.ts): phantom middling ratings keep one 5-star review from topping the charts. */
const PRIOR_COUNT = RATING_PRIOR_COUNT;
const PRIOR_MEAN = RATING_PRIOR_MEAN;

/**
 * One rating per user per prompt; rating again edits it. Owners cannot rate their own prompts. A new
 * rating, or new stars, is a usage event once it commits (a review edited alone is not).
 */
export async function ratePrompt(db: Db, actor: Actor, input: { promptId: string; stars: number; review?: string }, usage?: UsageOrigin) {
  const { result, ownerId, changed } = await db.$transaction(async (tx) => {
    const prompt = await findReadablePrompt(tx, actor, input.promptId);
    const refusal = await ratingRefusal(tx, actor, prompt);
    if (refusal) throw new ForbiddenError(refusal);
    // Serialise ratings of one prompt so the sum and count move together.
    await tx.$queryRaw`SELECT id FROM "Prompt" WHERE id = ${prompt.id} FOR UPDATE`;
    const previous = await tx.rating.findUnique({ where: { userId_promptId: { userId: actor.id, promptId: prompt.id } }, select: { stars: true } });
    const rating = await tx.rating.upsert({
      where: { userId_promptId: { userId: actor.id, promptId: prompt.id } },
      create: { userId: actor.id, promptId: prompt.id, stars: input.stars, review: input.review ?? "" },
      update: { stars: input.stars, ...(input.review !== undefined ? { review: input.review } : {}) },
    });
    const countDelta = previous ? 0 : 1;
    const sumDelta = input.stars - (previous?.stars ?? 0);
    await tx.$executeRaw`
      UPDATE "Prompt" SET "ratingCount" = "ratingCount" + ${countDelta}::int, "ratingSum" = "ratingSum" + ${sumDelta}::int,
        "ratingScore" = ("ratingSum" + ${sumDelta}::int + ${PRIOR_COUNT * PRIOR_MEAN}::float8) / ("ratingCount" + ${countDelta}::int + ${PRIOR_COUNT}::float8)
      WHERE id = ${prompt.id}`;
    // A changed rating updates the owner's notification rather than adding one; the same stars again say nothing new.
    if (previous?.stars !== input.stars) await notifyRating(tx, { actorId: actor.id, prompt, stars: input.stars });
    const result = { promptId: prompt.id, stars: rating.stars, review: rating.review, updatedAt: rating.updatedAt, ...(await ratingSummary(tx, prompt.id)) };
    return { result, ownerId: prompt.ownerId, changed: previous?.stars !== input.stars };
  });
  if (changed) recordUsage(db, { kind: "rate", promptId: result.promptId, ownerId, ...originFields(usage, actor.id) });
  return result;
}

export async function ratingSummary(db: DbOrTx, promptId: string) {
  const [prompt, groups] = await Promise.all([
    db.prompt.findUniqueOrThrow({ where: { id: promptId }, select: { ratingCount: true, ratingSum: true } }),
    db.rating.groupBy({ by: ["stars"], where: { promptId }, _count: { _all: true } }),
  ]);
  const distribution = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } as Record<1 | 2 | 3 | 4 | 5, number>;
  for (const g of groups) distribution[g.stars as 1 | 2 | 3 | 4 | 5] = g._count._all;
  return {
    ratingCount: prompt.ratingCount,
    ratingAverage: averageOf(prompt),
    distribution,
  };
}

/**
 * Reviewers on this page who bought the prompt: they hold an active license for it, or a purchase of
 * it that was paid and not fully refunded (a full refund revokes the license and the badge).
 */
async function verifiedBuyers(db: DbOrTx, promptId: string, userIds: string[]): Promise<Set<string>> {
  if (!userIds.length) return new Set();
  const [licensed, bought] = await Promise.all([
    db.license.findMany({ where: { promptId, holderId: { in: userIds }, status: "active" }, select: { holderId: true } }),
    db.purchase.findMany({ where: { promptId, buyerId: { in: userIds }, status: { in: ["paid", "partially_refunded"] } }, select: { buyerId: true } }),
  ]);
  return new Set([...licensed.map((l) => l.holderId), ...bought.map((p) => p.buyerId)]);
}

/** Reviews, newest first, with the summary on every page; reviews by buyers are `verifiedPurchase`. */
export async function listRatings(db: DbOrTx, viewer: Viewer, input: { promptId: string; cursor?: string | null; limit: number }) {
  const prompt = await findReadablePrompt(db, viewer, input.promptId);
  // The page of reviews and the summary are the same for everyone who may read the prompt (shared:
  // public-reads.ts); the viewer's own rating and whether they may rate are theirs. Asked together.
  const [reviews, mine, cannotRateReason] = await Promise.all([
    publicRead(`ratings:${prompt.id}:${input.limit}:${input.cursor ?? ""}`, () => reviewsPage(db, prompt.id, input)),
    viewerRating(db, viewer, prompt.id),
    /** Why the viewer may not rate (own prompt, or a paid prompt they hold no license for); null when they may or are signed out. */
    ratingRefusal(db, viewer, prompt),
  ]);
  const { items, nextCursor, summary } = reviews;
  return { items, nextCursor, mine, cannotRateReason, ...summary };
}

async function reviewsPage(db: DbOrTx, promptId: string, input: { cursor?: string | null; limit: number }) {
  const reviews = async () => {
    const rows = await db.rating.findMany({
      where: { promptId },
      orderBy: [{ updatedAt: "desc" }, { userId: "desc" }],
      select: { userId: true, stars: true, review: true, createdAt: true, updatedAt: true, user: { select: { id: true, handle: true, name: true, image: true } } },
      ...page(input, (userId) => ({ userId_promptId: { userId, promptId } })),
    });
    const onPage = pageResult(rows.map((r) => ({ ...r, id: r.userId, author: r.user })), input);
    const verified = await verifiedBuyers(db, promptId, onPage.items.map((r) => r.userId));
    return { items: onPage.items.map((r) => ({ ...r, verifiedPurchase: verified.has(r.userId) })), nextCursor: onPage.nextCursor };
  };
  const [{ items, nextCursor }, summary] = await Promise.all([reviews(), ratingSummary(db, promptId)]);
  return { items, nextCursor, summary };
}

