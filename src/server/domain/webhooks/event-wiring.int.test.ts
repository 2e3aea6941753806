// The events webhooks hear from outside the versions domain, each through its real path: a Stripe
// purchase and refund (listing.purchased / listing.refunded, to the seller's endpoints and an
// organisation's for its prompts), a captured call with a new identity (capture.prompt_detected),
// a re-cluster that finds a template (template.found; re-clustering again finds none new). Checked
// on the pending deliveries they write (the delivery job itself: inngest/deliver-webhook.int.test.ts).
// And the versions events that need a check of their own: publishing by approval, personal prompts.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { localEmbedder } from "@/server/domain/embeddings/local-embedder";
import { identifyCapture } from "@/server/domain/identity/identify-capture";
import { reclusterOwner } from "@/server/domain/templates/recluster-owner";
import { makeCapture, makeDetected, SUPPORT_TEXTS } from "@/server/domain/templates/template-captures.fixture";
import { makeUser } from "@/test/callers";
import { makeOrg, makeOrgPrompt, makeOrgWithMembers } from "@/test/org-fixtures";
import { setUpTestDatabase } from "@/test/set-up-test-database";
import { withFakeStripe } from "@/test/with-fake-stripe";

const t = setUpTestDatabase();
const stripe = withFakeStripe(t, "whsec_test_webhook_wiring");
const saved = process.env.PROVIDER_KEY_SECRET;
const PUBLIC_URL = "https://93.184.215.14/hook";

beforeAll(() => {
  process.env.PROVIDER_KEY_SECRET = "webhook-wiring-secret-0123456789-abcdefghij";
  // No job runner here: sendEvent says once per event name that it dropped the event.
  vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterAll(() => {
  vi.restoreAllMocks();
  if (saved === undefined) delete process.env.PROVIDER_KEY_SECRET;
  else process.env.PROVIDER_KEY_SECRET = saved;
});

async function payloadsOf(endpointId: string) {
  const rows = await t.db.webhookDelivery.findMany({ where: { endpointId }, orderBy: { createdAt: "asc" } });
  for (const r of rows) expect(r.status).toBe("pending");
  return rows.map((r) => r.payload as { type: string; timestamp: string; data: Record<string, unknown> });
}

describe("marketplace", () => {
  it("a paid purchase and its refund reach the seller's endpoints and the organisation's, not anyone else's", async () => {
    const seller = await makeUser(t.db);
    const buyer = await makeUser(t.db);
    const org = await makeOrg(t.db);
    const prompt = await seller.caller.prompt.create({ title: "Sales copy", category: "writing", body: "Write sales copy for {{product}}." });
    const listing = await seller.caller.listing.create({ promptId: prompt.id, priceCents: 1500, currency: "usd", licenseType: "commercial" });
    // Then moved into the organisation (as a transfer would).
    await t.db.prompt.update({ where: { id: prompt.id }, data: { orgId: org.id } });
    const mine = await seller.caller.webhook.create({ url: PUBLIC_URL, events: ["listing.purchased", "listing.refunded"] });
    const orgHook = await t.db.webhookEndpoint.create({ data: { orgId: org.id, url: PUBLIC_URL, secretCiphertext: "x" } });
    const buyers = await buyer.caller.webhook.create({ url: PUBLIC_URL });
    const onlyVersions = await seller.caller.webhook.create({ url: PUBLIC_URL, events: ["version.approved"] });

    const session = { id: "cs_test_wiring", object: "checkout.session", payment_status: "paid", amount_total: 1500, currency: "usd", payment_intent: "pi_wiring", metadata: { listingId: listing.id, buyerId: buyer.user.id } };
    expect(await stripe.webhook(stripe.stripe.event("checkout.session.completed", session))).toMatchObject({ status: 200 });
    const purchase = await t.db.purchase.findFirstOrThrow({ where: { listingId: listing.id } });
    const charge = { id: "ch_wiring", object: "charge", amount: 1500, amount_refunded: 500, refunded: false, currency: "usd", payment_intent: "pi_wiring", metadata: {} };
    expect(await stripe.webhook(stripe.stripe.event("charge.refunded", charge))).toMatchObject({ status: 200 });
    // The same event again (Stripe retries) emits nothing more.
    expect(await stripe.webhook(stripe.stripe.event("charge.refunded", charge))).toMatchObject({ status: 200 });

    const expected = [
      { type: "listing.purchased", data: { purchaseId: purchase.id, listingId: listing.id, promptId: prompt.id, promptSlug: prompt.slug, promptTitle: "Sales copy", amountCents: 1500, currency: "usd", licenseType: "commercial" } },
      { type: "listing.refunded", data: { purchaseId: purchase.id, refundedCents: 500, totalRefundedCents: 500, full: false } },
    ];
    expect(await payloadsOf(mine.id)).toMatchObject(expected);
    expect(await payloadsOf(orgHook.id)).toMatchObject(expected);
    expect(JSON.stringify(await payloadsOf(mine.id))).not.toContain(buyer.user.id);
    expect(await payloadsOf(buyers.id)).toEqual([]);
    expect(await payloadsOf(onlyVersions.id)).toEqual([]);
  });
});

describe("captures and templates", () => {
  it("a captured call with a new identity emits capture.prompt_detected to its owner", async () => {
    const owner = await makeUser(t.db);
    const other = await makeUser(t.db);
    const hook = await owner.caller.webhook.create({ url: PUBLIC_URL, events: ["capture.prompt_detected"] });
    const othersHook = await other.caller.webhook.create({ url: PUBLIC_URL });
    const text = "You are a haiku poet. Write a haiku about the first snow of winter in a quiet mountain village.";
    const capture = await t.db.capture.create({ data: { ownerId: owner.user.id, provider: "openai", endpoint: "chat/completions", method: "POST", model: "gpt-4o-mini", status: 200, latencyMs: 20, promptText: text } });
    const result = await identifyCapture(t.db, capture.id, localEmbedder);
    expect(result).toMatchObject({ decision: "new" });
    const detected = await t.db.detectedPrompt.findFirstOrThrow({ where: { ownerId: owner.user.id } });
    expect(await payloadsOf(hook.id)).toMatchObject([{ type: "capture.prompt_detected", data: { detectedPromptId: detected.id, title: detected.title, model: "gpt-4o-mini" } }]);

    // A second call of the same prompt joins the entry: no new event.
    const again = await t.db.capture.create({ data: { ownerId: owner.user.id, provider: "openai", endpoint: "chat/completions", method: "POST", model: "gpt-4o", status: 200, latencyMs: 20, promptText: text } });
    await identifyCapture(t.db, again.id, localEmbedder);
    expect(await payloadsOf(hook.id)).toHaveLength(1);
    expect(await payloadsOf(othersHook.id)).toEqual([]);
  });

  it("a re-cluster that finds a template emits template.found once; re-clustering the same calls emits nothing new", async () => {
    const owner = await makeUser(t.db);
    const hook = await owner.caller.webhook.create({ url: PUBLIC_URL, events: ["template.found"] });
    const support = await makeDetected(t.db, owner.user.id, "support", { callCount: SUPPORT_TEXTS.length });
    for (const text of SUPPORT_TEXTS) await makeCapture(t.db, owner.user.id, text, { detectedPromptId: support.id });
    await reclusterOwner(t.db, owner.user.id);
    const templates = await t.db.promptTemplate.findMany({ where: { ownerId: owner.user.id } });
    expect(templates.length).toBeGreaterThanOrEqual(1);
    const payloads = await payloadsOf(hook.id);
    expect(payloads.map((p) => p.data.templateId).sort()).toEqual(templates.map((x) => x.id).sort());
    expect(payloads[0]).toMatchObject({ type: "template.found", data: { shell: expect.stringContaining("Acme Cloud Storage"), variables: expect.any(Array) } });

    await reclusterOwner(t.db, owner.user.id);
    expect(await payloadsOf(hook.id)).toHaveLength(payloads.length);
  });
});

describe("versions", () => {
  it("the approval that publishes a proposal sends version.approved and version.published; one that does not, neither", async () => {
    const { org, admin, owner, owner2, contributor } = await makeOrgWithMembers(t.db);
    const orgHook = await admin.caller.webhook.create({ url: PUBLIC_URL, orgId: org.id, events: ["version.approved", "version.published"] });
    const single = await makeOrgPrompt(t.db, org.id, owner);
    const proposal = await contributor.caller.version.propose({ promptId: single.id, body: "Better {{topic}}" });
    await owner.caller.version.approve({ versionId: proposal.id });
    expect((await payloadsOf(orgHook.id)).map((p) => [p.type, p.data.versionId]).sort()).toEqual([
      ["version.approved", proposal.id],
      ["version.published", proposal.id],
    ]);

    // A global prompt: the first of two approvals publishes nothing, the second does.
    const global = await makeOrgPrompt(t.db, org.id, owner, { global: true });
    const second = await contributor.caller.version.propose({ promptId: global.id, body: "Global {{topic}}" });
    await owner.caller.version.approve({ versionId: second.id });
    expect(await payloadsOf(orgHook.id)).toHaveLength(2);
    await owner2.caller.version.approve({ versionId: second.id });
    expect((await payloadsOf(orgHook.id)).filter((p) => p.data.versionId === second.id).map((p) => [p.type, p.data.versionId]).sort()).toEqual([
      ["version.approved", second.id],
      ["version.published", second.id],
    ]);
  });

  it("a new version of a personal prompt reaches its owner's own endpoints, not anyone else's", async () => {
    const author = await makeUser(t.db);
    const other = await makeUser(t.db);
    const prompt = await author.caller.prompt.create({ title: "Mine", category: "writing", body: "Write about {{topic}}." });
    const mine = await author.caller.webhook.create({ url: PUBLIC_URL, events: ["version.published"] });
    const theirs = await other.caller.webhook.create({ url: PUBLIC_URL });
    const v2 = await author.caller.version.create({ promptId: prompt.id, body: "Write more about {{topic}}." });
    expect((await payloadsOf(mine.id)).map((p) => [p.type, p.data.versionId, p.data.promptId])).toEqual([["version.published", v2.id, prompt.id]]);
    expect(await payloadsOf(theirs.id)).toEqual([]);
  });
});
