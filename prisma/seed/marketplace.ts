// Demo marketplace: listings across the catalogue (paid and free), a month of sales for the demo
// seller (two refunded) so the dashboard has something to chart, and licenses in the demo Library.
// Sales are written as already-paid purchases: nothing here talks to Stripe.
import type { Db } from "@/server/db/prisma";
import { env } from "@/env";
import { agreedTerms } from "@/server/domain/marketplace/checkout";
import { grantLicense, revokeLicenseOf } from "@/server/domain/marketplace/licenses";
import { platformFee } from "@/server/domain/marketplace/platform-fee";
import { LICENSE_TYPES } from "@/shared/marketplace/license-types";
import { random } from "./activity";

type SeedListing = { slug: string; priceCents: number; currency?: string; licenseType: "personal" | "commercial" | "team"; sales: number; samples?: { title: string; output: string }[] };

const LISTINGS: SeedListing[] = [
  {
    slug: "stack-trace-explainer",
    priceCents: 900,
    licenseType: "commercial",
    sales: 14,
    samples: [{ title: "Node TypeError", output: "Cause: `user` is undefined when `user.id` is read on line 42 of session.ts, because the lookup above returns null for expired sessions.\nFix: return 401 before reading `user.id`." }],
  },
  { slug: "newsletter-subject-lines", priceCents: 0, licenseType: "personal", sales: 5 },
];
const OTHER_PRICES = [499, 1200, 0, 1999, 700, 2500, 0, 1500, 350, 4900];
const LICENSE_CYCLE = ["personal", "commercial", "team"] as const;

export async function seedMarketplace(db: Db) {
  if ((await db.listing.count()) > 0) return { listings: 0, sales: 0 };
  const rand = random(5);
  const users = await db.user.findMany({ select: { id: true, handle: true }, orderBy: { handle: "asc" } });
  const demo = users.find((u) => u.handle === "demo");
  // Every sixth public original prompt of other authors goes on sale, plus the demo seller's two.
  const others = await db.prompt.findMany({
    where: { visibility: "public", forkedFromVersionId: null, owner: { handle: { notIn: ["demo", "admin"] } } },
    select: { slug: true },
    orderBy: { createdAt: "asc" },
  });
  const plan: SeedListing[] = [
    ...LISTINGS,
    ...others
      .filter((_, i) => i % 6 === 2)
      .slice(0, OTHER_PRICES.length)
      .map((p, i) => ({ slug: p.slug, priceCents: OTHER_PRICES[i], licenseType: LICENSE_CYCLE[i % 3], sales: 1 + Math.floor(rand() * 4) })),
  ];

  let sales = 0;
  for (const [index, item] of plan.entries()) {
    const prompt = await db.prompt.findUnique({ where: { slug: item.slug }, select: { id: true, ownerId: true, createdAt: true, labels: { where: { name: "latest" }, select: { version: { select: { number: true } } } } } });
    if (!prompt) continue;
    const listing = await db.listing.create({
      data: {
        promptId: prompt.id,
        sellerId: prompt.ownerId,
        priceCents: item.priceCents,
        currency: item.currency ?? "usd",
        licenseType: item.licenseType,
        terms: LICENSE_TYPES[item.licenseType].defaultTerms,
        status: "active",
        sampleResults: item.samples ?? [],
        createdAt: new Date(Date.now() - (40 - index) * 86_400_000),
      },
    });
    const buyers = users.filter((u) => u.id !== prompt.ownerId && u.handle !== "admin").sort(() => rand() - 0.5);
    // Reviews of paid prompts are verified purchases: everyone who rated a paid prompt bought it.
    const raters = item.priceCents > 0 ? new Set((await db.rating.findMany({ where: { promptId: prompt.id }, select: { userId: true } })).map((r) => r.userId)) : new Set<string>();
    buyers.sort((a, b) => Number(raters.has(b.id)) - Number(raters.has(a.id)));
    // The demo account holds a license for the first two listings by others.
    if (demo && prompt.ownerId !== demo.id && index < 4) buyers.sort((a, b) => (a.id === demo.id ? -1 : b.id === demo.id ? 1 : 0));
    const salesPlanned = Math.max(item.sales, raters.size + (demo && raters.size && index < 4 ? 1 : 0));
    for (const [n, buyer] of buyers.slice(0, salesPlanned).entries()) {
      const paidAt = new Date(Date.now() - Math.floor(rand() * 28 * 86_400_000) - 3_600_000);
      const refunded = salesPlanned > 10 && n % 7 === 3 && !raters.has(buyer.id);
      await db.$transaction(async (tx) => {
        const purchase = await tx.purchase.create({
          data: {
            listingId: listing.id,
            promptId: prompt.id,
            buyerId: buyer.id,
            sellerId: prompt.ownerId,
            amountCents: item.priceCents,
            currency: listing.currency,
            platformFeeCents: refunded ? 0 : platformFee(item.priceCents, env.PLATFORM_FEE_PERCENT),
            refundedCents: refunded ? item.priceCents : 0,
            status: refunded ? "refunded" : "paid",
            versionNumber: prompt.labels[0]?.version.number ?? 1,
            ...agreedTerms(listing),
            createdAt: paidAt,
            paidAt,
            ...(item.priceCents ? { stripeSessionId: `cs_seed_${listing.id}_${n}`, stripePaymentIntentId: `pi_seed_${listing.id}_${n}` } : {}),
          },
        });
        const license = await grantLicense(tx, purchase);
        if (license) await tx.license.update({ where: { id: license.id }, data: { createdAt: paidAt } });
        if (refunded) {
          await tx.refund.create({
            data: {
              purchaseId: purchase.id,
              stripeChargeId: `ch_seed_${purchase.id}`,
              stripePaymentIntentId: purchase.stripePaymentIntentId,
              amountRefundedCents: item.priceCents,
              currency: listing.currency,
              stripeEventId: `evt_seed_${purchase.id}`,
              createdAt: new Date(paidAt.getTime() + 2 * 86_400_000),
            },
          });
          await revokeLicenseOf(tx, purchase.id, "refunded");
        }
      });
      sales++;
    }
    // Sales that still hold a license (refunded ones no longer count towards "best selling").
    await db.listing.update({ where: { id: listing.id }, data: { salesCount: await db.license.count({ where: { listingId: listing.id, status: "active" } }) } });
  }
  return { listings: plan.length, sales };
}
