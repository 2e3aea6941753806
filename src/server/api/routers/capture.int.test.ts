import { describe, expect, it } from "vitest";
import type { Db } from "@/server/db/prisma";
import { anonymous, makeUser } from "@/test/callers";
import { rejects } from "@/test/expect-trpc-error";
import { setUpTestDatabase } from "@/test/set-up-test-database";

const t = setUpTestDatabase();

type CaptureRow = Parameters<Db["capture"]["create"]>[0]["data"];
const base = (ownerId: string, at: number, extra: Partial<CaptureRow> = {}) =>
  t.db.capture.create({
    data: {
      ownerId,
      provider: "openai",
      endpoint: "/v1/chat/completions",
      method: "POST",
      model: "gpt-4o-mini",
      status: 200,
      latencyMs: 100,
      createdAt: new Date(Date.UTC(2026, 0, 1, 12, 0, at)),
      ...extra,
    } as CaptureRow,
  });

describe("capture", () => {
  it("lists only the caller's captures, newest first, with filters and cursor pagination", async () => {
    const alice = await makeUser(t.db);
    const bob = await makeUser(t.db);
    const a1 = await base(alice.user.id, 1, { model: "gpt-4o-mini", status: 200, endUser: "u-1", sessionId: "s-1", decision: "same" });
    const a2 = await base(alice.user.id, 2, { model: "gpt-4o", status: 429, error: "rate limited", decision: "variant" });
    const a3 = await base(alice.user.id, 3, { provider: "anthropic", endpoint: "/v1/messages", model: "claude-sonnet-4", status: 500, endUser: "u-2" });
    const a4 = await base(alice.user.id, 4, { model: "gpt-4o-mini", status: 201, sessionId: "s-1", decision: "new" });
    const b1 = await base(bob.user.id, 5, { model: "gpt-4o-mini" });

    const all = await alice.caller.capture.list({});
    expect(all.items.map((c) => c.id)).toEqual([a4.id, a3.id, a2.id, a1.id]);
    expect(all.nextCursor).toBeNull();
    expect(all.items[1]).toMatchObject({ provider: "anthropic", decision: "pending", costUsd: null });
    // Bodies stay out of the list.
    expect(all.items[0]).not.toHaveProperty("requestBody");
    expect(all.items[0]).not.toHaveProperty("responseText");

    const ids = async (input: Parameters<typeof alice.caller.capture.list>[0]) => (await alice.caller.capture.list(input)).items.map((c) => c.id);
    expect(await ids({ model: "gpt-4o-mini" })).toEqual([a4.id, a1.id]);
    expect(await ids({ status: "error" })).toEqual([a3.id, a2.id]);
    expect(await ids({ status: "ok" })).toEqual([a4.id, a1.id]);
    expect(await ids({ status: 429 })).toEqual([a2.id]);
    expect(await ids({ provider: "anthropic" })).toEqual([a3.id]);
    expect(await ids({ decision: "pending" })).toEqual([a3.id]);
    expect(await ids({ decision: "variant" })).toEqual([a2.id]);
    expect(await ids({ endUser: "u-1" })).toEqual([a1.id]);
    expect(await ids({ sessionId: "s-1" })).toEqual([a4.id, a1.id]);
    expect(await ids({ sessionId: "s-1", status: "error" })).toEqual([]);

    const first = await alice.caller.capture.list({ limit: 3 });
    expect(first.items.map((c) => c.id)).toEqual([a4.id, a3.id, a2.id]);
    expect(first.nextCursor).toBe(a2.id);
    const second = await alice.caller.capture.list({ limit: 3, cursor: first.nextCursor });
    expect(second.items.map((c) => c.id)).toEqual([a1.id]);
    expect(second.nextCursor).toBeNull();

    expect((await bob.caller.capture.list({})).items.map((c) => c.id)).toEqual([b1.id]);
    // Filtering by another owner's model or session reveals nothing of theirs.
    expect(await ids({ model: "gpt-4o-mini", endUser: "u-1" })).toEqual([a1.id]);

    await rejects(alice.caller.capture.list({ limit: 101 }), "BAD_REQUEST", /limit/);
    await rejects(alice.caller.capture.list({ status: "broken" as "ok" }), "BAD_REQUEST", /status/);
  });

  it("returns one capture in full with its prompts, and NOT_FOUND for someone else's", async () => {
    const alice = await makeUser(t.db);
    const bob = await makeUser(t.db);
    const matched = await alice.caller.prompt.create({ title: "Support triage", category: "writing", body: "Classify the ticket." });
    const result = await alice.caller.prompt.create({ title: "Support triage (variant)", category: "writing", body: "Classify the ticket, briefly." });
    const requestBody = { model: "gpt-4o-mini", messages: [{ role: "system", content: "Classify the ticket, briefly." }, { role: "user", content: "My order is late" }] };
    const c = await base(alice.user.id, 10, {
      requestBody,
      systemPrompt: "Classify the ticket, briefly.",
      promptText: "Classify the ticket, briefly.\n\nMy order is late",
      responseText: "shipping",
      inputTokens: 20,
      outputTokens: 2,
      costUsd: "0.0000123400",
      properties: { feature: "triage" },
      decision: "variant",
      similarity: 0.88,
      matchedPromptId: matched.id,
      resultPromptId: result.id,
      embeddingModel: "local-256",
      processedAt: new Date(),
    });

    const got = await alice.caller.capture.byId({ id: c.id });
    expect(got).toMatchObject({
      id: c.id,
      requestBody,
      systemPrompt: "Classify the ticket, briefly.",
      responseText: "shipping",
      inputTokens: 20,
      outputTokens: 2,
      costUsd: 0.00001234,
      properties: { feature: "triage" },
      decision: "variant",
      similarity: 0.88,
      matchedPrompt: { id: matched.id, slug: matched.slug, title: "Support triage" },
      resultPrompt: { id: result.id, slug: result.slug, title: "Support triage (variant)" },
    });
    expect(typeof got.costUsd).toBe("number");

    await rejects(bob.caller.capture.byId({ id: c.id }), "NOT_FOUND");
    await rejects(alice.caller.capture.byId({ id: "nope" }), "NOT_FOUND");
  });

  it("shows the detected prompt, template, rendered version and extracted values of a capture", async () => {
    const alice = await makeUser(t.db);
    const now = new Date();
    const prompt = await alice.caller.prompt.create({ title: "Ticket summary", category: "writing", body: "Summarise this support ticket in two lines: {{ticket}}" });
    const version = await t.db.promptVersion.findFirstOrThrow({ where: { promptId: prompt.id } });
    const template = await t.db.promptTemplate.create({ data: { ownerId: alice.user.id, shell: "user: Translate {{text}} to {{language}}", variables: ["text", "language"], firstSeenAt: now, lastSeenAt: now } });
    const detected = await t.db.detectedPrompt.create({
      data: { ownerId: alice.user.id, title: "Translate", identityText: "user: Translate", identityHash: "h1", exampleText: "user: Translate hi to French", firstSeenAt: now, lastSeenAt: now, templateId: template.id },
    });
    const used = await base(alice.user.id, 20, { decision: "same", matchedPromptId: prompt.id, resultPromptId: prompt.id, matchedVersionId: version.id, variableValues: { ticket: "Disk full" }, processedAt: now });
    const joined = await base(alice.user.id, 21, { decision: "new", detectedPromptId: detected.id, templateId: template.id, templateValues: { text: "hi", language: "French" }, processedAt: now });

    const list = await alice.caller.capture.list({});
    expect(list.items.find((c) => c.id === used.id)).toMatchObject({ matchedVersion: { number: 1 }, detectedPrompt: null, template: null });
    expect(list.items.find((c) => c.id === joined.id)).toMatchObject({ detectedPrompt: { id: detected.id, title: "Translate" }, template: { id: template.id }, matchedVersion: null });
    expect(await alice.caller.capture.byId({ id: used.id })).toMatchObject({ matchedVersion: { number: 1 }, variableValues: { ticket: "Disk full" }, templateValues: null });
    expect(await alice.caller.capture.byId({ id: joined.id })).toMatchObject({ detectedPrompt: { id: detected.id, title: "Translate" }, template: { id: template.id }, templateValues: { text: "hi", language: "French" }, variableValues: null });
  });

  it("computes stats: totals, known cost only, unknown-cost calls, latency, by model and by decision", async () => {
    const alice = await makeUser(t.db);
    const bob = await makeUser(t.db);
    expect(await alice.caller.capture.stats()).toEqual({
      total: 0,
      errors: 0,
      inputTokens: 0,
      outputTokens: 0,
      costUsd: 0,
      unknownCostCalls: 0,
      avgLatencyMs: null,
      p95LatencyMs: null,
      byModel: [],
      byDecision: { same: 0, variant: 0, new: 0, skipped: 0, pending: 0 },
    });

    await base(alice.user.id, 1, { model: "gpt-4o-mini", latencyMs: 100, inputTokens: 100, outputTokens: 10, costUsd: "0.0015", decision: "same" });
    await base(alice.user.id, 2, { model: "gpt-4o-mini", latencyMs: 200, inputTokens: 50, outputTokens: 5, costUsd: "0.0005", decision: "new" });
    await base(alice.user.id, 3, { model: "gpt-4o-mini", latencyMs: 300, status: 500, error: "upstream", decision: "skipped" });
    // An unknown model: tokens count, its cost is unknown (never 0).
    await base(alice.user.id, 4, { model: "mystery-1", latencyMs: 1000, inputTokens: 7, outputTokens: 3, tokensEstimated: true });
    await base(bob.user.id, 5, { model: "gpt-4o-mini", latencyMs: 9999, inputTokens: 1000, costUsd: "5" });

    const stats = await alice.caller.capture.stats();
    expect(stats).toMatchObject({ total: 4, errors: 1, inputTokens: 157, outputTokens: 18, unknownCostCalls: 2, avgLatencyMs: 400, p95LatencyMs: 1000 });
    expect(stats.costUsd).toBeCloseTo(0.002, 10);
    expect(stats.byModel).toEqual([
      { model: "gpt-4o-mini", calls: 3, inputTokens: 150, outputTokens: 15, costUsd: 0.002, errors: 1, unknownCostCalls: 1 },
      { model: "mystery-1", calls: 1, inputTokens: 7, outputTokens: 3, costUsd: 0, errors: 0, unknownCostCalls: 1 },
    ]);
    expect(stats.byDecision).toEqual({ same: 1, variant: 0, new: 1, skipped: 1, pending: 1 });

    // A time window.
    const windowed = await alice.caller.capture.stats({ from: new Date(Date.UTC(2026, 0, 1, 12, 0, 2)), to: new Date(Date.UTC(2026, 0, 1, 12, 0, 3)) });
    expect(windowed).toMatchObject({ total: 2, errors: 1, inputTokens: 50, avgLatencyMs: 250, p95LatencyMs: 300, unknownCostCalls: 1 });
    expect(windowed.costUsd).toBeCloseTo(0.0005, 10);
    await rejects(alice.caller.capture.stats({ from: new Date(2026, 1, 1), to: new Date(2026, 0, 1) }), "BAD_REQUEST", /from/);
  });

  it("requires sign-in", async () => {
    const a = anonymous(t.db);
    await rejects(a.capture.list({}), "UNAUTHORIZED");
    await rejects(a.capture.byId({ id: "x" }), "UNAUTHORIZED");
    await rejects(a.capture.stats(), "UNAUTHORIZED");
  });
});
