import { describe, expect, it } from "vitest";
import { verifyCredentials } from "@/server/domain/users/verify-credentials";
import { setUpTestDatabase } from "@/test/set-up-test-database";
import { DEMO_PASSWORD, seedDemoCatalogue } from "./seed";
import { THREADS } from "./activity";

const t = setUpTestDatabase();

describe("demo catalogue", () => {
  it("loads a believable catalogue once, through the domain rules", async () => {
    const first = await seedDemoCatalogue(t.db);
    expect(first.users).toBeGreaterThanOrEqual(12);
    expect(first.prompts).toBeGreaterThanOrEqual(60);

    const categories = await t.db.prompt.groupBy({ by: ["category"], _count: true });
    expect(categories.length).toBeGreaterThanOrEqual(8);
    const multiVersion = await t.db.prompt.count({ where: { versions: { some: { number: 3 } } } });
    expect(multiVersion).toBeGreaterThanOrEqual(5);
    expect(await t.db.prompt.count({ where: { forkedFromVersionId: { not: null } } })).toBeGreaterThanOrEqual(5);
    expect(await t.db.promptLabel.count({ where: { name: "production" } })).toBeGreaterThan(0);
    // Every prompt's latest label points at its highest version.
    const stale = await t.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "PromptLabel" l JOIN "PromptVersion" v ON v.id = l."versionId"
      WHERE l.name = 'latest' AND v.number <> (SELECT max(number) FROM "PromptVersion" WHERE "promptId" = l."promptId")`;
    expect(stale[0].n).toBe(0);
    expect(await verifyCredentials(t.db, "demo@example.com", DEMO_PASSWORD)).toMatchObject({ handle: "demo" });

    // Community activity, with counters that match the rows.
    expect(await t.db.like.count()).toBeGreaterThan(50);
    expect(await t.db.rating.count()).toBeGreaterThan(30);
    expect(await t.db.follow.count()).toBeGreaterThan(20);
    const drift = await t.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Prompt" p WHERE p."likeCount" <> (SELECT count(*) FROM "Like" l WHERE l."promptId" = p.id)
         OR p."ratingCount" <> (SELECT count(*) FROM "Rating" r WHERE r."promptId" = p.id)`;
    expect(drift[0].n).toBe(0);

    // Collections to browse and follow (one offered to the demo account's tools) and favourites, with exact counters.
    expect(await t.db.collection.count({ where: { visibility: "public" } })).toBeGreaterThanOrEqual(3);
    expect(await t.db.collectionItem.count({ where: { versionId: { not: null } } })).toBeGreaterThan(0);
    expect(await t.db.toolCollection.count({ where: { user: { handle: "demo" } } })).toBe(1);
    expect(await t.db.favorite.count()).toBeGreaterThan(10);
    const favouriteDrift = await t.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Prompt" p WHERE p."favoriteCount" <> (SELECT count(*) FROM "Favorite" f WHERE f."promptId" = p.id)
      UNION ALL SELECT count(*)::int FROM "Collection" c WHERE c."followerCount" <> (SELECT count(*) FROM "CollectionFollow" f WHERE f."collectionId" = c.id)`;
    expect(favouriteDrift.map((r) => r.n)).toEqual([0, 0]);

    // A marketplace to browse: paid and free listings, a month of demo sales with refunds, a demo Library.
    expect(first.listings).toBeGreaterThanOrEqual(8);
    expect(await t.db.listing.count({ where: { priceCents: 0 } })).toBeGreaterThan(0);
    expect(await t.db.listing.count({ where: { priceCents: { gt: 0 } } })).toBeGreaterThan(4);
    const demo = await t.db.user.findUniqueOrThrow({ where: { handle: "demo" } });
    expect(await t.db.purchase.count({ where: { sellerId: demo.id, status: "paid", amountCents: { gt: 0 } } })).toBeGreaterThanOrEqual(8);
    expect(await t.db.license.count({ where: { holderId: demo.id, status: "active" } })).toBeGreaterThanOrEqual(2);
    expect(await t.db.license.count({ where: { status: "revoked" } })).toBeGreaterThan(0);
    const salesDrift = await t.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Listing" l WHERE l."salesCount" <> (SELECT count(*) FROM "License" x WHERE x."listingId" = l.id AND x.status = 'active')`;
    expect(salesDrift[0].n).toBe(0);

    // Demo text reads right: the demo bio describes its owner instead of addressing visitors, a
    // written review appears once in the whole catalogue, and each reply answers its own comment.
    expect(demo.bio).not.toMatch(/\byou(r|'re)?\b/i);
    const repeated = await t.db.$queryRaw<{ review: string }[]>`
      SELECT review FROM "Rating" WHERE review <> '' GROUP BY review HAVING count(*) > 1`;
    expect(repeated).toEqual([]);
    expect(await t.db.rating.count({ where: { review: { not: "" } } })).toBeGreaterThan(5);
    const replies = await t.db.comment.findMany({ where: { parentId: { not: null } }, select: { body: true, parent: { select: { body: true } } } });
    expect(replies.length).toBeGreaterThan(0);
    for (const reply of replies) expect(THREADS.find((th) => th.comment === reply.parent?.body)?.replies).toContain(reply.body);

    // A month of usage, rolled up, with trending in every window (Home's Trending section is not empty).
    expect(await t.db.usageEvent.count()).toBeGreaterThan(1000);
    expect(await t.db.usageRollup.count({ where: { granularity: "day", scope: "site" } })).toBeGreaterThan(20);
    // The demo's sales show as revenue: one purchase event per paid purchase, with its amount.
    const paid = await t.db.purchase.aggregate({ where: { paidAt: { not: null } }, _count: true, _sum: { amountCents: true } });
    const sold = await t.db.usageEvent.aggregate({ where: { kind: "purchase" }, _count: true, _sum: { amountCents: true } });
    expect(paid._count).toBeGreaterThan(0);
    expect(sold).toEqual({ _count: paid._count, _sum: { amountCents: paid._sum.amountCents } });
    for (const field of ["trending24h", "trending7d", "trending30d"] as const) expect(await t.db.prompt.count({ where: { visibility: "public", [field]: { gt: 0 } } }), field).toBeGreaterThanOrEqual(6);

    const again = await seedDemoCatalogue(t.db);
    expect(again.prompts).toBe(0);
    expect(await t.db.prompt.count()).toBe(first.prompts);
  });
});
