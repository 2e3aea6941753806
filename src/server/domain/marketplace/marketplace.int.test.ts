// Listings, checkout through the real Stripe SDK against a Stripe-compatible fake on loopback, and
// signed webhooks: licenses are granted exactly once, refunds revoke, bad signatures store nothing.
import { describe, expect, it } from "vitest";
import { makeUser } from "@/test/callers";
import { rejects } from "@/test/expect-trpc-error";
import { withFakeStripe } from "@/test/with-fake-stripe";
import { setUpTestDatabase } from "@/test/set-up-test-database";
import { platformFee } from "./platform-fee";
import { receiveStripeWebhook } from "./stripe-webhook";

const platformFeeOf = (amount: number) => platformFee(amount, 20);

const t = setUpTestDatabase();
const fake = withFakeStripe(t, "whsec_test_marketplace_secret");
const SECRET = fake.secret;
const webhook = (event: object, signature?: string) => fake.webhook(event, signature);

async function sellerWithPrompt(body = "You are a meticulous copy editor. Fix {{text}} and explain each change.") {
  const seller = await makeUser(t.db);
  const prompt = await seller.caller.prompt.create({ title: "Copy editor pro", category: "writing", body, description: "Edits copy" });
  return { seller, prompt };
}

async function paidListing(priceCents = 1200) {
  const { seller, prompt } = await sellerWithPrompt();
  const listing = await seller.caller.listing.create({ promptId: prompt.id, priceCents, currency: "usd", licenseType: "commercial" });
  return { seller, prompt, listing };
}

describe("listings", () => {
  it("creates, reads and updates a listing; only the owner may", async () => {
    const { seller, prompt } = await sellerWithPrompt();
    const other = await makeUser(t.db);
    await rejects(other.caller.listing.create({ promptId: prompt.id, priceCents: 500, currency: "usd", licenseType: "personal" }), "FORBIDDEN");
    const listing = await seller.caller.listing.create({ promptId: prompt.id, priceCents: 999, currency: "EUR", licenseType: "team" });
    expect(listing).toMatchObject({ priceCents: 999, currency: "eur", licenseType: "team", status: "active", coverage: "purchased_and_later", priceLabel: "€9.99" });
    expect(listing.terms).toMatch(/Team license/);
    await rejects(seller.caller.listing.create({ promptId: prompt.id, priceCents: 500, currency: "usd", licenseType: "personal" }), "CONFLICT", /already has a listing/);

    await rejects(other.caller.listing.update({ listingId: listing.id, priceCents: 1 }), "FORBIDDEN");
    const updated = await seller.caller.listing.update({ listingId: listing.id, priceCents: 1500, terms: "Use it anywhere except resale.", status: "paused" });
    expect(updated).toMatchObject({ priceCents: 1500, terms: "Use it anywhere except resale.", status: "paused" });
    expect(await other.caller.listing.byPrompt({ promptId: prompt.id })).toMatchObject({ id: listing.id, canBuy: false, cannotBuyReason: /paused/ });

    await seller.caller.listing.update({ listingId: listing.id, status: "draft" });
    expect(await other.caller.listing.byPrompt({ promptId: prompt.id })).toBeNull();
    expect(await seller.caller.listing.byPrompt({ promptId: prompt.id })).toMatchObject({ status: "draft", isSeller: true });
  });

  it("rejects bad input naming the field", async () => {
    const { seller, prompt } = await sellerWithPrompt();
    const negative = await rejects(seller.caller.listing.create({ promptId: prompt.id, priceCents: -1, currency: "usd", licenseType: "personal" }), "BAD_REQUEST");
    expect(negative.message).toMatch(/priceCents/);
    expect((await rejects(seller.caller.listing.create({ promptId: prompt.id, priceCents: 10, currency: "usd", licenseType: "personal" }), "BAD_REQUEST")).message).toMatch(/priceCents/);
    expect((await rejects(seller.caller.listing.create({ promptId: prompt.id, priceCents: 1.5, currency: "usd", licenseType: "personal" }), "BAD_REQUEST")).message).toMatch(/priceCents/);
    expect((await rejects(seller.caller.listing.create({ promptId: prompt.id, priceCents: 500, currency: "xyz", licenseType: "personal" }), "BAD_REQUEST")).message).toMatch(/currency/);
    // @ts-expect-error: an unknown license type
    expect((await rejects(seller.caller.listing.create({ promptId: prompt.id, priceCents: 500, currency: "usd", licenseType: "forever" }), "BAD_REQUEST")).message).toMatch(/licenseType/);
    const secret = await seller.caller.prompt.create({ title: "Private thing", category: "writing", body: "secret", visibility: "private" });
    expect((await rejects(seller.caller.listing.create({ promptId: secret.id, priceCents: 500, currency: "usd", licenseType: "personal" }), "BAD_REQUEST")).message).toMatch(/private/);
    expect(await t.db.listing.count({ where: { promptId: { in: [prompt.id, secret.id] } } })).toBe(0);
  });

  it("lists active listings of public prompts with sorting and a cursor", async () => {
    const a = await paidListing(700);
    const b = await paidListing(300);
    const c = await paidListing(900);
    await c.seller.caller.listing.update({ listingId: c.listing.id, status: "paused" });
    const anon = await makeUser(t.db);
    const all = await anon.caller.listing.list({ sort: "price_low", limit: 100 });
    const ids = all.items.map((l) => l.id);
    expect(ids).toContain(a.listing.id);
    expect(ids).toContain(b.listing.id);
    expect(ids).not.toContain(c.listing.id);
    expect(ids.indexOf(b.listing.id)).toBeLessThan(ids.indexOf(a.listing.id));
    expect((await anon.caller.listing.list({ sort: "price_asc", limit: 100 })).items.map((l) => l.id)).toEqual(ids);
    expect((await rejects(anon.caller.listing.list({ sort: "cheapest" }), "BAD_REQUEST")).message).toMatch(/sort/);
    const first = await anon.caller.listing.list({ sort: "newest", limit: 1 });
    const second = await anon.caller.listing.list({ sort: "newest", limit: 1, cursor: first.nextCursor });
    expect(second.items[0].id).not.toBe(first.items[0].id);
    const euro = await paidListing(100);
    await euro.seller.caller.listing.update({ listingId: euro.listing.id, currency: "eur" });
    expect((await anon.caller.listing.list({ currency: "EUR", limit: 100 })).items.map((l) => l.id)).toEqual([euro.listing.id]);
    expect((await anon.caller.listing.list({ free: false, sort: "price_low", limit: 100 })).items.every((l) => l.priceCents > 0)).toBe(true);
    // A seller sees their own paused listing in their list.
    expect((await c.seller.caller.listing.list({ sellerHandle: c.seller.user.handle })).items.map((l) => l.id)).toEqual([c.listing.id]);
  });
});

describe("checkout", () => {
  it("creates a Stripe Checkout Session with price data, metadata and return URLs", async () => {
    const { listing, prompt } = await paidListing(1200);
    const buyer = await makeUser(t.db);
    const result = await buyer.caller.listing.checkout({ listingId: listing.id });
    expect(result.url).toMatch(new RegExp(`^${fake.stripe.url}/pay/cs_test_`));
    const sent = fake.stripe.createRequests.at(-1)!;
    expect(sent.headers.authorization).toBe("Bearer sk_test_fake_stripe");
    expect(sent.params).toMatchObject({
      mode: "payment",
      metadata: { listingId: listing.id, buyerId: buyer.user.id },
      line_items: [{ quantity: "1", price_data: { currency: "usd", unit_amount: "1200" } }],
      success_url: expect.stringMatching(/\/checkout\/success\?session_id=\{CHECKOUT_SESSION_ID\}$/),
      cancel_url: expect.stringMatching(new RegExp(`/p/${prompt.slug}\\?checkout=cancelled$`)),
    });
    const purchase = await t.db.purchase.findUniqueOrThrow({ where: { stripeSessionId: result.sessionId! } });
    expect(purchase).toMatchObject({ status: "pending", amountCents: 1200, buyerId: buyer.user.id });
    expect(await buyer.caller.listing.checkoutStatus({ sessionId: result.sessionId! })).toMatchObject({ status: "pending", license: null });
  });

  it("refuses your own listing, a paused listing, and one you already hold", async () => {
    const { seller, listing } = await paidListing();
    await rejects(seller.caller.listing.checkout({ listingId: listing.id }), "FORBIDDEN", /your own/);
    const buyer = await makeUser(t.db);
    await seller.caller.listing.update({ listingId: listing.id, status: "paused" });
    await rejects(buyer.caller.listing.checkout({ listingId: listing.id }), "CONFLICT", /paused/);
    await seller.caller.listing.update({ listingId: listing.id, status: "active" });
    const { sessionId } = await buyer.caller.listing.checkout({ listingId: listing.id });
    await webhook(fake.stripe.complete(sessionId!));
    await rejects(buyer.caller.listing.checkout({ listingId: listing.id }), "CONFLICT", /already hold/);
  });

  it("reports a Stripe failure as a bad gateway and records no purchase", async () => {
    const { listing } = await paidListing();
    const buyer = await makeUser(t.db);
    process.env.STRIPE_SECRET_KEY = "pk_not_a_secret_key"; // the fake answers 401 like Stripe
    await rejects(buyer.caller.listing.checkout({ listingId: listing.id }), "BAD_GATEWAY", /Stripe could not start the checkout: Invalid API Key/);
    expect(await t.db.purchase.count({ where: { listingId: listing.id } })).toBe(0);
  });

  it("disables paid checkout without Stripe, telling buyers in a plain sentence; free claims still work", async () => {
    // A listing put on sale while payments were on stays listed, but cannot be bought.
    const { listing } = await paidListing();
    delete process.env.STRIPE_SECRET_KEY;
    const buyer = await makeUser(t.db);
    const refused = await buyer.caller.listing.checkout({ listingId: listing.id }).catch((e: Error) => e);
    expect(refused).toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringMatching(/can't be bought on this Promptuary instance/) });
    expect((refused as Error).message).not.toMatch(/STRIPE|restart/);
    const view = await buyer.caller.listing.byPrompt({ promptId: listing.promptId });
    expect(view).toMatchObject({ checkoutEnabled: false, canBuy: false, cannotBuyReason: expect.stringMatching(/does not take payments/) });
    expect(view?.cannotBuyReason).not.toMatch(/STRIPE/);

    const free = await sellerWithPrompt();
    const freeListing = await free.seller.caller.listing.create({ promptId: free.prompt.id, priceCents: 0, currency: "usd", licenseType: "personal" });
    const requestsBefore = fake.stripe.createRequests.length;
    const claimed = await buyer.caller.listing.claimFree({ listingId: freeListing.id });
    expect(claimed.key).toMatch(/^PQL-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await rejects(buyer.caller.listing.claimFree({ listingId: freeListing.id }), "CONFLICT", /already hold/);
    await rejects(buyer.caller.listing.claimFree({ listingId: listing.id }), "CONFLICT", /not free/);
    expect(fake.stripe.createRequests.length).toBe(requestsBefore);
    const mine = await buyer.caller.license.mine();
    expect(mine.map((l) => l.prompt.id)).toEqual([free.prompt.id]);
    expect(mine[0].receipt).toMatchObject({ amountCents: 0, amountLabel: "Free", status: "paid" });
    // A free claim is a sale in every count: the dashboard, the listing box and the Market agree.
    expect(await free.seller.caller.sales.summary({})).toMatchObject({ salesCount: 1, grossCents: 0, netCents: 0 });
    expect((await free.seller.caller.listing.byPrompt({ promptId: free.prompt.id }))?.salesCount).toBe(1);
  });
});

describe("archived prompts", () => {
  it("cannot be listed or put back on sale until restored", async () => {
    const { seller, prompt } = await sellerWithPrompt();
    await seller.caller.prompt.archive({ promptId: prompt.id });
    await rejects(seller.caller.listing.create({ promptId: prompt.id, priceCents: 900, currency: "usd", licenseType: "personal" }), "BAD_REQUEST", /^promptId: an archived prompt/);
    await seller.caller.prompt.restore({ promptId: prompt.id });
    const listing = await seller.caller.listing.create({ promptId: prompt.id, priceCents: 900, currency: "usd", licenseType: "personal", status: "paused" });
    await seller.caller.prompt.archive({ promptId: prompt.id });
    await rejects(seller.caller.listing.update({ listingId: listing.id, status: "active" }), "BAD_REQUEST", /^status: an archived prompt/);
  });
});

describe("selling without Stripe", () => {
  it("tells sellers before saving, refuses to put a paid listing on sale, and allows drafts and free listings", async () => {
    delete process.env.STRIPE_SECRET_KEY;
    const { seller, prompt } = await sellerWithPrompt();
    const conditions = await seller.caller.listing.sellingConditions();
    expect(conditions).toMatchObject({ paymentsEnabled: false, paidListingNote: expect.stringMatching(/cannot go on sale/), operatorHint: null });
    const admin = await makeUser(t.db, { role: "admin" });
    expect(await admin.caller.listing.sellingConditions()).toMatchObject({ operatorHint: expect.stringMatching(/STRIPE_SECRET_KEY/) });

    await rejects(seller.caller.listing.create({ promptId: prompt.id, priceCents: 450, currency: "usd", licenseType: "personal" }), "BAD_REQUEST", /^status: .*does not take payments/);
    expect(await t.db.listing.count({ where: { promptId: prompt.id } })).toBe(0);
    const draft = await seller.caller.listing.create({ promptId: prompt.id, priceCents: 450, currency: "usd", licenseType: "personal", status: "draft" });
    await rejects(seller.caller.listing.update({ listingId: draft.id, status: "active" }), "BAD_REQUEST", /status/);
    expect((await t.db.listing.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("draft");
    // Free is fine, and a free listing on sale cannot be priced while payments are off.
    const free = await seller.caller.listing.update({ listingId: draft.id, priceCents: 0, status: "active" });
    expect(free).toMatchObject({ status: "active", priceCents: 0 });
    await rejects(seller.caller.listing.update({ listingId: draft.id, priceCents: 900 }), "BAD_REQUEST", /status/);

    process.env.STRIPE_SECRET_KEY = "sk_test_marketplace";
    expect(await seller.caller.listing.sellingConditions()).toMatchObject({ paymentsEnabled: true, paidListingNote: null });
    expect(await seller.caller.listing.update({ listingId: draft.id, priceCents: 900 })).toMatchObject({ status: "active", priceCents: 900 });
  });

  it("lets a paid listing put on sale while payments were on still be edited", async () => {
    const { seller, listing } = await paidListing();
    delete process.env.STRIPE_SECRET_KEY;
    expect(await seller.caller.listing.update({ listingId: listing.id, status: "active", terms: "Anything but resale." })).toMatchObject({ status: "active", terms: "Anything but resale." });
    await seller.caller.listing.update({ listingId: listing.id, status: "paused" });
    await rejects(seller.caller.listing.update({ listingId: listing.id, status: "active" }), "BAD_REQUEST", /status/);
  });
});

describe("webhooks", () => {
  it("completed → one license; the same event again → still one; the seller's price change leaves it alone", async () => {
    const { seller, listing, prompt } = await paidListing(1200);
    const buyer = await makeUser(t.db);
    const { sessionId } = await buyer.caller.listing.checkout({ listingId: listing.id });
    const completed = fake.stripe.complete(sessionId!);
    expect(await webhook(completed)).toMatchObject({ status: 200, body: { outcome: "applied" } });
    expect(await webhook(completed)).toMatchObject({ status: 200, body: { outcome: "duplicate" } });
    const licenses = await t.db.license.findMany({ where: { promptId: prompt.id } });
    expect(licenses).toHaveLength(1);
    expect(licenses[0]).toMatchObject({ holderId: buyer.user.id, status: "active", licenseType: "commercial", fromVersion: 1, toVersion: null });
    expect(await t.db.purchase.count({ where: { listingId: listing.id } })).toBe(1);
    expect(await buyer.caller.listing.checkoutStatus({ sessionId: sessionId! })).toMatchObject({ status: "paid", license: { id: licenses[0].id, status: "active" } });

    await seller.caller.listing.update({ listingId: listing.id, priceCents: 5000, licenseType: "personal", terms: "New terms" });
    const [held] = await buyer.caller.license.mine();
    expect(held).toMatchObject({ licenseType: "commercial", status: "active", receipt: { amountCents: 1200, currency: "usd" } });
    expect(held.terms).toMatch(/Commercial license/);
    expect((await t.db.listing.findUniqueOrThrow({ where: { id: listing.id } })).salesCount).toBe(1);
    // The license is visible to its holder and the seller, nobody else.
    expect((await seller.caller.license.byId({ licenseId: held.id })).key).toBe(held.key);
    await rejects((await makeUser(t.db)).caller.license.byId({ licenseId: held.id }), "NOT_FOUND");
  });

  it("a bad signature → 400 and nothing stored", async () => {
    const { listing } = await paidListing();
    const buyer = await makeUser(t.db);
    const { sessionId } = await buyer.caller.listing.checkout({ listingId: listing.id });
    const completed = fake.stripe.complete(sessionId!);
    const payload = JSON.stringify(completed);
    const events = await t.db.stripeEvent.count();
    expect(await webhook(completed, fake.stripe.sign(payload, "whsec_someone_else"))).toMatchObject({ status: 400, body: { error: expect.stringMatching(/signature/i) } });
    expect(await webhook(completed, "t=1,v1=deadbeef")).toMatchObject({ status: 400 });
    expect(await receiveStripeWebhook(t.db, { payload, signature: null, secret: SECRET })).toMatchObject({ status: 400 });
    // A payload changed after signing fails too.
    const tampered = await receiveStripeWebhook(t.db, { payload: payload.replace('"paid"', '"unpaid"'), signature: fake.stripe.sign(payload), secret: SECRET });
    expect(tampered.status).toBe(400);
    expect(await t.db.stripeEvent.count()).toBe(events);
    expect(await t.db.license.count({ where: { listingId: listing.id } })).toBe(0);
    expect((await t.db.purchase.findUniqueOrThrow({ where: { stripeSessionId: sessionId! } })).status).toBe("pending");
  });

  it("expired → nothing granted; unknown events are acknowledged and ignored", async () => {
    const { listing } = await paidListing();
    const buyer = await makeUser(t.db);
    const { sessionId } = await buyer.caller.listing.checkout({ listingId: listing.id });
    const session = fake.stripe.sessions.get(sessionId!)!;
    expect(await webhook(fake.stripe.event("checkout.session.expired", { ...session, status: "expired" }))).toMatchObject({ status: 200, body: { outcome: "applied" } });
    expect(await t.db.license.count({ where: { listingId: listing.id } })).toBe(0);
    expect((await t.db.purchase.findUniqueOrThrow({ where: { stripeSessionId: sessionId! } })).status).toBe("expired");
    expect(await webhook(fake.stripe.event("customer.created", { id: "cus_123", object: "customer" }))).toMatchObject({ status: 200, body: { outcome: "ignored" } });
  });

  it("refund → license revoked and the refund recorded; the seller's figures follow", async () => {
    const { seller, listing } = await paidListing(2000);
    const buyer = await makeUser(t.db);
    const { sessionId } = await buyer.caller.listing.checkout({ listingId: listing.id });
    await webhook(fake.stripe.complete(sessionId!));
    const other = await makeUser(t.db);
    const second = await other.caller.listing.checkout({ listingId: listing.id });
    await webhook(fake.stripe.complete(second.sessionId!));

    let summary = await seller.caller.sales.summary({});
    expect(summary).toMatchObject({ currency: "usd", salesCount: 2, grossCents: 4000, platformFeeCents: 800, refundsCents: 0, netCents: 3200, feePercent: 20 });

    const refunded = fake.stripe.refund(sessionId!);
    expect(await webhook(refunded)).toMatchObject({ status: 200, body: { outcome: "applied" } });
    expect(await webhook(refunded)).toMatchObject({ status: 200, body: { outcome: "duplicate" } });
    const [license] = await buyer.caller.license.mine();
    expect(license).toMatchObject({ status: "revoked", revokedReason: "refunded", receipt: { status: "refunded", refundedCents: 2000 } });
    expect(await t.db.refund.count({ where: { purchase: { buyerId: buyer.user.id } } })).toBe(1);

    // One definition of a sale everywhere: the fully refunded one no longer counts, on the
    // dashboard, in the seller's listing box and in the Market alike; its money shows as a refund.
    summary = await seller.caller.sales.summary({});
    expect(summary).toMatchObject({ salesCount: 1, grossCents: 4000, refundsCents: 2000, platformFeeCents: 400, netCents: 1600, refundCount: 1 });
    const today = new Date().toISOString().slice(0, 10);
    expect(summary.byDay.at(-1)).toMatchObject({ day: today, salesCount: 1, grossCents: 4000, refundsCents: 2000, netCents: 1600 });
    expect(summary.byDay).toHaveLength(30);
    expect(summary.byListing).toEqual([expect.objectContaining({ listingId: listing.id, salesCount: 1, grossCents: 4000, refundsCents: 2000, netCents: 1600 })]);
    expect((await seller.caller.listing.byPrompt({ promptId: listing.promptId }))?.salesCount).toBe(1);
    const market = await buyer.caller.listing.list({ sort: "best_selling", limit: 50 });
    expect(market.items.find((l) => l.id === listing.id)?.salesCount).toBe(1);
    // A period before the sales is empty.
    expect(await seller.caller.sales.summary({ from: "2020-01-01", to: "2020-01-07" })).toMatchObject({ salesCount: 0, grossCents: 0, netCents: 0 });
    await rejects(seller.caller.sales.summary({ from: "2020-02-01", to: "2020-01-01" }), "BAD_REQUEST", /from/);
    // The content is hidden from the buyer again.
    const { slug } = await t.db.prompt.findUniqueOrThrow({ where: { id: listing.promptId }, select: { slug: true } });
    expect((await buyer.caller.prompt.bySlug({ slug })).latestVersion).toMatchObject({ body: null, bodyLocked: true });
    expect((await other.caller.prompt.bySlug({ slug })).latestVersion?.body).toMatch(/copy editor/);
    // The buyer can buy again after a refund.
    const again = await buyer.caller.listing.checkout({ listingId: listing.id });
    expect(again.url).toMatch(/\/pay\//);
  });

  it("is safe when the refund arrives before the completion", async () => {
    const { listing } = await paidListing(1500);
    const buyer = await makeUser(t.db);
    const { sessionId } = await buyer.caller.listing.checkout({ listingId: listing.id });
    const completed = fake.stripe.complete(sessionId!);
    const refunded = fake.stripe.refund(sessionId!);
    expect((await webhook(refunded)).status).toBe(200);
    expect(await t.db.license.count({ where: { listingId: listing.id } })).toBe(0);
    expect((await webhook(completed)).status).toBe(200);
    const licenses = await t.db.license.findMany({ where: { listingId: listing.id } });
    expect(licenses.map((l) => l.status)).toEqual(["revoked"]);
    expect((await t.db.purchase.findUniqueOrThrow({ where: { stripeSessionId: sessionId! } })).status).toBe("refunded");
    // An expiry that straggles in after payment changes nothing.
    await webhook(fake.stripe.event("checkout.session.expired", { ...fake.stripe.sessions.get(sessionId!)!, status: "expired" }));
    expect((await t.db.purchase.findUniqueOrThrow({ where: { stripeSessionId: sessionId! } })).status).toBe("refunded");
  });

  it("fulfils a session it never saw created, from the session's metadata", async () => {
    const { listing } = await paidListing(800);
    const buyer = await makeUser(t.db);
    const session = { id: "cs_test_external", object: "checkout.session", mode: "payment", payment_status: "paid", status: "complete", amount_total: 800, currency: "usd", payment_intent: "pi_test_external", metadata: { listingId: listing.id, buyerId: buyer.user.id }, client_reference_id: buyer.user.id };
    expect(await webhook(fake.stripe.event("checkout.session.completed", session))).toMatchObject({ status: 200, body: { outcome: "applied" } });
    expect(await buyer.caller.license.mine()).toEqual([expect.objectContaining({ status: "active", receipt: expect.objectContaining({ amountCents: 800 }) })]);
  });

  it("licenses on the terms agreed at checkout, whatever the seller changes before the payment lands", async () => {
    const { seller, listing } = await paidListing(5000);
    const buyer = await makeUser(t.db);
    const { sessionId } = await buyer.caller.listing.checkout({ listingId: listing.id });
    await seller.caller.listing.update({ listingId: listing.id, licenseType: "personal", coverage: "purchased_only", terms: "Changed after checkout", priceCents: 100 });
    await webhook(fake.stripe.complete(sessionId!));
    const [license] = await buyer.caller.license.mine();
    expect(license).toMatchObject({ licenseType: "commercial", coverage: "purchased_and_later", toVersion: null, receipt: { amountCents: 5000 } });
    expect(license.terms).toMatch(/Commercial license/);
  });

  it("sends a buyer who clicks Buy twice to the same open session; a second payment anyway is refunded as a duplicate", async () => {
    const { seller, listing } = await paidListing(999);
    const buyer = await makeUser(t.db);
    const first = await buyer.caller.listing.checkout({ listingId: listing.id });
    const again = await buyer.caller.listing.checkout({ listingId: listing.id });
    expect(again).toEqual(first);
    // A price change makes a new session; if both get paid, the second money goes back.
    await seller.caller.listing.update({ listingId: listing.id, priceCents: 1099 });
    const second = await buyer.caller.listing.checkout({ listingId: listing.id });
    expect(second.sessionId).not.toBe(first.sessionId);
    await webhook(fake.stripe.complete(first.sessionId!));
    const duplicate = fake.stripe.complete(second.sessionId!);
    expect(await webhook(duplicate)).toMatchObject({ status: 200, body: { outcome: "applied" } });
    expect(await t.db.license.count({ where: { listingId: listing.id } })).toBe(1);
    expect(fake.stripe.refundRequests).toContainEqual(expect.objectContaining({ payment_intent: fake.stripe.sessions.get(second.sessionId!)!.payment_intent, reason: "duplicate" }));
    expect((await t.db.listing.findUniqueOrThrow({ where: { id: listing.id } })).salesCount).toBe(1);
    // Stripe then reports the refund; the held license is untouched.
    await webhook(fake.stripe.refund(second.sessionId!));
    expect((await buyer.caller.license.mine()).map((l) => l.status)).toEqual(["active"]);
    // The duplicate, fully refunded, is no sale: the dashboard agrees with the listing's counter.
    expect(await seller.caller.sales.summary({})).toMatchObject({ salesCount: 1, grossCents: 2098, refundsCents: 1099, netCents: 999 - 200 });
  });

  it("gives the platform fee back exactly over several partial refunds, and keeps the license until the last", async () => {
    const { seller, listing } = await paidListing(1000);
    const buyer = await makeUser(t.db);
    const { sessionId } = await buyer.caller.listing.checkout({ listingId: listing.id });
    await webhook(fake.stripe.complete(sessionId!));
    await webhook(fake.stripe.refund(sessionId!, 333));
    expect((await buyer.caller.license.mine())[0]).toMatchObject({ status: "active", receipt: { status: "partially_refunded", refundedCents: 333 } });
    expect(await seller.caller.sales.summary({})).toMatchObject({ refundsCents: 333, platformFeeCents: platformFeeOf(667), netCents: 667 - platformFeeOf(667) });
    await webhook(fake.stripe.refund(sessionId!, 666));
    await webhook(fake.stripe.refund(sessionId!, 1000));
    expect((await buyer.caller.license.mine())[0]).toMatchObject({ status: "revoked", receipt: { status: "refunded", refundedCents: 1000 } });
    expect(await seller.caller.sales.summary({})).toMatchObject({ grossCents: 1000, refundsCents: 1000, platformFeeCents: 0, netCents: 0 });
    expect((await t.db.listing.findUniqueOrThrow({ where: { id: listing.id } })).salesCount).toBe(0);
  });

  it("ignores signed session events without a session id, and touches nobody else's checkout", async () => {
    const { listing } = await paidListing();
    const buyer = await makeUser(t.db);
    const { sessionId } = await buyer.caller.listing.checkout({ listingId: listing.id });
    expect(await webhook(fake.stripe.event("checkout.session.expired", { object: "checkout.session" }))).toMatchObject({ status: 200, body: { outcome: "ignored" } });
    expect(await webhook(fake.stripe.event("checkout.session.completed", { object: "checkout.session", payment_status: "paid" }))).toMatchObject({ status: 200, body: { outcome: "ignored" } });
    expect((await t.db.purchase.findUniqueOrThrow({ where: { stripeSessionId: sessionId! } })).status).toBe("pending");
    const notJson = "this is not json";
    expect(await receiveStripeWebhook(t.db, { payload: notJson, signature: fake.stripe.sign(notJson), secret: SECRET })).toMatchObject({ status: 400, body: { error: /not JSON/ } });
  });

  it("finds the purchase of a refunded charge by its metadata when the payment intent is unknown", async () => {
    const { listing } = await paidListing(700);
    const buyer = await makeUser(t.db);
    const session = { id: "cs_test_no_intent", object: "checkout.session", payment_status: "paid", amount_total: 700, currency: "usd", payment_intent: null, metadata: { listingId: listing.id, buyerId: buyer.user.id } };
    await webhook(fake.stripe.event("checkout.session.completed", session));
    expect((await buyer.caller.license.mine())[0].status).toBe("active");
    const charge = { id: "ch_test_meta", object: "charge", amount: 700, amount_refunded: 700, refunded: true, currency: "usd", payment_intent: "pi_unknown", metadata: { listingId: listing.id, buyerId: buyer.user.id } };
    expect(await webhook(fake.stripe.event("charge.refunded", charge))).toMatchObject({ status: 200, body: { outcome: "applied" } });
    expect((await buyer.caller.license.mine())[0]).toMatchObject({ status: "revoked", receipt: { status: "refunded" } });
  });

  it("delivers the same event concurrently and still grants one license", async () => {
    const { listing } = await paidListing();
    const buyer = await makeUser(t.db);
    const { sessionId } = await buyer.caller.listing.checkout({ listingId: listing.id });
    const completed = fake.stripe.complete(sessionId!);
    const replies = await Promise.all([webhook(completed), webhook(completed), webhook(completed)]);
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(replies.filter((r) => r.body.outcome === "applied")).toHaveLength(1);
    expect(await t.db.license.count({ where: { listingId: listing.id } })).toBe(1);
  });
});
