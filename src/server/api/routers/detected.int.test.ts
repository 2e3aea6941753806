import { describe, expect, it } from "vitest";
import type { Db } from "@/server/db/prisma";
import { anonymous, makeUser } from "@/test/callers";
import { rejects } from "@/test/expect-trpc-error";
import { setUpTestDatabase } from "@/test/set-up-test-database";

const t = setUpTestDatabase();

type CaptureRow = Parameters<Db["capture"]["create"]>[0]["data"];
let seq = 0;
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute));

function capture(ownerId: string, minute: number, extra: Partial<CaptureRow> = {}) {
  return t.db.capture.create({
    data: {
      ownerId,
      provider: "openai",
      endpoint: "/v1/chat/completions",
      method: "POST",
      model: "gpt-4o-mini",
      status: 200,
      latencyMs: 100,
      costUsd: "0.0001",
      createdAt: at(minute),
      decision: "new",
      processedAt: at(minute),
      ...extra,
    } as CaptureRow,
  });
}

function detected(ownerId: string, extra: Partial<Parameters<Db["detectedPrompt"]["create"]>[0]["data"]> = {}) {
  const n = ++seq;
  return t.db.detectedPrompt.create({
    data: {
      ownerId,
      title: `Detected ${n}`,
      identityText: `Instructions ${n}`,
      identityHash: `hash-${process.pid}-${n}`,
      exampleText: `Instructions ${n}`,
      callCount: 0,
      firstSeenAt: at(0),
      lastSeenAt: at(n),
      ...extra,
    } as Parameters<Db["detectedPrompt"]["create"]>[0]["data"],
  });
}

const SYSTEM = "You are a support agent for Acme. Answer the customer's question politely and briefly.";
const shell = `system: ${SYSTEM}\n\nuser: {{question}}`;

/** One detected prompt whose three calls fit one induced template. */
async function templatedEntry(ownerId: string) {
  const template = await t.db.promptTemplate.create({
    data: { ownerId, shell, variables: ["question"], memberCount: 3, captureCount: 3, firstSeenAt: at(1), lastSeenAt: at(3) },
  });
  const entry = await detected(ownerId, {
    title: "You are a support agent for Acme",
    identityText: SYSTEM,
    exampleText: `system: ${SYSTEM}\n\nuser: Where is my order?`,
    callCount: 3,
    costUsd: "0.0003",
    models: ["gpt-4o-mini"],
    templateId: template.id,
  });
  const questions = ["Where is my order?", "Can I get a refund?", "Do you ship to Norway?"];
  const captures = [];
  for (const [i, q] of questions.entries()) {
    captures.push(
      await capture(ownerId, i + 1, {
        systemPrompt: SYSTEM,
        promptText: `system: ${SYSTEM}\n\nuser: ${q}`,
        detectedPromptId: entry.id,
        templateId: template.id,
        templateValues: { question: q },
      }),
    );
  }
  return { template, entry, captures };
}

describe("detected", () => {
  it("lists only the caller's entries by status, most recently seen first, with counts per status", async () => {
    const alice = await makeUser(t.db);
    const bob = await makeUser(t.db);
    const library = await alice.caller.prompt.create({ title: "Support replies", category: "support", body: "Answer the customer politely.", visibility: "private" });
    const bobsPrompt = await bob.caller.prompt.create({ title: "Bob's own", category: "support", body: "Bob's instructions.", visibility: "private" });
    const { entry: templated, template } = await templatedEntry(alice.user.id);
    const variant = await detected(alice.user.id, { suggestedForkOfPromptId: library.id, suggestedSimilarity: 0.87, lastSeenAt: at(50), costUsd: "0.25", models: ["gpt-4o", "gpt-4o-mini"] });
    // A suggestion must never name a prompt of someone else, even if a row points at one.
    const foreign = await detected(alice.user.id, { suggestedForkOfPromptId: bobsPrompt.id, lastSeenAt: at(40) });
    const dismissed = await detected(alice.user.id, { status: "dismissed" });
    await detected(bob.user.id);

    const inbox = await alice.caller.detected.list({});
    expect(inbox.items.map((d) => d.id)).toEqual([variant.id, foreign.id, templated.id]);
    expect(inbox.counts).toEqual({ detected: 3, promoted: 0, dismissed: 1 });
    expect(inbox.nextCursor).toBeNull();
    expect(inbox.items[0]).toMatchObject({
      title: variant.title,
      costUsd: 0.25,
      models: ["gpt-4o", "gpt-4o-mini"],
      template: null,
      suggestedForkOf: { id: library.id, slug: library.slug, title: "Support replies", similarity: 0.87 },
      promotedPrompt: null,
    });
    expect(inbox.items[1].suggestedForkOf).toBeNull();
    expect(inbox.items[2]).toMatchObject({ callCount: 3, costUsd: 0.0003, template: { id: template.id, shell, variables: ["question"] }, exampleText: expect.stringContaining("Where is my order?") });

    const first = await alice.caller.detected.list({ limit: 2 });
    expect(first.items.map((d) => d.id)).toEqual([variant.id, foreign.id]);
    const second = await alice.caller.detected.list({ limit: 2, cursor: first.nextCursor });
    expect(second.items.map((d) => d.id)).toEqual([templated.id]);
    expect(second.nextCursor).toBeNull();

    expect((await alice.caller.detected.list({ status: "dismissed" })).items.map((d) => d.id)).toEqual([dismissed.id]);
    expect((await bob.caller.detected.list({})).counts).toEqual({ detected: 1, promoted: 0, dismissed: 0 });
    await rejects(alice.caller.detected.list({ status: "archived" as "detected" }), "BAD_REQUEST", /status/);
    await rejects(anonymous(t.db).detected.list({}), "UNAUTHORIZED");
  });

  it("shows one entry with its newest captures, and NOT_FOUND for someone else's", async () => {
    const alice = await makeUser(t.db);
    const bob = await makeUser(t.db);
    const { entry, captures } = await templatedEntry(alice.user.id);
    const one = await alice.caller.detected.byId({ detectedPromptId: entry.id });
    expect(one.identityText).toContain(SYSTEM);
    expect(one.recentCaptures.map((c) => c.id)).toEqual(captures.map((c) => c.id).reverse());
    expect(one.recentCaptures[0]).toMatchObject({ model: "gpt-4o-mini", costUsd: 0.0001, templateValues: { question: "Do you ship to Norway?" } });
    await rejects(bob.caller.detected.byId({ detectedPromptId: entry.id }), "NOT_FOUND");
    await rejects(alice.caller.detected.byId({ detectedPromptId: "" }), "BAD_REQUEST", /detectedPromptId/);
  });

  it("promotes a templated entry: version 1 is the shell, its captures become uses with their values", async () => {
    const alice = await makeUser(t.db);
    const bob = await makeUser(t.db);
    const { entry, template, captures } = await templatedEntry(alice.user.id);
    // A call of the same template that identity had not attached to the entry yet still moves with it.
    const straggler = await capture(alice.user.id, 9, { promptText: `system: ${SYSTEM}\n\nuser: Hi`, templateId: template.id, templateValues: { question: "Hi" } });
    // A call of the entry that does not fit its template is a use too, without values.
    const outlier = await capture(alice.user.id, 8, { promptText: `system: ${SYSTEM}\n\nuser: Hi\n\nassistant: Hello\n\nuser: Bye`, detectedPromptId: entry.id });
    const elsewhere = await capture(alice.user.id, 10, { promptText: "Unrelated" });

    await rejects(bob.caller.detected.promote({ detectedPromptId: entry.id, title: "Mine now", category: "support" }), "NOT_FOUND");
    await rejects(alice.caller.detected.promote({ detectedPromptId: entry.id, title: "x", category: "support" }), "BAD_REQUEST", /title/);
    await rejects(alice.caller.detected.promote({ detectedPromptId: entry.id, title: "Acme support", category: "nope" as "support" }), "BAD_REQUEST", /category/);
    expect(await t.db.prompt.count({ where: { ownerId: alice.user.id } })).toBe(0);

    const promoted = await alice.caller.detected.promote({ detectedPromptId: entry.id, title: "Acme support answers", category: "support" });
    const prompt = await alice.caller.prompt.bySlug({ slug: promoted.slug });
    expect(prompt).toMatchObject({ id: promoted.promptId, title: "Acme support answers", category: "support", visibility: "private" });
    const versions = await t.db.promptVersion.findMany({ where: { promptId: promoted.promptId } });
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ number: 1, body: shell, variables: [{ name: "question" }] });

    const moved = await t.db.capture.findMany({ where: { id: { in: [...captures.map((c) => c.id), straggler.id] } }, orderBy: { createdAt: "asc" } });
    for (const c of moved) {
      expect(c).toMatchObject({ decision: "same", resultPromptId: promoted.promptId, matchedPromptId: promoted.promptId, matchedVersionId: versions[0].id });
      expect(c.variableValues).toEqual(c.templateValues);
    }
    expect(await t.db.capture.findUniqueOrThrow({ where: { id: outlier.id } })).toMatchObject({ decision: "same", resultPromptId: promoted.promptId, matchedVersionId: null, variableValues: null });
    expect(await t.db.capture.findUniqueOrThrow({ where: { id: elsewhere.id } })).toMatchObject({ decision: "new", resultPromptId: null });
    expect(await t.db.prompt.findUniqueOrThrow({ where: { id: promoted.promptId } })).toMatchObject({ captureCount: 5, lastCapturedAt: at(9) });
    expect(await t.db.promptTemplate.findUniqueOrThrow({ where: { id: template.id } })).toMatchObject({ promotedPromptId: promoted.promptId });

    const list = await alice.caller.detected.list({ status: "promoted" });
    expect(list.counts).toEqual({ detected: 0, promoted: 1, dismissed: 0 });
    expect(list.items[0]).toMatchObject({ id: entry.id, status: "promoted", promotedPrompt: { id: promoted.promptId, slug: promoted.slug, title: "Acme support answers" } });

    // Twice would make a second library prompt of one detected prompt.
    await rejects(alice.caller.detected.promote({ detectedPromptId: entry.id, title: "Again", category: "support" }), "CONFLICT", new RegExp(promoted.slug));
    await rejects(alice.caller.detected.dismiss({ detectedPromptId: entry.id }), "CONFLICT", /library/);
    // Another entry of a template promoted already is that prompt too, not a second one.
    const late = await detected(alice.user.id, { templateId: template.id });
    await rejects(alice.caller.detected.promote({ detectedPromptId: late.id, title: "Second copy", category: "support" }), "CONFLICT", new RegExp(promoted.slug));
    expect(await t.db.prompt.count({ where: { ownerId: alice.user.id } })).toBe(1);
  });

  it("promotes an entry without a template from its instructions, or from its example text", async () => {
    const alice = await makeUser(t.db);
    const withInstructions = await detected(alice.user.id, { identityText: SYSTEM, exampleText: `system: ${SYSTEM}\n\nuser: Hello`, callCount: 2 });
    await capture(alice.user.id, 1, { systemPrompt: SYSTEM, detectedPromptId: withInstructions.id });
    await capture(alice.user.id, 2, { systemPrompt: SYSTEM, detectedPromptId: withInstructions.id, decision: "variant" });
    // The recorder keeps each message's role: a bare call's text is "user: …", the body drops it.
    const bare = await detected(alice.user.id, { identityText: "user: Summarise this article in three bullet points.", exampleText: "user: Summarise this article in three bullet points.", callCount: 1 });
    const bareCall = await capture(alice.user.id, 3, { detectedPromptId: bare.id });

    const a = await alice.caller.detected.promote({ detectedPromptId: withInstructions.id, title: "Acme support", category: "support" });
    expect((await t.db.promptVersion.findFirstOrThrow({ where: { promptId: a.promptId } })).body).toBe(SYSTEM);
    expect(await t.db.capture.count({ where: { resultPromptId: a.promptId, decision: "same", matchedVersionId: null } })).toBe(2);

    const b = await alice.caller.detected.promote({ detectedPromptId: bare.id, title: "Article summary", category: "writing" });
    expect((await t.db.promptVersion.findFirstOrThrow({ where: { promptId: b.promptId } })).body).toBe("Summarise this article in three bullet points.");
    expect(await t.db.capture.findUniqueOrThrow({ where: { id: bareCall.id } })).toMatchObject({ decision: "same", resultPromptId: b.promptId });
    expect(await t.db.prompt.findUniqueOrThrow({ where: { id: b.promptId } })).toMatchObject({ captureCount: 1, lastCapturedAt: at(3) });
  });

  it("accepts a suggested fork: a private fork of the library prompt's latest version with the detected text", async () => {
    const alice = await makeUser(t.db);
    const bob = await makeUser(t.db);
    const source = await alice.caller.prompt.create({ title: "Support replies", category: "support", tags: ["acme"], body: "Answer the customer politely.", visibility: "public" });
    const v2 = await alice.caller.version.create({ promptId: source.id, body: "Answer the customer politely and briefly.", changelog: "Briefer" });
    const variant = await detected(alice.user.id, {
      title: "Answer the customer politely, briefly, in French",
      identityText: "Answer the customer politely, briefly, in French.",
      exampleText: "Answer the customer politely, briefly, in French.",
      callCount: 1,
      suggestedForkOfPromptId: source.id,
      suggestedSimilarity: 0.88,
    });
    const call = await capture(alice.user.id, 5, { decision: "variant", matchedPromptId: source.id, detectedPromptId: variant.id });
    const plain = await detected(alice.user.id);

    await rejects(bob.caller.detected.acceptFork({ detectedPromptId: variant.id }), "NOT_FOUND");
    await rejects(alice.caller.detected.acceptFork({ detectedPromptId: plain.id }), "BAD_REQUEST", /detectedPromptId/);
    await rejects(alice.caller.detected.acceptFork({ detectedPromptId: variant.id, title: "  " }), "BAD_REQUEST", /title/);

    const fork = await alice.caller.detected.acceptFork({ detectedPromptId: variant.id });
    const row = await t.db.prompt.findUniqueOrThrow({ where: { id: fork.promptId }, include: { versions: true } });
    expect(row).toMatchObject({ title: variant.title, visibility: "private", category: "support", tags: ["acme"], forkedFromVersionId: v2.id, captureCount: 1 });
    expect(row.versions.map((v) => [v.number, v.body, v.changelog])).toEqual([[1, "Answer the customer politely, briefly, in French.", `Variant of ${source.slug} v2, from captured calls`]]);
    expect(await t.db.capture.findUniqueOrThrow({ where: { id: call.id } })).toMatchObject({ decision: "same", resultPromptId: fork.promptId, matchedPromptId: fork.promptId });
    expect(await t.db.detectedPrompt.findUniqueOrThrow({ where: { id: variant.id } })).toMatchObject({ status: "promoted", promotedPromptId: fork.promptId });
    await rejects(alice.caller.detected.acceptFork({ detectedPromptId: variant.id }), "CONFLICT", /already/);

    // A suggestion whose prompt was archived since is not offered, and cannot be accepted.
    const archivedSource = await alice.caller.prompt.create({ title: "Old replies", category: "support", body: "Old instructions.", visibility: "private" });
    const stale = await detected(alice.user.id, { suggestedForkOfPromptId: archivedSource.id });
    await t.db.prompt.update({ where: { id: archivedSource.id }, data: { archivedAt: new Date() } });
    expect((await alice.caller.detected.list({})).items.find((d) => d.id === stale.id)?.suggestedForkOf).toBeNull();
    await rejects(alice.caller.detected.acceptFork({ detectedPromptId: stale.id }), "BAD_REQUEST", /no longer in your library/);
  });

  it("dismisses and restores, owner-only", async () => {
    const alice = await makeUser(t.db);
    const bob = await makeUser(t.db);
    const entry = await detected(alice.user.id);
    await rejects(bob.caller.detected.dismiss({ detectedPromptId: entry.id }), "NOT_FOUND");
    expect(await alice.caller.detected.dismiss({ detectedPromptId: entry.id })).toEqual({ id: entry.id, status: "dismissed" });
    expect(await alice.caller.detected.dismiss({ detectedPromptId: entry.id })).toEqual({ id: entry.id, status: "dismissed" });
    expect((await alice.caller.detected.list({})).counts).toEqual({ detected: 0, promoted: 0, dismissed: 1 });
    expect(await alice.caller.detected.counts()).toEqual({ detected: 0, promoted: 0, dismissed: 1 });
    expect(await bob.caller.detected.counts()).toEqual({ detected: 0, promoted: 0, dismissed: 0 });
    await rejects(bob.caller.detected.restore({ detectedPromptId: entry.id }), "NOT_FOUND");
    expect(await alice.caller.detected.restore({ detectedPromptId: entry.id })).toEqual({ id: entry.id, status: "detected" });
    expect((await alice.caller.detected.list({})).items.map((d) => d.id)).toEqual([entry.id]);
    // A dismissed entry can still be promoted (the person changed their mind).
    await alice.caller.detected.dismiss({ detectedPromptId: entry.id });
    const p = await alice.caller.detected.promote({ detectedPromptId: entry.id, title: "Kept after all", category: "writing" });
    expect((await alice.caller.detected.list({ status: "promoted" })).items[0].promotedPrompt?.slug).toBe(p.slug);
    await rejects(alice.caller.detected.restore({ detectedPromptId: entry.id }), "CONFLICT");
  });
});
