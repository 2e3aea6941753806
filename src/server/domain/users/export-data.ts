// Everything an account holds about its owner, as one JSON document they can download. Secrets are
// never part of it: no password hash, no API key hash (prefix and name only), no GitHub tokens.
// Captures are exported as metadata (model, tokens, cost, timings, identity), not their bodies.
import "server-only";
import type { DbOrTx } from "@/server/db/prisma";
import type { Actor } from "../actor";
import { NotFoundError } from "../errors";

export const EXPORT_FORMAT_VERSION = 1;

export async function exportAccountData(db: DbOrTx, actor: Actor) {
  const found = await db.user.findFirst({
    where: { id: actor.id, deletedAt: null },
    select: { id: true, handle: true, name: true, email: true, emailVerified: true, bio: true, image: true, role: true, createdAt: true, updatedAt: true, passwordHash: true },
  });
  if (!found) throw new NotFoundError("User");
  // Only whether there is a password, never its hash.
  const { passwordHash, ...profile } = found;
  const person = { select: { handle: true, name: true } } as const;
  const promptRef = { select: { id: true, slug: true, title: true } } as const;
  const [prompts, comments, ratings, likes, following, followers, listings, purchases, licenses, sales, apiKeys, captures, accounts, modelProviders] = await Promise.all([
    db.prompt.findMany({
      where: { ownerId: actor.id },
      orderBy: { createdAt: "asc" },
      select: {
        id: true, slug: true, title: true, description: true, category: true, tags: true, visibility: true, archivedAt: true, createdAt: true, updatedAt: true,
        forkedFromVersionId: true,
        versions: { orderBy: { number: "asc" }, select: { id: true, number: true, body: true, variables: true, modelSettings: true, changelog: true, createdAt: true } },
        labels: { select: { name: true, version: { select: { number: true } } } },
      },
    }),
    db.comment.findMany({ where: { authorId: actor.id, deletedAt: null }, orderBy: { createdAt: "asc" }, select: { id: true, body: true, parentId: true, createdAt: true, editedAt: true, prompt: promptRef } }),
    db.rating.findMany({ where: { userId: actor.id }, orderBy: { createdAt: "asc" }, select: { stars: true, review: true, createdAt: true, updatedAt: true, prompt: promptRef } }),
    db.like.findMany({ where: { userId: actor.id }, orderBy: { createdAt: "asc" }, select: { createdAt: true, prompt: promptRef } }),
    db.follow.findMany({ where: { followerId: actor.id }, orderBy: { createdAt: "asc" }, select: { createdAt: true, followee: person } }),
    db.follow.findMany({ where: { followeeId: actor.id }, orderBy: { createdAt: "asc" }, select: { createdAt: true, follower: person } }),
    db.listing.findMany({
      where: { sellerId: actor.id },
      orderBy: { createdAt: "asc" },
      select: { id: true, priceCents: true, currency: true, licenseType: true, terms: true, coverage: true, status: true, sampleResults: true, salesCount: true, createdAt: true, updatedAt: true, prompt: promptRef },
    }),
    db.purchase.findMany({
      where: { buyerId: actor.id },
      orderBy: { createdAt: "asc" },
      select: { id: true, amountCents: true, currency: true, refundedCents: true, status: true, versionNumber: true, licenseType: true, terms: true, coverage: true, createdAt: true, paidAt: true, prompt: promptRef, seller: person },
    }),
    db.license.findMany({
      where: { holderId: actor.id },
      orderBy: { createdAt: "asc" },
      select: { id: true, key: true, licenseType: true, terms: true, coverage: true, fromVersion: true, toVersion: true, status: true, revokedAt: true, revokedReason: true, createdAt: true, prompt: promptRef },
    }),
    // Their own sales; buyers are other people and are not named.
    db.purchase.findMany({
      where: { sellerId: actor.id, paidAt: { not: null } },
      orderBy: { paidAt: "asc" },
      select: { id: true, amountCents: true, currency: true, platformFeeCents: true, refundedCents: true, status: true, licenseType: true, paidAt: true, prompt: promptRef },
    }),
    db.apiKey.findMany({ where: { userId: actor.id }, orderBy: { createdAt: "asc" }, select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } }),
    db.capture.findMany({
      where: { ownerId: actor.id },
      orderBy: { createdAt: "asc" },
      select: {
        id: true, provider: true, endpoint: true, method: true, model: true, status: true, stream: true, captureMode: true, latencyMs: true, ttfbMs: true,
        inputTokens: true, outputTokens: true, cachedTokens: true, tokensEstimated: true, costUsd: true, endUser: true, sessionId: true, properties: true,
        decision: true, similarity: true, matchedPromptId: true, resultPromptId: true, createdAt: true,
      },
    }),
    db.account.findMany({ where: { userId: actor.id }, select: { provider: true, createdAt: true } }),
    // The test harness's own providers: never the sealed key, only its hint.
    db.modelProvider.findMany({ where: { ownerId: actor.id }, orderBy: { createdAt: "asc" }, select: { name: true, kind: true, baseUrl: true, keyHint: true, models: true, createdAt: true } }),
  ]);
  return {
    format: "promptuary-account-export",
    version: EXPORT_FORMAT_VERSION,
    exportedAt: new Date().toISOString(),
    profile: { ...profile, signInMethods: [...(passwordHash ? ["password"] : []), ...accounts.map((a) => a.provider)] },
    prompts: prompts.map(({ labels, ...p }) => ({ ...p, labels: Object.fromEntries(labels.map((l) => [l.name, l.version.number])) })),
    comments,
    ratings,
    likes,
    following: following.map((f) => ({ ...f.followee, since: f.createdAt })),
    followers: followers.map((f) => ({ ...f.follower, since: f.createdAt })),
    listings,
    purchases,
    licenses,
    sales,
    apiKeys,
    modelProviders,
    captures: captures.map((c) => ({ ...c, costUsd: c.costUsd === null ? null : c.costUsd.toString() })),
  };
}
