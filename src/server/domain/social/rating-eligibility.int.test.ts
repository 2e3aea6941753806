// Reviews of paid prompts are verified purchases: only license holders may rate a prompt with a
// paid listing; everyone who can read it may still comment, and free prompts stay open to all.
import { describe, expect, it } from "vitest";
import { makeUser } from "@/test/callers";
import { rejects } from "@/test/expect-trpc-error";
import { withFakeStripe } from "@/test/with-fake-stripe";
import { setUpTestDatabase } from "@/test/set-up-test-database";

const t = setUpTestDatabase();
const fake = withFakeStripe(t);
const deliver = (event: object) => fake.webhook(event);

async function buy(buyer: Awaited<ReturnType<typeof makeUser>>, listingId: string) {
  const { sessionId } = await buyer.caller.listing.checkout({ listingId });
  await deliver(fake.stripe.complete(sessionId!));
  return sessionId!;
}

describe("who may rate", () => {
  it("only license holders rate a paid prompt; everyone may comment; a refund takes the right away", async () => {
    const seller = await makeUser(t.db);
    const prompt = await seller.caller.prompt.create({ title: "Paid summariser", category: "writing", body: "Summarise {{text}} in three bullet points." });
    const listing = await seller.caller.listing.create({ promptId: prompt.id, priceCents: 800, currency: "usd", licenseType: "personal" });
    const browser = await makeUser(t.db);
    const buyer = await makeUser(t.db);

    await rejects(browser.caller.social.rate({ promptId: prompt.id, stars: 1, review: "never bought it" }), "FORBIDDEN", /bought this prompt/);
    expect(await t.db.rating.count({ where: { promptId: prompt.id } })).toBe(0);
    expect((await browser.caller.social.ratings({ promptId: prompt.id, limit: 10 })).cannotRateReason).toMatch(/verified purchases/);
    expect(await browser.caller.social.comment({ promptId: prompt.id, body: "Does it handle tables?" })).toMatchObject({ body: "Does it handle tables?" });

    const sessionId = await buy(buyer, listing.id);
    expect((await buyer.caller.social.ratings({ promptId: prompt.id, limit: 10 })).cannotRateReason).toBeNull();
    await buyer.caller.social.rate({ promptId: prompt.id, stars: 5, review: "Worth it" });
    const page = await browser.caller.social.ratings({ promptId: prompt.id, limit: 10 });
    expect(page.items).toEqual([expect.objectContaining({ stars: 5, verifiedPurchase: true })]);
    expect(page.ratingCount).toBe(1);

    await rejects(seller.caller.social.rate({ promptId: prompt.id, stars: 5 }), "FORBIDDEN", /own prompt/);
    expect((await seller.caller.social.ratings({ promptId: prompt.id, limit: 10 })).cannotRateReason).toMatch(/own prompt/);

    // A full refund revokes the license: no more rating, and the review loses its badge.
    await deliver(fake.stripe.refund(sessionId));
    await rejects(buyer.caller.social.rate({ promptId: prompt.id, stars: 1 }), "FORBIDDEN", /bought this prompt/);
    expect((await browser.caller.social.ratings({ promptId: prompt.id, limit: 10 })).items).toEqual([expect.objectContaining({ stars: 5, verifiedPurchase: false })]);
  });

  it("free listings and unlisted-for-sale prompts are open to every reader", async () => {
    const seller = await makeUser(t.db);
    const freePrompt = await seller.caller.prompt.create({ title: "Free helper", category: "writing", body: "Rewrite {{text}} politely." });
    await seller.caller.listing.create({ promptId: freePrompt.id, priceCents: 0, currency: "usd", licenseType: "personal" });
    const plain = await seller.caller.prompt.create({ title: "Plain helper", category: "writing", body: "Shorten {{text}}." });
    const reader = await makeUser(t.db);
    await reader.caller.social.rate({ promptId: freePrompt.id, stars: 4 });
    await reader.caller.social.rate({ promptId: plain.id, stars: 3 });
    // A draft paid listing is not for sale yet: it does not close ratings.
    const draftPrompt = await seller.caller.prompt.create({ title: "Soon for sale", category: "writing", body: "Translate {{text}}." });
    await seller.caller.listing.create({ promptId: draftPrompt.id, priceCents: 500, currency: "usd", licenseType: "personal", status: "draft" });
    await reader.caller.social.rate({ promptId: draftPrompt.id, stars: 4 });
    expect(await t.db.rating.count({ where: { userId: reader.user.id } })).toBe(3);
  });
});
