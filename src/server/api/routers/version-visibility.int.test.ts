// Consumers (and non-members, and anonymous visitors of a public organisation prompt) never see a
// version that is not approved, on any path: the prompt page, the version list, byId, diff, render,
// copy, fork, the harness, search (words and counts), cards and the feed. Contributors and up do
// (the control that shows each check can fail).
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { anonymous } from "@/test/callers";
import { rejects } from "@/test/expect-trpc-error";
import { makeOrgPrompt, makeOrgWithMembers } from "@/test/org-fixtures";
import { setUpTestDatabase } from "@/test/set-up-test-database";

const t = setUpTestDatabase();

const SECRET = "zanzibarquux";

async function setUp(visibility: "public" | "members") {
  const m = await makeOrgWithMembers(t.db);
  const p = await makeOrgPrompt(t.db, m.org.id, m.owner, { visibility, title: `Visibility ${visibility}`, body: "Plain body about {{topic}}." });
  // The consumer follows both the prompt's creator and the contributor: the feed would show their saves.
  await m.consumer.caller.follow.follow({ handle: m.owner.user.handle });
  await m.consumer.caller.follow.follow({ handle: m.contributor.user.handle });
  const proposal = await m.contributor.caller.version.propose({ promptId: p.id, body: `Proposal with ${SECRET} about {{topic}}.`, changelog: "secret change" });
  return { ...m, p, proposal };
}

async function expectHidden(caller: ReturnType<typeof anonymous>, s: Awaited<ReturnType<typeof setUp>>, opts: { signedIn: boolean }) {
  const { p, proposal } = s;
  const page = await caller.prompt.bySlug({ slug: p.slug });
  expect(page.latestVersion).toMatchObject({ number: 1, body: "Plain body about {{topic}}." });
  expect(page.versionCount).toBe(1);
  const list = await caller.version.list({ promptId: p.id, limit: 50 });
  expect(list.items.map((v) => v.number)).toEqual([1]);
  expect(JSON.stringify(list)).not.toContain(SECRET);
  await rejects(caller.version.byId({ versionId: proposal.id }), "NOT_FOUND");
  await rejects(caller.version.diff({ promptId: p.id, from: 1, to: 2 }), "NOT_FOUND");
  await rejects(caller.version.diff({ promptId: p.id, from: 1, to: proposal.id }), "NOT_FOUND");
  await rejects(caller.prompt.render({ versionId: proposal.id, variables: { topic: "x" } }), "NOT_FOUND");
  await rejects(caller.analytics.copy({ versionId: proposal.id }), "NOT_FOUND");
  const search = await caller.prompt.search({ q: SECRET, limit: 20 });
  expect(search.items.map((i) => i.id)).not.toContain(p.id);
  if (opts.signedIn) {
    await rejects(caller.prompt.fork({ versionId: proposal.id }), "NOT_FOUND");
    await rejects(caller.harness.run({ versionId: proposal.id, models: [{ provider: "openai", model: "gpt-4o-mini" }] }), "NOT_FOUND");
    await rejects(caller.version.promote({ versionId: proposal.id }), "NOT_FOUND");
  }
}

describe("unapproved versions on every path", () => {
  for (const visibility of ["public", "members"] as const) {
    it(`stay hidden from consumers${visibility === "public" ? ", non-members and anonymous visitors" : ""} of a ${visibility} organisation prompt, and are seen by contributors`, async () => {
      const s = await setUp(visibility);
      await expectHidden(s.consumer.caller, s, { signedIn: true });
      if (visibility === "public") {
        await expectHidden(s.outsider.caller, s, { signedIn: true });
        await expectHidden(anonymous(t.db), s, { signedIn: false });
        const cards = await anonymous(t.db).prompt.list({ limit: 50, author: s.owner.user.handle });
        expect(cards.items.find((c) => c.id === s.p.id)?.versionCount).toBe(1);
      }
      const feed = await s.consumer.caller.feed.mine({ limit: 50 });
      expect(feed.items.map((i) => i.version.id)).not.toContain(s.proposal.id);

      // The control: a contributor sees the proposal everywhere a version can be asked for.
      const c = s.contributor.caller;
      expect((await c.version.list({ promptId: s.p.id, limit: 50 })).items.map((v) => [v.number, v.status])).toEqual([
        [2, "in_review"],
        [1, "approved"],
      ]);
      expect((await c.version.byId({ versionId: s.proposal.id })).body).toContain(SECRET);
      expect((await c.version.diff({ promptId: s.p.id, from: 1, to: 2 })).added).toBe(1);
      expect((await c.prompt.render({ versionId: s.proposal.id, variables: { topic: "x" } })).text ?? "").toBeDefined();
      // The harness accepts the version (it fails later, on the model: no provider key here).
      const harness = await c.harness.run({ versionId: s.proposal.id, models: [{ provider: "openai", model: "gpt-4o-mini" }] }).catch((e: unknown) => e);
      expect(harness instanceof TRPCError ? harness.code : "ok").not.toBe("NOT_FOUND");
      // The page's body stays the published one, even for contributors.
      expect((await c.prompt.bySlug({ slug: s.p.slug })).latestVersion?.number).toBe(1);

      // Once approved, it is everyone's: search finds its words, the feed lists it.
      await s.owner.caller.version.approve({ versionId: s.proposal.id });
      expect((await s.consumer.caller.version.byId({ versionId: s.proposal.id })).body).toContain(SECRET);
      expect((await s.consumer.caller.prompt.search({ q: SECRET, limit: 20 })).items.map((i) => i.id)).toContain(s.p.id);
      // (The feed lists public prompts only: a members-only prompt never appears there.)
      if (visibility === "public") expect((await s.consumer.caller.feed.mine({ limit: 50 })).items.map((i) => i.version.id)).toContain(s.proposal.id);
    });
  }

  it("a rejected version stays hidden from consumers", async () => {
    const s = await setUp("public");
    await s.owner.caller.version.reject({ versionId: s.proposal.id, comment: "No" });
    await expectHidden(s.consumer.caller, s, { signedIn: true });
  });
});

describe("the prompt page's version count", () => {
  it("counts the versions the viewer may see, as the version list does, not the highest number", async () => {
    const { org, owner, contributor, consumer } = await makeOrgWithMembers(t.db);
    const p = await makeOrgPrompt(t.db, org.id, owner, { visibility: "public", title: "Counted" });
    const rejected = await contributor.caller.version.propose({ promptId: p.id, body: "Rejected {{topic}}" });
    await owner.caller.version.reject({ versionId: rejected.id, comment: "No" });
    await contributor.caller.version.propose({ promptId: p.id, body: "Pending {{topic}}" });
    const approved = await contributor.caller.version.propose({ promptId: p.id, body: "Approved {{topic}}" });
    await owner.caller.version.approve({ versionId: approved.id });

    for (const caller of [consumer.caller, anonymous(t.db)]) {
      const page = await caller.prompt.bySlug({ slug: p.slug });
      expect(page.latestVersion?.number).toBe(4);
      expect(page.versionCount).toBe(2);
      expect((await caller.version.list({ promptId: p.id, limit: 50 })).items.map((v) => v.number)).toEqual([4, 1]);
    }
    expect((await contributor.caller.prompt.bySlug({ slug: p.slug })).versionCount).toBe(4);
  });
});
