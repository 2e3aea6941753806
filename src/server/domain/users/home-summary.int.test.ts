import { describe, expect, it } from "vitest";
import { makeUser } from "@/test/callers";
import { setUpTestDatabase } from "@/test/set-up-test-database";

const t = setUpTestDatabase();

const prompt = { title: "Home summary prompt", category: "writing" as const, body: "Say hello to {{name}}." };

describe("user.home", () => {
  it("shows each first step as taken only once the caller has taken it, whatever others do", async () => {
    const alice = await makeUser(t.db);
    const bob = await makeUser(t.db);
    const none = { createdPrompt: false, followedSomeone: false, connectedProxy: false };
    expect(await alice.caller.user.home()).toEqual({ draftListings: [], firstSteps: none });

    // Bob's prompt, follow and capture are his steps, not Alice's.
    await bob.caller.prompt.create(prompt);
    await bob.caller.follow.follow({ handle: alice.user.handle });
    await t.db.capture.create({ data: { ownerId: bob.user.id, provider: "openai", endpoint: "/v1/chat/completions", method: "POST", model: "gpt-4o-mini", status: 200, latencyMs: 5 } });
    expect((await alice.caller.user.home()).firstSteps).toEqual(none);
    expect((await bob.caller.user.home()).firstSteps).toEqual({ createdPrompt: true, followedSomeone: true, connectedProxy: true });

    await alice.caller.prompt.create(prompt);
    expect((await alice.caller.user.home()).firstSteps).toEqual({ ...none, createdPrompt: true });
    await alice.caller.follow.follow({ handle: bob.user.handle });
    expect((await alice.caller.user.home()).firstSteps).toEqual({ ...none, createdPrompt: true, followedSomeone: true });
    await t.db.capture.create({ data: { ownerId: alice.user.id, provider: "openai", endpoint: "/v1/chat/completions", method: "POST", model: "gpt-4o-mini", status: 200, latencyMs: 5 } });
    expect((await alice.caller.user.home()).firstSteps).toEqual({ createdPrompt: true, followedSomeone: true, connectedProxy: true });
  });

  it("lists the caller's draft listings, newest first, and not their live ones", async () => {
    const seller = await makeUser(t.db);
    const first = await seller.caller.prompt.create({ ...prompt, title: "First for sale" });
    const second = await seller.caller.prompt.create({ ...prompt, title: "Second for sale" });
    const live = await seller.caller.prompt.create({ ...prompt, title: "Live for sale" });
    await t.db.listing.create({ data: { promptId: first.id, sellerId: seller.user.id, priceCents: 500, terms: "Personal use.", status: "draft", updatedAt: new Date("2026-01-01T00:00:00Z") } });
    await t.db.listing.create({ data: { promptId: second.id, sellerId: seller.user.id, priceCents: 700, terms: "Personal use.", status: "draft", updatedAt: new Date("2026-01-02T00:00:00Z") } });
    await t.db.listing.create({ data: { promptId: live.id, sellerId: seller.user.id, priceCents: 900, terms: "Personal use.", status: "active" } });
    const { draftListings } = await seller.caller.user.home();
    expect(draftListings.map((l) => [l.prompt.title, l.priceCents])).toEqual([
      ["Second for sale", 700],
      ["First for sale", 500],
    ]);
  });
});
