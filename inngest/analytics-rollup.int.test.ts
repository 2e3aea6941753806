// The analytics job through the real background function (in-process runner): sendEvent
// analytics/rollup.requested rolls usage events up and recomputes trending.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { makeUser } from "@/test/callers";
import { setUpTestDatabase } from "@/test/set-up-test-database";
import { sendEvent } from "@/server/jobs/send-event";
import { createAnalyticsRollup } from "./functions/analytics-rollup";
import { startInProcessRunner, type InProcessRunner } from "./in-process-runner";

const t = setUpTestDatabase();
const ENV = ["INNGEST_EVENT_KEY", "INNGEST_DEV", "INNGEST_BASE_URL"];
const saved: Record<string, string | undefined> = {};
let runner: InProcessRunner | undefined;

beforeAll(() => {
  for (const k of ENV) saved[k] = process.env[k];
  Object.assign(process.env, { INNGEST_EVENT_KEY: "", INNGEST_DEV: "", INNGEST_BASE_URL: "" });
});
afterEach(async () => {
  await runner?.stop();
  runner = undefined;
});
afterAll(() => {
  for (const k of ENV) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

describe("analytics/rollup.requested", () => {
  it("rolls up the complete hours and writes trending scores", async () => {
    const { caller, user } = await makeUser(t.db);
    const prompt = await caller.prompt.create({ title: "Job-rolled prompt", category: "writing", body: "Hello {{name}}" });
    const hour = 3_600_000;
    const start = Math.floor(Date.now() / hour) * hour - 3 * hour;
    await t.db.usageEvent.createMany({
      data: ["a", "b", "c"].map((person, i) => ({ kind: "like" as const, source: "web" as const, at: new Date(start + i * 60_000), promptId: prompt.id, ownerId: user.id, viewerKey: person, actorId: person })),
    });
    runner = startInProcessRunner({ functions: [createAnalyticsRollup({ db: () => t.db })], backoffMs: () => 10, logger: { info: () => {}, warn: () => {}, error: () => {} } });
    await sendEvent("analytics/rollup.requested", {});
    await runner.idle();

    const state = await t.db.analyticsState.findUniqueOrThrow({ where: { id: "rollup" } });
    expect(state.rolledUpTo.getTime()).toBeGreaterThan(start);
    expect(state.trendingAt).not.toBeNull();
    const row = await t.db.usageRollup.findFirstOrThrow({ where: { granularity: "hour", scope: "prompt", scopeId: prompt.id, kind: "like" } });
    expect(row).toMatchObject({ bucket: new Date(start), count: 3, actors: 3 });
    const scored = await t.db.prompt.findUniqueOrThrow({ where: { id: prompt.id }, select: { trending24h: true, trending7d: true, trending30d: true } });
    expect(scored.trending24h).toBeGreaterThan(0);
    expect(scored.trending7d).toBeGreaterThan(0);
    expect(scored.trending30d).toBeGreaterThan(0);
  });
});
