// label.set / remove / list / history / results: custom labels and A/B splits, who may move them,
// the history of every move (production and latest too), and a split's results per version.
import { describe, expect, it } from "vitest";
import { anonymous, makeUser } from "@/test/callers";
import { makeOrgPrompt, makeOrgWithMembers } from "@/test/org-fixtures";
import { rejects } from "@/test/expect-trpc-error";
import { setUpTestDatabase } from "@/test/set-up-test-database";
import type { TRPCError } from "@trpc/server";
import { ZodError } from "zod";

const t = setUpTestDatabase();

/** What the API tells the client: "field: message" for zod's errors (as the error formatter says), else the message. */
const said = (error: TRPCError) => (error.cause instanceof ZodError ? error.cause.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") : error.message);

async function promptWithVersions(count = 3, visibility: "public" | "private" = "public") {
  const owner = await makeUser(t.db);
  const p = await owner.caller.prompt.create({ title: "Support reply", category: "support", body: "Reply to {{ticket}} v1", visibility });
  const versions = [p.version];
  for (let n = 2; n <= count; n++) versions.push(await owner.caller.version.create({ promptId: p.id, body: `Reply to {{ticket}} v${n}`, changelog: `v${n}` }));
  return { owner, p, versions };
}

describe("label.set / list / history", () => {
  it("sets, moves and splits a custom label; every move (latest and production too) is in the history", async () => {
    const { owner, p, versions } = await promptWithVersions(3);
    const [v1, v2, v3] = versions;
    await owner.caller.version.promote({ versionId: v2.id });
    expect(await owner.caller.label.set({ promptId: p.id, name: "staging", versionId: v1.id })).toMatchObject({ name: "staging", fromNumber: null, version: { number: 1 }, split: null });
    expect(await owner.caller.label.set({ promptId: p.id, name: "staging", versionId: v3.id })).toMatchObject({ fromNumber: 1, version: { number: 3 } });
    expect(await owner.caller.label.set({ promptId: p.id, name: "staging", versionId: v3.id, splitVersionId: v2.id, splitPercent: 30 })).toMatchObject({ fromNumber: 3, split: { number: 2, percent: 30 } });
    // Setting the same thing again moves nothing and records nothing.
    await owner.caller.label.set({ promptId: p.id, name: "staging", versionId: v3.id, splitVersionId: v2.id, splitPercent: 30 });

    const labels = await anonymous(t.db).label.list({ promptId: p.id });
    expect(labels.map((l) => l.name)).toEqual(["production", "latest", "staging"]);
    expect(labels[2]).toMatchObject({ version: { number: 3 }, split: { number: 2, percent: 30 }, automatic: false });
    expect(labels[1]).toMatchObject({ version: { number: 3 }, automatic: true });

    const history = await anonymous(t.db).label.history({ promptId: p.id });
    expect(history.map((m) => [m.name, m.fromNumber, m.toNumber, m.split?.number ?? null, m.split?.percent ?? 0])).toEqual([
      ["staging", 3, 3, 2, 30],
      ["staging", 1, 3, null, 0],
      ["staging", null, 1, null, 0],
      ["production", null, 2, null, 0],
      ["latest", 2, 3, null, 0],
      ["latest", 1, 2, null, 0],
      ["latest", null, 1, null, 0],
    ]);
    expect(history.every((m) => m.actor?.handle === owner.user.handle)).toBe(true);
    expect((await anonymous(t.db).label.history({ promptId: p.id, name: "production" })).map((m) => m.toNumber)).toEqual([2]);
  });

  it("production may be split by hand, and promoting ends the split (recorded)", async () => {
    const { owner, p, versions } = await promptWithVersions(2);
    await owner.caller.label.set({ promptId: p.id, name: "production", versionId: versions[0].id, splitVersionId: versions[1].id, splitPercent: 10 });
    await owner.caller.version.promote({ versionId: versions[1].id });
    const [production] = await owner.caller.label.list({ promptId: p.id });
    expect(production).toMatchObject({ name: "production", version: { number: 2 }, split: null });
    const [last] = await owner.caller.label.history({ promptId: p.id, name: "production" });
    expect(last).toMatchObject({ fromNumber: 1, toNumber: 2, split: null });
  });

  it("refuses bad input naming the field", async () => {
    const { owner, p, versions } = await promptWithVersions(2);
    const other = await promptWithVersions(1);
    const [v1, v2] = versions;
    const cases: [Parameters<typeof owner.caller.label.set>[0], RegExp][] = [
      [{ promptId: p.id, name: "Staging!", versionId: v1.id }, /name: must hold only lowercase letters, digits, - and _/],
      [{ promptId: p.id, name: "x".repeat(33), versionId: v1.id }, /name: must be at most 32 characters/],
      [{ promptId: p.id, name: "latest", versionId: v1.id }, /name: "latest" is moved automatically/],
      [{ promptId: p.id, name: "ab", versionId: v1.id, splitPercent: 20 }, /splitVersionId: is required with splitPercent/],
      [{ promptId: p.id, name: "ab", versionId: v1.id, splitVersionId: v2.id }, /splitPercent: is required with splitVersionId/],
      [{ promptId: p.id, name: "ab", versionId: v1.id, splitVersionId: v2.id, splitPercent: 100 }, /splitPercent: must be between 1 and 99/],
      [{ promptId: p.id, name: "ab", versionId: v1.id, splitVersionId: v2.id, splitPercent: 0 }, /splitPercent: must be between 1 and 99/],
      [{ promptId: p.id, name: "ab", versionId: v1.id, splitVersionId: v1.id, splitPercent: 50 }, /splitVersionId: must differ from versionId/],
      [{ promptId: p.id, name: "ab", versionId: other.versions[0].id }, /versionId: no such version of this prompt/],
      [{ promptId: p.id, name: "ab", versionId: v1.id, splitVersionId: "nope", splitPercent: 5 }, /splitVersionId: no such version of this prompt/],
    ];
    for (const [input, message] of cases) {
      const error = await rejects(owner.caller.label.set(input), "BAD_REQUEST");
      expect(said(error)).toMatch(message);
    }
    await owner.caller.version.deprecate({ versionId: v1.id, replacedByVersionId: v2.id });
    expect((await rejects(owner.caller.label.set({ promptId: p.id, name: "ab", versionId: v1.id }), "CONFLICT")).message).toMatch(/versionId: v1 is deprecated/);
    expect(await t.db.promptLabel.count({ where: { promptId: p.id, name: "ab" } })).toBe(0);
  });

  it("only the owner moves a personal prompt's labels; a private prompt is NOT_FOUND to others", async () => {
    const { p, versions } = await promptWithVersions(1);
    const stranger = await makeUser(t.db);
    expect((await rejects(stranger.caller.label.set({ promptId: p.id, name: "staging", versionId: versions[0].id }), "FORBIDDEN")).message).toMatch(/owner/);
    await rejects(anonymous(t.db).label.set({ promptId: p.id, name: "staging", versionId: versions[0].id }), "UNAUTHORIZED");
    const secret = await promptWithVersions(1, "private");
    await rejects(stranger.caller.label.set({ promptId: secret.p.id, name: "staging", versionId: secret.versions[0].id }), "NOT_FOUND");
    await rejects(stranger.caller.label.list({ promptId: secret.p.id }), "NOT_FOUND");
    await rejects(stranger.caller.label.history({ promptId: secret.p.id }), "NOT_FOUND");
  });

  it("in an organisation, label.move roles move labels (audited); contributors and consumers do not", async () => {
    const { org, admin, owner, contributor, consumer } = await makeOrgWithMembers(t.db);
    const p = await makeOrgPrompt(t.db, org.id, owner);
    await rejects(contributor.caller.label.set({ promptId: p.id, name: "staging", versionId: p.version.id }), "FORBIDDEN");
    await rejects(consumer.caller.label.set({ promptId: p.id, name: "staging", versionId: p.version.id }), "FORBIDDEN");
    await admin.caller.label.set({ promptId: p.id, name: "staging", versionId: p.version.id });
    expect((await consumer.caller.label.list({ promptId: p.id })).map((l) => l.name)).toContain("staging");
    const entries = await t.db.auditEntry.findMany({ where: { orgId: org.id, action: "label.move", actorId: admin.user.id } });
    expect(entries).toMatchObject([{ outcome: "allowed", toValue: "staging: v1" }]);
    await owner.caller.label.remove({ promptId: p.id, name: "staging" });
    expect(await t.db.auditEntry.count({ where: { orgId: org.id, action: "label.move", actorId: owner.user.id, fromValue: "staging: v1", toValue: null } })).toBe(1);
  });
  it("approving a proposal records its moves of latest and production, by the approver", async () => {
    const { org, owner, contributor } = await makeOrgWithMembers(t.db);
    const p = await makeOrgPrompt(t.db, org.id, owner);
    const proposal = await contributor.caller.version.propose({ promptId: p.id, body: "Write about {{topic}} in detail." });
    expect((await owner.caller.label.history({ promptId: p.id })).some((m) => m.toNumber === 2)).toBe(false);
    await owner.caller.version.approve({ versionId: proposal.id });
    const moves = (await contributor.caller.label.history({ promptId: p.id })).filter((m) => m.toNumber === 2);
    expect(moves.map((m) => [m.name, m.fromNumber, m.actor?.handle]).sort()).toEqual([
      ["latest", 1, owner.user.handle],
      ["production", null, owner.user.handle],
    ]);
  });
});

describe("label.remove", () => {
  it("removes a custom label (recorded); production and latest stay", async () => {
    const { owner, p, versions } = await promptWithVersions(1);
    await owner.caller.label.set({ promptId: p.id, name: "staging", versionId: versions[0].id });
    expect(await owner.caller.label.remove({ promptId: p.id, name: "staging" })).toEqual({ name: "staging", fromNumber: 1 });
    expect((await owner.caller.label.history({ promptId: p.id, name: "staging" }))[0]).toMatchObject({ fromNumber: 1, toNumber: null });
    await rejects(owner.caller.label.remove({ promptId: p.id, name: "staging" }), "NOT_FOUND");
    expect(said(await rejects(owner.caller.label.remove({ promptId: p.id, name: "latest" }), "BAD_REQUEST"))).toMatch(/name: "latest"/);
    expect((await rejects(owner.caller.label.remove({ promptId: p.id, name: "production" }), "BAD_REQUEST")).message).toMatch(/name: "production" cannot be removed/);
  });
});

describe("label.results", () => {
  it("counts served calls and captured calls per version since the split began; only the owner sees them", async () => {
    const { owner, p, versions } = await promptWithVersions(2);
    const [v1, v2] = versions;
    // Before the split: not counted.
    await t.db.usageEvent.create({ data: { kind: "render", source: "api", promptId: p.id, versionId: v1.id, at: new Date(Date.now() - 3_600_000) } });
    await owner.caller.label.set({ promptId: p.id, name: "ab", versionId: v1.id, splitVersionId: v2.id, splitPercent: 25 });
    const at = new Date(Date.now() + 1_000);
    await t.db.usageEvent.createMany({
      data: [
        ...Array.from({ length: 6 }, () => ({ kind: "render" as const, source: "api" as const, promptId: p.id, versionId: v1.id, at })),
        ...Array.from({ length: 2 }, () => ({ kind: "render" as const, source: "api" as const, promptId: p.id, versionId: v2.id, at })),
        { kind: "render", source: "web", promptId: p.id, versionId: v2.id, at }, // the page's render: not served by the API
        { kind: "view", source: "api", promptId: p.id, versionId: v2.id, at },
      ],
    });
    const capture = (versionId: string, status: number, latencyMs: number, costUsd: string | null) => ({
      ownerId: owner.user.id, provider: "openai", endpoint: "/v1/chat/completions", method: "POST", status, latencyMs, costUsd, matchedVersionId: versionId, createdAt: at,
    });
    await t.db.capture.createMany({
      data: [capture(v1.id, 200, 100, "0.002"), capture(v1.id, 200, 300, "0.004"), capture(v1.id, 500, 200, null), capture(v2.id, 200, 50, "0.001")],
    });

    const results = await owner.caller.label.results({ promptId: p.id, name: "ab" });
    expect(results.versions).toEqual([
      { versionId: v1.id, number: 1, percent: 75, served: 6, captured: { calls: 3, errors: 1, errorRate: 1 / 3, p50LatencyMs: 200, meanCostUsd: 0.003 } },
      { versionId: v2.id, number: 2, percent: 25, served: 2, captured: { calls: 1, errors: 0, errorRate: 0, p50LatencyMs: 50, meanCostUsd: 0.001 } },
    ]);
    const all = await owner.caller.label.results({ promptId: p.id, name: "ab", since: new Date(0) });
    expect(all.versions[0].served).toBe(7);

    const stranger = await makeUser(t.db);
    await rejects(stranger.caller.label.results({ promptId: p.id, name: "ab" }), "FORBIDDEN");
    await rejects(owner.caller.label.results({ promptId: p.id, name: "nope" }), "NOT_FOUND");
  });
});
