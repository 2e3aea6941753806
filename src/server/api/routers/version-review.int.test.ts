// Proposals, reviews (single and dual approval), deprecation and label moves on organisation
// prompts, with every refusal the issue names (4xx + a "refused" audit entry), through the routers.
import { describe, expect, it } from "vitest";
import { anonymous, makeUser } from "@/test/callers";
import { rejects } from "@/test/expect-trpc-error";
import { makeMember, makeOrgPrompt, makeOrgWithMembers } from "@/test/org-fixtures";
import { setUpTestDatabase } from "@/test/set-up-test-database";

const t = setUpTestDatabase();

const auditOf = (targetId: string, action: string) => t.db.auditEntry.findMany({ where: { targetId, action }, orderBy: { createdAt: "asc" } });
const refusedCount = (actorId: string, action: string) => t.db.auditEntry.count({ where: { actorId, action, outcome: "refused" } });

describe("version.propose / approve (one approval)", () => {
  it("a contributor proposes, an owner approves: latest and production move, audited, webhooks-free", async () => {
    const { org, owner, contributor, consumer } = await makeOrgWithMembers(t.db);
    const p = await makeOrgPrompt(t.db, org.id, owner);
    await owner.caller.version.promote({ versionId: p.version.id });

    const proposal = await contributor.caller.version.propose({ promptId: p.id, body: "Write about {{topic}} in detail.", changelog: "More detail" });
    expect(proposal).toMatchObject({ number: 2, status: "in_review", approvalsNeeded: 1 });
    // Nothing moved: every reader still gets v1 as the latest.
    const before = await consumer.caller.prompt.bySlug({ slug: p.slug });
    expect(before.latestVersion?.number).toBe(1);
    expect(before.labels.latest.number).toBe(1);

    const approved = await owner.caller.version.approve({ versionId: proposal.id, comment: "Good" });
    expect(approved).toMatchObject({ status: "approved", approvals: 1, approvalsNeeded: 1 });
    const after = await consumer.caller.prompt.bySlug({ slug: p.slug });
    expect(after.latestVersion).toMatchObject({ number: 2, body: "Write about {{topic}} in detail.", status: "approved" });
    expect(after.labels).toMatchObject({ latest: { number: 2 }, production: { number: 2 } });
    const row = await t.db.promptVersion.findUniqueOrThrow({ where: { id: proposal.id } });
    expect(row.decidedAt).toBeInstanceOf(Date);

    expect(await auditOf(proposal.id, "version.propose")).toMatchObject([{ actorId: contributor.user.id, outcome: "allowed", orgId: org.id, toValue: "v2 in review" }]);
    expect(await auditOf(proposal.id, "version.approve")).toMatchObject([{ actorId: owner.user.id, outcome: "allowed", fromValue: "v2 in review", toValue: "v2 approved", comment: "Good" }]);
    const moves = await t.db.auditEntry.findMany({ where: { targetId: p.id, action: "label.move", actorId: owner.user.id }, orderBy: { createdAt: "asc" } });
    expect(moves.map((m) => [m.fromValue, m.toValue])).toEqual(
      expect.arrayContaining([
        ["production: v1", "production: v2"],
        ["latest: v1", "latest: v2"],
      ]),
    );
  });

  it("owners publish directly with version.create; contributors are pointed at version.propose", async () => {
    const { org, owner, contributor, consumer, outsider } = await makeOrgWithMembers(t.db);
    const p = await makeOrgPrompt(t.db, org.id, owner);
    const v2 = await owner.caller.version.create({ promptId: p.id, body: "Published {{topic}}" });
    expect((await consumer.caller.prompt.bySlug({ slug: p.slug })).latestVersion?.number).toBe(v2.number);
    expect(await auditOf(v2.id, "version.publish")).toHaveLength(1);

    await rejects(contributor.caller.version.create({ promptId: p.id, body: "sneaky" }), "FORBIDDEN", /version\.propose/);
    await rejects(consumer.caller.version.create({ promptId: p.id, body: "sneaky" }), "FORBIDDEN");
    await rejects(outsider.caller.version.create({ promptId: p.id, body: "sneaky" }), "FORBIDDEN");
    expect(await refusedCount(contributor.user.id, "version.publish")).toBe(1);
    expect(await t.db.promptVersion.count({ where: { promptId: p.id } })).toBe(2);
  });

  it("rejection needs a comment, decides the version, and it can no longer be approved", async () => {
    const { org, owner, contributor } = await makeOrgWithMembers(t.db);
    const p = await makeOrgPrompt(t.db, org.id, owner);
    const proposal = await contributor.caller.version.propose({ promptId: p.id, body: "Worse {{topic}}" });
    await rejects(owner.caller.version.reject({ versionId: proposal.id, comment: "  " }), "BAD_REQUEST", /comment/);
    await rejects(owner.caller.version.reject({ versionId: proposal.id } as never), "BAD_REQUEST", /comment/);
    const rejected = await owner.caller.version.reject({ versionId: proposal.id, comment: "Loses the tone" });
    expect(rejected.status).toBe("rejected");
    expect(await auditOf(proposal.id, "version.reject")).toMatchObject([{ outcome: "allowed", comment: "Loses the tone", toValue: "v2 rejected" }]);
    await rejects(owner.caller.version.approve({ versionId: proposal.id }), "CONFLICT", /not in review/);
    // The contributor still sees their rejected proposal with its review.
    const list = await contributor.caller.version.list({ promptId: p.id, limit: 10 });
    expect(list.items[0]).toMatchObject({ number: 2, status: "rejected", reviews: [{ decision: "reject", comment: "Loses the tone" }] });
    expect((await contributor.caller.prompt.bySlug({ slug: p.slug })).labels.latest.number).toBe(1);
  });
});

describe("refusals, each a 4xx with a refused audit entry", () => {
  it("a consumer proposing, a contributor approving or rejecting, an author approving their own proposal", async () => {
    const { org, owner, contributor, consumer } = await makeOrgWithMembers(t.db);
    const p = await makeOrgPrompt(t.db, org.id, owner);

    await rejects(consumer.caller.version.propose({ promptId: p.id, body: "mine {{topic}}" }), "FORBIDDEN", /Consumers may not propose/);
    expect(await refusedCount(consumer.user.id, "version.propose")).toBe(1);

    const proposal = await contributor.caller.version.propose({ promptId: p.id, body: "Better {{topic}}" });
    const other = await makeMember(t.db, org.id, "contributor");
    await rejects(other.caller.version.approve({ versionId: proposal.id }), "FORBIDDEN", /Contributors may not approve/);
    await rejects(other.caller.version.reject({ versionId: proposal.id, comment: "no" }), "FORBIDDEN");
    expect(await refusedCount(other.user.id, "version.approve")).toBe(1);
    expect(await refusedCount(other.user.id, "version.reject")).toBe(1);
    // The author cannot approve even with the role to (an owner's own proposal).
    const ownProposal = await owner.caller.version.propose({ promptId: p.id, body: "Owner's {{topic}}" });
    await rejects(owner.caller.version.approve({ versionId: ownProposal.id }), "FORBIDDEN", /your own proposal/);
    expect(await refusedCount(owner.user.id, "version.approve")).toBe(1);
    expect(await t.db.promptVersion.findUniqueOrThrow({ where: { id: ownProposal.id } })).toMatchObject({ status: "in_review" });
  });

  it("proposals are for organisation prompts; bad input names the field", async () => {
    const { caller } = await makeUser(t.db);
    const mine = await caller.prompt.create({ title: "Personal", category: "writing", body: "x {{y}}" });
    await rejects(caller.version.propose({ promptId: mine.id, body: "y {{y}}" }), "BAD_REQUEST", /promptId/);
    await rejects(caller.version.propose({ promptId: mine.id, body: "   " }), "BAD_REQUEST", /body/);
    await rejects(caller.version.approve({ versionId: "" }), "BAD_REQUEST", /versionId/);
    await rejects(caller.version.approve({ versionId: "nope" }), "NOT_FOUND");
    await rejects(anonymous(t.db).version.propose({ promptId: mine.id, body: "z" }), "UNAUTHORIZED");
  });
});

describe("global prompts: two approvals by two different people, neither the author", () => {
  it("every version is proposed; one approval is not enough; the same person twice is refused", async () => {
    const { org, admin, owner, owner2, contributor, consumer } = await makeOrgWithMembers(t.db);
    const p = await makeOrgPrompt(t.db, org.id, owner, { global: true });
    await rejects(owner.caller.version.create({ promptId: p.id, body: "direct {{topic}}" }), "FORBIDDEN", /two approvals/);
    expect(await refusedCount(owner.user.id, "version.publish")).toBe(1);

    const proposal = await contributor.caller.version.propose({ promptId: p.id, body: "Global {{topic}} v2" });
    expect(proposal.approvalsNeeded).toBe(2);
    const first = await owner.caller.version.approve({ versionId: proposal.id });
    expect(first).toMatchObject({ status: "in_review", approvals: 1, approvalsNeeded: 2 });
    expect((await consumer.caller.prompt.bySlug({ slug: p.slug })).latestVersion?.number).toBe(1);
    await rejects(consumer.caller.version.byId({ versionId: proposal.id }), "NOT_FOUND");

    await rejects(owner.caller.version.approve({ versionId: proposal.id }), "CONFLICT", /already approved/);
    expect(await refusedCount(owner.user.id, "version.approve")).toBe(1);
    expect(await auditOf(proposal.id, "version.approve")).toHaveLength(2); // one allowed, one refused

    const second = await owner2.caller.version.approve({ versionId: proposal.id, comment: "Second pair of eyes" });
    expect(second).toMatchObject({ status: "approved", approvals: 2 });
    expect((await consumer.caller.prompt.bySlug({ slug: p.slug })).latestVersion).toMatchObject({ number: 2, body: "Global {{topic}} v2" });

    // An owner's own proposal on a global prompt needs two others.
    const own = await owner.caller.version.propose({ promptId: p.id, body: "Global {{topic}} v3" });
    await rejects(owner.caller.version.approve({ versionId: own.id }), "FORBIDDEN", /own proposal/);
    await owner2.caller.version.approve({ versionId: own.id });
    expect((await t.db.promptVersion.findUniqueOrThrow({ where: { id: own.id } })).status).toBe("in_review");
    await admin.caller.version.approve({ versionId: own.id });
    expect((await t.db.promptVersion.findUniqueOrThrow({ where: { id: own.id } })).status).toBe("approved");
  });

  it("two last approvals at once publish once", async () => {
    const { org, admin, owner, owner2, contributor } = await makeOrgWithMembers(t.db);
    const p = await makeOrgPrompt(t.db, org.id, owner, { global: true });
    const proposal = await contributor.caller.version.propose({ promptId: p.id, body: "Race {{topic}}" });
    await owner.caller.version.approve({ versionId: proposal.id });
    const results = await Promise.allSettled([owner2.caller.version.approve({ versionId: proposal.id }), admin.caller.version.approve({ versionId: proposal.id })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await t.db.versionReview.count({ where: { versionId: proposal.id } })).toBe(2);
    expect(await t.db.auditEntry.count({ where: { targetId: p.id, action: "label.move", toValue: "latest: v2" } })).toBe(1);
  });
});

describe("deprecation and labels", () => {
  it("deprecates an approved version with a pointer to its replacement; labels name approved versions only", async () => {
    const { org, owner, contributor, consumer } = await makeOrgWithMembers(t.db);
    const p = await makeOrgPrompt(t.db, org.id, owner);
    const v2 = await owner.caller.version.create({ promptId: p.id, body: "v2 {{topic}}" });
    const proposal = await contributor.caller.version.propose({ promptId: p.id, body: "v3 {{topic}}" });

    await rejects(owner.caller.version.promote({ versionId: proposal.id }), "CONFLICT", /only approved/);
    await rejects(owner.caller.version.deprecate({ versionId: proposal.id }), "CONFLICT");
    await rejects(owner.caller.version.deprecate({ versionId: p.version.id, replacedByVersionId: proposal.id }), "BAD_REQUEST", /replacedByVersionId/);
    await rejects(owner.caller.version.deprecate({ versionId: p.version.id, replacedByVersionId: p.version.id }), "BAD_REQUEST", /replacedByVersionId/);
    await rejects(contributor.caller.version.deprecate({ versionId: p.version.id }), "FORBIDDEN");
    expect(await refusedCount(contributor.user.id, "version.deprecate")).toBe(1);

    const done = await owner.caller.version.deprecate({ versionId: p.version.id, replacedByVersionId: v2.id, note: "Use v2" });
    expect(done.replacedBy).toEqual({ id: v2.id, number: 2 });
    const seen = await consumer.caller.version.byId({ versionId: p.version.id });
    expect(seen).toMatchObject({ deprecationNote: "Use v2", replacedBy: { id: v2.id, number: 2 } });
    expect(seen.deprecatedAt).toBeInstanceOf(Date);
    expect((await auditOf(p.version.id, "version.deprecate")).filter((e) => e.outcome === "allowed")).toMatchObject([{ toValue: "v1 deprecated, replaced by v2", comment: "Use v2" }]);
    await rejects(owner.caller.version.deprecate({ versionId: p.version.id }), "CONFLICT", /already/);
    await rejects(owner.caller.version.promote({ versionId: p.version.id }), "CONFLICT", /deprecated/);
    await rejects(contributor.caller.version.promote({ versionId: v2.id }), "FORBIDDEN");
    expect(await refusedCount(contributor.user.id, "label.move")).toBe(1);
  });

  it("an older proposal approved after a newer publication does not take latest back", async () => {
    const { org, owner, contributor } = await makeOrgWithMembers(t.db);
    const p = await makeOrgPrompt(t.db, org.id, owner);
    const proposal = await contributor.caller.version.propose({ promptId: p.id, body: "old idea {{topic}}" });
    const v3 = await owner.caller.version.create({ promptId: p.id, body: "newer {{topic}}" });
    await owner.caller.version.approve({ versionId: proposal.id });
    const page = await owner.caller.prompt.bySlug({ slug: p.slug });
    expect(page.labels.latest).toEqual({ id: v3.id, number: 3 });
  });
});

describe("review.queue", () => {
  it("lists what waits for the viewer across their organisations, not their own or what they reviewed", async () => {
    const a = await makeOrgWithMembers(t.db);
    const p = await makeOrgPrompt(t.db, a.org.id, a.owner, { global: true, title: "Queue me" });
    const proposal = await a.contributor.caller.version.propose({ promptId: p.id, body: "Queue {{topic}}", changelog: "please" });
    const queue = await a.owner.caller.review.queue();
    expect(queue.items).toEqual([expect.objectContaining({ id: proposal.id, number: 2, changelog: "please", prompt: expect.objectContaining({ slug: p.slug, global: true }), org: { slug: a.org.slug, name: a.org.name }, approvals: [], approvalsNeeded: 2 })]);
    expect(await a.owner.caller.review.count()).toEqual({ reviewer: true, count: 1 });
    await a.owner.caller.version.approve({ versionId: proposal.id });
    expect(await a.owner.caller.review.count()).toEqual({ reviewer: true, count: 0 });
    expect(await a.contributor.caller.review.count()).toEqual({ reviewer: false, count: 0 });
    expect((await a.owner2.caller.review.queue()).items[0].approvals).toEqual([a.owner.user.handle]);
    expect((await a.contributor.caller.review.queue()).items).toEqual([]);
    expect((await a.consumer.caller.review.queue()).items).toEqual([]);
    expect((await a.outsider.caller.review.queue()).items).toEqual([]);
    await rejects(a.contributor.caller.review.queue({ orgId: a.org.id }), "FORBIDDEN");
    await rejects(a.outsider.caller.review.queue({ orgId: a.org.id }), "NOT_FOUND");
    expect((await a.admin.caller.review.queue({ orgId: a.org.id })).items).toHaveLength(1);
  });
});

describe("the same person deciding several times at once", () => {
  it("concurrent approvals by one person: one counts, every other is a 409 'already approved' with a refused entry, never a 500", async () => {
    const { org, owner, owner2, contributor } = await makeOrgWithMembers(t.db);
    for (const global of [false, true]) {
      const p = await makeOrgPrompt(t.db, org.id, owner, { global });
      const proposal = await contributor.caller.version.propose({ promptId: p.id, body: `At once {{topic}} ${global}` });
      const before = await refusedCount(owner2.user.id, "version.approve");
      const results = await Promise.allSettled(Array.from({ length: 5 }, () => owner2.caller.version.approve({ versionId: proposal.id })));
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      for (const r of results.filter((x) => x.status === "rejected")) {
        await rejects(Promise.reject(r.reason), "CONFLICT", /You have already approved v2/);
      }
      expect(await refusedCount(owner2.user.id, "version.approve")).toBe(before + 4);
      expect(await t.db.versionReview.count({ where: { versionId: proposal.id } })).toBe(1);
      expect((await t.db.promptVersion.findUniqueOrThrow({ where: { id: proposal.id } })).status).toBe(global ? "in_review" : "approved");
    }
  });

  it("concurrent rejections by one person: one decides, the others are 409s with refused entries", async () => {
    const { org, owner, contributor } = await makeOrgWithMembers(t.db);
    const p = await makeOrgPrompt(t.db, org.id, owner);
    const proposal = await contributor.caller.version.propose({ promptId: p.id, body: "Reject me {{topic}}" });
    const results = await Promise.allSettled(Array.from({ length: 4 }, () => owner.caller.version.reject({ versionId: proposal.id, comment: "No" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((x) => x.status === "rejected")) {
      await rejects(Promise.reject(r.reason), "CONFLICT", /You have already rejected v2/);
    }
    expect(await refusedCount(owner.user.id, "version.reject")).toBe(3);
  });
});
