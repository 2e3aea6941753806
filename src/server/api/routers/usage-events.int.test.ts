// Every source of usage lands exactly once, with its kind, source (web / api / proxy), actor, API key,
// the prompt's owner and the amount: through the routers as the web and an API key call them, the
// capture identity job, and Stripe's webhook.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createCaller } from "@/server/api/root";
import type { Actor } from "@/server/domain/actor";
import { createApiKey } from "@/server/domain/api-keys/api-keys";
import { localEmbedder } from "@/server/domain/embeddings/local-embedder";
import { runSettled } from "@/server/domain/harness/live-run-bus";
import { identifyCapture } from "@/server/domain/identity/identify-capture";
import { makeUser } from "@/test/callers";
import { rejects } from "@/test/expect-trpc-error";
import { startFakeModelProvider } from "@/test/fake-model-provider";
import { setUpTestDatabase } from "@/test/set-up-test-database";
import { withFakeStripe } from "@/test/with-fake-stripe";
import { flushUsage } from "@/server/domain/analytics/record-usage";
import type { UsageOrigin } from "@/server/domain/analytics/usage-origin";

const t = setUpTestDatabase();
const stripe = withFakeStripe(t, "whsec_test_usage_sources");
let models: Awaited<ReturnType<typeof startFakeModelProvider>>;

beforeAll(async () => {
  models = await startFakeModelProvider();
  vi.stubEnv("OPENAI_API_KEY", "sk-test-usage");
  vi.stubEnv("OPENAI_BASE_URL", models.baseUrl);
  vi.stubEnv("EMBEDDING_PROVIDER", "local");
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await models.close();
});

/** A caller with the context createRequestContext builds for a browser (session) or an API key. */
const web = (actor: Actor | null, viewerKey = actor?.id ?? "anon:visitor"): UsageOrigin => ({ source: "web", apiKeyId: null, viewerKey });
const callerOf = (actor: Actor | null, usage: UsageOrigin) => ({ app: createCaller({ db: t.db, viewer: actor, usage }) });

async function eventsOf(promptId: string) {
  await flushUsage(t.db);
  const rows = await t.db.usageEvent.findMany({ where: { promptId }, orderBy: { id: "asc" } });
  return rows.map((e) => ({ kind: e.kind, source: e.source, actorId: e.actorId, viewerKey: e.viewerKey, apiKeyId: e.apiKeyId, ownerId: e.ownerId, versionId: e.versionId, amountCents: e.amountCents }));
}

async function promptOf(body = "Summarise {{document}} in three bullet points", visibility: "public" | "private" = "public") {
  const owner = await makeUser(t.db);
  const p = await owner.caller.prompt.create({ title: `Sources ${Math.random().toString(36).slice(2, 8)}`, category: "writing", body, visibility });
  await flushUsage(t.db);
  return { owner, p };
}

describe("usage from the web and the API", () => {
  it("records render, copy, fork, like, rate and comment once each, with the source and key of the call", async () => {
    const { owner, p } = await promptOf();
    const fan = await makeUser(t.db);
    const key = await createApiKey(t.db, fan.actor, { name: "script" });
    const browser = callerOf(fan.actor, web(fan.actor));
    const script = callerOf(fan.actor, { source: "api", apiKeyId: key.id, viewerKey: fan.actor.id });
    const visitor = callerOf(null, web(null, "anon:someone"));

    await browser.app.prompt.render({ versionId: p.version.id, variables: { document: "the report" } });
    await script.app.prompt.render({ versionId: p.version.id, variables: { document: "the report" } });
    await visitor.app.analytics.copy({ versionId: p.version.id });
    await browser.app.social.like({ promptId: p.id });
    await browser.app.social.like({ promptId: p.id }); // already liked: nothing new
    await browser.app.social.unlike({ promptId: p.id }); // a take-back is no usage
    await script.app.social.rate({ promptId: p.id, stars: 4 });
    await script.app.social.rate({ promptId: p.id, stars: 4, review: "Edited review" }); // same stars: nothing new
    await browser.app.social.comment({ promptId: p.id, body: "Nice one" });
    await browser.app.prompt.fork({ versionId: p.version.id });
    // Refused calls record nothing.
    await rejects(browser.app.prompt.render({ versionId: p.version.id, variables: {} }), "BAD_REQUEST");

    const common = { ownerId: owner.user.id, amountCents: 0 };
    const fromBrowser = { source: "web", actorId: fan.user.id, viewerKey: fan.user.id, apiKeyId: null };
    const fromScript = { source: "api", actorId: fan.user.id, viewerKey: fan.user.id, apiKeyId: key.id };
    expect(await eventsOf(p.id)).toEqual([
      { kind: "render", ...fromBrowser, ...common, versionId: p.version.id },
      { kind: "render", ...fromScript, ...common, versionId: p.version.id },
      { kind: "copy", source: "web", actorId: null, viewerKey: "anon:someone", apiKeyId: null, ...common, versionId: p.version.id },
      { kind: "like", ...fromBrowser, ...common, versionId: null },
      { kind: "rate", ...fromScript, ...common, versionId: null },
      { kind: "comment", ...fromBrowser, ...common, versionId: null },
      { kind: "fork", ...fromBrowser, ...common, versionId: p.version.id },
    ]);
  });

  it("counts nothing for a prompt the caller may not see", async () => {
    const { p } = await promptOf("Secret {{x}}", "private");
    const stranger = await makeUser(t.db);
    const them = callerOf(stranger.actor, web(stranger.actor));
    await rejects(them.app.analytics.copy({ versionId: p.version.id }), "NOT_FOUND");
    await rejects(them.app.prompt.render({ versionId: p.version.id, variables: { x: "1" } }), "NOT_FOUND");
    await rejects(them.app.social.like({ promptId: p.id }), "NOT_FOUND");
    expect(await eventsOf(p.id)).toEqual([]);
    expect((await rejects(them.app.analytics.copy({ versionId: "" }), "BAD_REQUEST")).message).toMatch(/versionId/);
  });

  it("records a harness run on the prompt's owner's dashboard, by whoever ran it", async () => {
    const { owner, p } = await promptOf();
    const tester = await makeUser(t.db);
    const { runId } = await callerOf(tester.actor, web(tester.actor)).app.harness.run({
      versionId: p.version.id,
      variables: { document: "the Q3 report" },
      models: [{ provider: "openai", model: "gpt-4o-mini" }],
    });
    await runSettled(runId);
    expect(await eventsOf(p.id)).toEqual([
      { kind: "harness_run", source: "web", actorId: tester.user.id, viewerKey: tester.user.id, apiKeyId: null, ownerId: owner.user.id, versionId: p.version.id, amountCents: 0 },
    ]);
  });
});

describe("captured uses", () => {
  it("records a capture identified as a library prompt once, from the proxy with the capture's key", async () => {
    const body = "You are a release-notes writer. Turn the merged pull requests into a short, friendly changelog for customers.";
    const { owner, p } = await promptOf(body, "private");
    const key = await createApiKey(t.db, owner.actor, { name: "proxy" });
    const capture = await t.db.capture.create({
      data: { ownerId: owner.user.id, apiKeyId: key.id, provider: "openai", endpoint: "chat/completions", method: "POST", model: "gpt-4o-mini", status: 200, latencyMs: 20, promptText: body },
    });
    expect(await identifyCapture(t.db, capture.id, localEmbedder)).toMatchObject({ decision: "same", resultPromptId: p.id });
    // Identified again (a retried job): already processed, nothing recorded.
    expect(await identifyCapture(t.db, capture.id, localEmbedder)).toMatchObject({ alreadyProcessed: true });
    const events = await eventsOf(p.id);
    expect(events).toEqual([
      { kind: "captured_use", source: "proxy", actorId: owner.user.id, viewerKey: owner.user.id, apiKeyId: key.id, ownerId: owner.user.id, versionId: p.version.id, amountCents: 0 },
    ]);
  });
});

describe("the marketplace", () => {
  it("records listing views by others, a purchase's amount and a refund's, once each even when Stripe redelivers", async () => {
    const { owner, p } = await promptOf("You are a meticulous copy editor. Fix {{text}} and explain each change.");
    const listing = await owner.caller.listing.create({ promptId: p.id, priceCents: 1200, currency: "usd", licenseType: "commercial" });
    await flushUsage(t.db);
    const buyer = await makeUser(t.db);
    const market = callerOf(buyer.actor, web(buyer.actor));
    await market.app.listing.byId({ listingId: listing.id });
    await callerOf(owner.actor, web(owner.actor)).app.listing.byId({ listingId: listing.id }); // the seller's own look
    const { sessionId } = await buyer.caller.listing.checkout({ listingId: listing.id });
    const completed = stripe.stripe.complete(sessionId!);
    expect((await stripe.webhook(completed)).status).toBe(200);
    expect((await stripe.webhook(completed)).body).toMatchObject({ outcome: "duplicate" });
    const refunded = stripe.stripe.refund(sessionId!);
    expect((await stripe.webhook(refunded)).status).toBe(200);
    expect((await stripe.webhook(refunded)).body).toMatchObject({ outcome: "duplicate" });

    const sale = { actorId: buyer.user.id, ownerId: owner.user.id, apiKeyId: null, versionId: null };
    expect(await eventsOf(p.id)).toEqual([
      { kind: "listing_view", source: "web", viewerKey: buyer.user.id, amountCents: 0, ...sale },
      { kind: "purchase", source: "web", viewerKey: buyer.user.id, amountCents: 1200, ...sale },
      { kind: "refund", source: "web", viewerKey: buyer.user.id, amountCents: -1200, ...sale },
    ]);
  });
});
