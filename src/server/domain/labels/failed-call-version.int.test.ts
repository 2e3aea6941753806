// A failed captured call of a library version is matched to that version (by text only, decision
// still "skipped", no use recorded), so a label split's results count its errors per version; and
// calls of a split's versions are matched whichever of them `latest` and `production` name.
import { describe, expect, it } from "vitest";
import { flushUsage } from "@/server/domain/analytics/record-usage";
import { localEmbedder } from "@/server/domain/embeddings/local-embedder";
import { identifyCapture } from "@/server/domain/identity/identify-capture";
import { makeUser } from "@/test/callers";
import { setUpTestDatabase } from "@/test/set-up-test-database";

const t = setUpTestDatabase();

describe("failed captured calls in a split's results", () => {
  it("matches a failed call to the version it rendered, and the split's error rate counts it", async () => {
    const { caller, user } = await makeUser(t.db);
    const p = await caller.prompt.create({ title: "Triage", category: "support", body: "Triage this ticket for the support team, shortest first: {{ticket}}" });
    const v2 = await caller.version.create({ promptId: p.id, body: "Triage this ticket for the support team, most urgent first: {{ticket}}" });
    await caller.label.set({ promptId: p.id, name: "ab", versionId: p.version.id, splitVersionId: v2.id, splitPercent: 50 });
    const call = (text: string, status: number) =>
      t.db.capture.create({
        data: {
          ownerId: user.id, provider: "openai", endpoint: "/v1/chat/completions", method: "POST", model: "gpt-4o-mini", status, latencyMs: 30, promptText: text,
          requestBody: { model: "gpt-4o-mini", messages: [{ role: "system", content: text }, { role: "user", content: "go" }] },
          createdAt: new Date(Date.now() + 1_000),
        },
      });
    const failedV2 = await call("Triage this ticket for the support team, most urgent first: Printer on fire", 500);
    const failedOther = await call("Something that is no version of anything in this library at all", 500);
    const okV2 = await call("Triage this ticket for the support team, most urgent first: Disk full", 200);
    const okV1 = await call("Triage this ticket for the support team, shortest first: Disk full", 200);
    for (const c of [failedV2, failedOther, okV2, okV1]) await identifyCapture(t.db, c.id, localEmbedder);

    expect(await t.db.capture.findUniqueOrThrow({ where: { id: failedV2.id } })).toMatchObject({ decision: "skipped", matchedVersionId: v2.id, matchedPromptId: null });
    expect(await t.db.capture.findUniqueOrThrow({ where: { id: failedOther.id } })).toMatchObject({ decision: "skipped", matchedVersionId: null });
    // v1 is behind no label but the split: its render is still a "same" use of v1.
    expect(await t.db.capture.findUniqueOrThrow({ where: { id: okV1.id } })).toMatchObject({ decision: "same", matchedVersionId: p.version.id });
    await flushUsage(t.db);
    // Only the successful calls are captured uses.
    expect(await t.db.usageEvent.count({ where: { promptId: p.id, kind: "captured_use" } })).toBe(2);

    const results = await caller.label.results({ promptId: p.id, name: "ab" });
    expect(results.versions.map((v) => [v.number, v.captured.calls, v.captured.errors, v.captured.errorRate])).toEqual([
      [1, 1, 0, 0],
      [2, 2, 1, 0.5],
    ]);
  });
});
