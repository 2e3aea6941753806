// Harness batches through the router and the real background function (in-process runner), calling
// loopback fake providers through the official SDKs: bad input refused before anything is stored,
// progress, the per-provider concurrency limit, results and CSV, cancellation, and resume after a
// stop that repeats no finished cell and loses none.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { anonymous, makeUser } from "@/test/callers";
import { rejects } from "@/test/expect-trpc-error";
import { setUpTestDatabase } from "@/test/set-up-test-database";
import { defaultBehaviour, startFakeModelProvider } from "@/test/fake-model-provider";
import { batchCsv } from "@/server/domain/harness/batch-csv";
import { createHarnessBatch } from "./functions/harness-batch";
import { createHarnessBatchResume } from "./functions/harness-batch-resume";
import { startInProcessRunner, type InProcessRunner } from "./in-process-runner";
import { sendEvent } from "@/server/jobs/send-event";
import type { DomainError } from "@/server/domain/errors";
import Papa from "papaparse";

const t = setUpTestDatabase();

type Fake = Awaited<ReturnType<typeof startFakeModelProvider>>;
let openai: Fake;
let anthropic: Fake;
/** Milliseconds each fake waits before answering; tests change it. */
let latency = 0;
const saved: Record<string, string | undefined> = {};
const ENV = ["OPENAI_API_KEY", "OPENAI_BASE_URL", "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", "HARNESS_BATCH_CONCURRENCY", "HARNESS_BATCH_MAX_ROWS", "INNGEST_EVENT_KEY", "INNGEST_DEV", "INNGEST_BASE_URL"];

let runner: InProcessRunner | undefined;
let stopController = new AbortController();
const send = (batchId: string) => sendEvent("harness/batch.requested", { batchId });
function startRunner(chunkMs = 20_000) {
  stopController = new AbortController();
  const signal = stopController.signal;
  runner = startInProcessRunner({
    functions: [createHarnessBatch({ db: () => t.db, send, signal: () => signal, chunkMs }), createHarnessBatchResume({ db: () => t.db, send })],
    backoffMs: () => 10,
    logger: { info: () => {}, warn: () => {}, error: console.error },
  });
  return runner;
}

beforeAll(async () => {
  for (const k of ENV) saved[k] = process.env[k];
  const behave = (model: string, prompt: string) => ({ ...defaultBehaviour(model, prompt, { slowMs: 5000 }), delayMs: latency });
  // Two servers, one per provider, so each provider's calls in flight are counted on their own.
  openai = await startFakeModelProvider({ behave });
  anthropic = await startFakeModelProvider({ behave });
  Object.assign(process.env, {
    OPENAI_API_KEY: "sk-test-batch",
    OPENAI_BASE_URL: openai.baseUrl,
    ANTHROPIC_API_KEY: "sk-ant-test-batch",
    ANTHROPIC_BASE_URL: anthropic.baseUrl,
    INNGEST_EVENT_KEY: "",
    INNGEST_DEV: "",
    INNGEST_BASE_URL: "",
  });
});
afterEach(async () => {
  latency = 0;
  delete process.env.HARNESS_BATCH_CONCURRENCY;
  delete process.env.HARNESS_BATCH_MAX_ROWS;
  await runner?.stop();
  runner = undefined;
});
afterAll(async () => {
  await Promise.all([openai?.close(), anthropic?.close()]);
  for (const k of ENV) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

const BODY = "Write one line about {{topic}} in a {{tone|friendly}} tone.";
const TWO_MODELS = [
  { provider: "openai", model: "gpt-4o-mini" },
  { provider: "anthropic", model: "claude-3-5-haiku-latest" },
];
const topics = (n: number, tag = "t") => Array.from({ length: n }, (_, i) => ({ topic: `${tag}${i}` }));

async function setUp(visibility: "public" | "private" = "private") {
  const owner = await makeUser(t.db);
  const prompt = await owner.caller.prompt.create({ title: "Batch subject", category: "writing", body: BODY, visibility });
  return { ...owner, versionId: prompt.version.id, promptId: prompt.id };
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > until) throw new Error(`timed out waiting; last: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Fake requests per (row prompt, model), across both providers. */
function requestCounts() {
  const counts = new Map<string, number>();
  for (const r of [...openai.requests, ...anthropic.requests]) counts.set(`${r.model}|${r.prompt}`, (counts.get(`${r.model}|${r.prompt}`) ?? 0) + 1);
  return counts;
}
const rendered = (topic: string) => `Write one line about ${topic} in a friendly tone.`;

describe("harness.batch: refused before anything is stored", () => {
  it("names the problem: unreadable version, rows by row and column, the row limit, models, assertions", async () => {
    const { caller, actor, versionId } = await setUp();
    const stranger = await makeUser(t.db);
    await rejects(stranger.caller.harness.batch({ versionId, rows: topics(2), models: TWO_MODELS }), "NOT_FOUND");
    await rejects(anonymous(t.db).harness.batch({ versionId, rows: topics(2), models: TWO_MODELS }), "UNAUTHORIZED");

    let e = await rejects(caller.harness.batch({ versionId, rows: [{ topic: "bees" }, { tone: "dry" }, { topic: 7 }], models: TWO_MODELS }), "BAD_REQUEST");
    expect(e.message).toContain("row 2, column topic: has no value for {{topic}}");
    expect(e.message).toContain("row 3, column topic: is a number");
    expect((e.cause as DomainError).fieldErrors).toMatchObject({ "rows.2.topic": [expect.any(String)], "rows.3.topic": [expect.any(String)] });

    e = await rejects(caller.harness.batch({ versionId, file: { format: "csv", text: "topic,colour\nbees,red\nants\n" }, models: TWO_MODELS }), "BAD_REQUEST");
    expect(e.message).toContain('header, column colour: column "colour" is not a variable');
    expect(e.message).toContain("row 2: has 1 field, the header has 2");

    e = await rejects(caller.harness.batch({ versionId, file: { format: "jsonl", text: '{"topic":"a"}\n{oops\n' }, models: TWO_MODELS }), "BAD_REQUEST");
    expect(e.message).toMatch(/row 2: line 2 is not valid JSON/);

    process.env.HARNESS_BATCH_MAX_ROWS = "5";
    e = await rejects(caller.harness.batch({ versionId, rows: topics(6), models: TWO_MODELS }), "BAD_REQUEST");
    expect(e.message).toBe("rows: there are 6 rows; a batch may have at most 5");
    expect((e.cause as DomainError).fieldErrors).toEqual({ rows: ["there are 6 rows; a batch may have at most 5"] });
    e = await rejects(caller.harness.batch({ versionId, file: { format: "csv", text: `topic\n${"x\n".repeat(6)}` }, models: TWO_MODELS }), "BAD_REQUEST");
    expect(e.message).toMatch(/^rows: there are 6 rows/);

    const nine = Array.from({ length: 9 }, () => TWO_MODELS[0]);
    await rejects(caller.harness.batch({ versionId, rows: topics(1), models: nine }), "BAD_REQUEST", /pick at most 8 models/);
    await rejects(caller.harness.batch({ versionId, rows: topics(1), models: [{ provider: "openai", model: "no-such-model" }] }), "BAD_REQUEST", /Unknown model "no-such-model"/);
    await rejects(caller.harness.batch({ versionId, rows: topics(1), models: [{ provider: "nope", model: "x" }] }), "BAD_REQUEST", /Unknown provider "nope"/);
    await rejects(caller.harness.batch({ versionId, rows: topics(1), models: TWO_MODELS, assertions: [{ type: "regex", value: "(" }] }), "BAD_REQUEST", /is not a valid regex/);

    expect(await t.db.harnessBatch.count({ where: { ownerId: actor.id } })).toBe(0);
    expect(await t.db.harnessBatchRow.count()).toBe(0);
    expect(await t.db.harnessBatchCell.count()).toBe(0);
  });
});

describe("a batch runs in the background", () => {
  it("stores rows × models, shows progress, respects the per-provider limit, ends in results and a CSV", async () => {
    process.env.HARNESS_BATCH_CONCURRENCY = "3";
    latency = 30;
    startRunner();
    const openaiBefore = openai.requests.length;
    const { caller, actor, versionId, promptId } = await setUp();
    const rows = topics(24, "prog");
    const { batchId } = await caller.harness.batch({
      versionId,
      file: { format: "csv", text: Papa.unparse(rows) },
      models: [...TWO_MODELS, { provider: "openai", model: "json-model" }],
      assertions: [{ type: "contains", value: "says" }, { type: "latency", value: 10_000 }],
    });
    const seen: number[] = [];
    const final = await waitFor(
      () => caller.harness.batchStatus({ batchId }),
      (s) => {
        seen.push(s.done + s.errored);
        expect(s.done + s.errored + s.pending).toBe(72);
        return s.status === "done";
      },
    );
    expect(final).toMatchObject({ rowCount: 24, cellCount: 72, done: 72, errored: 0, pending: 0, progress: 1, etaMs: null });
    // Progress was seen moving, not only at 0 and at the end.
    expect(new Set(seen.filter((n) => n > 0 && n < 72)).size).toBeGreaterThan(2);
    // 3 at a time per provider: the limit reached, never exceeded.
    expect(openai.maxInFlight()).toBe(3);
    expect(anthropic.maxInFlight()).toBe(3);
    expect(openai.requests.length - openaiBefore).toBe(48);

    // Stored with the time each cell finished (UTC, as Prisma writes it).
    const times = await t.db.harnessBatchCell.aggregate({ where: { batchId }, _min: { finishedAt: true }, _max: { finishedAt: true } });
    expect(times._min.finishedAt!.getTime()).toBeGreaterThanOrEqual(final.startedAt!.getTime());
    expect(times._max.finishedAt!.getTime()).toBeLessThanOrEqual(Date.now());
    const results = await caller.harness.batchResults({ batchId, limit: 10 });
    expect(results.rows).toHaveLength(10);
    expect(results.rows[0].variables).toEqual({ topic: "prog0" });
    expect(results.rows[0].cells.map((c) => c.status)).toEqual(["done", "done", "done"]);
    expect(results.rows[0].cells[0].output).toBe("gpt-4o-mini says: Write one line about prog0 in a friendly");
    const [gpt, claude, json] = results.summary.perModel;
    expect(gpt).toMatchObject({ model: "gpt-4o-mini", done: 24, passRate: 1 });
    expect(claude).toMatchObject({ model: "claude-3-5-haiku-latest", done: 24, passRate: 1 });
    // json-model answers JSON without "says", and has no price: cost unknown, never 0.
    expect(json).toMatchObject({ model: "json-model", passRate: 0, totalCostUsd: null, costPerRowUsd: null });
    expect(Number(gpt.totalCostUsd)).toBeGreaterThan(0);
    expect(Number(gpt.costPerRowUsd)).toBeCloseTo(Number(gpt.totalCostUsd) / 24, 8);
    expect(gpt.avgLatencyMs).toBeGreaterThanOrEqual(30);
    expect(gpt.p95LatencyMs).toBeGreaterThanOrEqual(gpt.avgLatencyMs!);
    expect(results.summary.totalCostUsd).toBeNull();
    expect(results.summary.perAssertion.map((a) => [a.type, a.passRate, a.byModel])).toEqual([
      ["contains", 2 / 3, [1, 1, 0]],
      ["latency", 1, [1, 1, 1]],
    ]);

    const list = await caller.harness.batchList({ promptId });
    expect(list.map((b) => [b.id, b.status, b.done])).toEqual([[batchId, "done", 72]]);
    expect((await caller.harness.batchList({ versionId }))[0].id).toBe(batchId);

    const { chunks, fileName } = await batchCsv(t.db, actor, batchId);
    let csv = "";
    for await (const c of chunks) csv += c;
    const parsed = Papa.parse<Record<string, string>>(csv.trim(), { header: true });
    expect(fileName).toMatch(/^batch-subject-.*-v1-batch-.+\.csv$/);
    expect(parsed.data).toHaveLength(72);
    expect(parsed.meta.fields).toEqual(["row", "topic", "tone", "provider", "model", "status", "output", "error", "input_tokens", "output_tokens", "tokens_estimated", "cost_usd", "ttft_ms", "latency_ms", "finish_reason", "assert_1_contains", "assert_2_latency", "all_passed"]);
    expect(parsed.data[2]).toMatchObject({ row: "1", topic: "prog0", model: "json-model", status: "done", cost_usd: "unknown", assert_1_contains: "fail", all_passed: "false" });

    // Owner only: anyone else is told the batch does not exist.
    const stranger = await makeUser(t.db);
    await rejects(stranger.caller.harness.batchStatus({ batchId }), "NOT_FOUND");
    await rejects(stranger.caller.harness.batchResults({ batchId }), "NOT_FOUND");
    await rejects(stranger.caller.harness.cancel({ batchId }), "NOT_FOUND");
    await expect(batchCsv(t.db, stranger.actor, batchId)).rejects.toThrow("Batch not found");
    await rejects(caller.harness.cancel({ batchId }), "CONFLICT", /already finished/);
  });

  it("refuses another's private prompt in batchList", async () => {
    const { versionId } = await setUp("private");
    const stranger = await makeUser(t.db);
    await rejects(stranger.caller.harness.batchList({ versionId }), "NOT_FOUND");
  });
});

describe("cancel and resume", () => {
  it("cancel stops the calls in flight; finished cells are kept, the rest stay pending", async () => {
    process.env.HARNESS_BATCH_CONCURRENCY = "2";
    latency = 150;
    startRunner();
    const { caller, versionId } = await setUp();
    const { batchId } = await caller.harness.batch({ versionId, rows: topics(30, "cancel"), models: TWO_MODELS });
    await waitFor(() => caller.harness.batchStatus({ batchId }), (s) => s.done >= 4);
    expect(await caller.harness.cancel({ batchId })).toEqual({ status: "cancelled" });
    const cancelledAt = Date.now();
    await runner!.idle();
    // The runner gave up within a call's time: the calls in flight were aborted, not awaited.
    expect(Date.now() - cancelledAt).toBeLessThan(1000);
    const after = await caller.harness.batchStatus({ batchId });
    expect(after.status).toBe("cancelled");
    expect(after.done).toBeGreaterThanOrEqual(4);
    expect(after.pending).toBeGreaterThan(40);
    await new Promise((r) => setTimeout(r, 400));
    expect((await caller.harness.batchStatus({ batchId })).done).toBe(after.done);
    expect(await caller.harness.cancel({ batchId })).toEqual({ status: "cancelled" });
  });

  it("a stop mid-batch, then resume: finished cells are never repeated, none is lost", async () => {
    process.env.HARNESS_BATCH_CONCURRENCY = "4";
    latency = 60;
    startRunner();
    const { caller, versionId } = await setUp();
    const rows = topics(25, "resume");
    const { batchId } = await caller.harness.batch({ versionId, rows, models: TWO_MODELS });
    await waitFor(() => caller.harness.batchStatus({ batchId }), (s) => s.done >= 10);
    // The process stops: calls in flight are cut, the runner goes away.
    stopController.abort();
    await runner!.stop();
    const stopped = await t.db.harnessBatchCell.findMany({ where: { batchId, status: "done" }, select: { rowIndex: true, model: true } });
    const atStop = await caller.harness.batchStatus({ batchId });
    expect(atStop.status).toBe("running");
    expect(atStop.pending).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 200));
    expect((await caller.harness.batchStatus({ batchId })).done).toBe(stopped.length);

    // The next start: the resume event finds the running batch and runs what is pending.
    startRunner();
    await sendEvent("harness/batches.resume", { createdBefore: new Date().toISOString() });
    const end = await waitFor(() => caller.harness.batchStatus({ batchId }), (s) => s.status === "done");
    await runner!.idle();
    expect(end).toMatchObject({ done: 50, pending: 0, errored: 0 });
    const counts = requestCounts();
    for (const cell of stopped) expect(counts.get(`${cell.model}|${rendered(rows[cell.rowIndex].topic)}`)).toBe(1);
    for (const { topic } of rows) for (const m of TWO_MODELS) expect(counts.get(`${m.model}|${rendered(topic)}`)).toBeGreaterThanOrEqual(1);
  });

  it("a batch whose provider lost its key fails as a whole, saying why", async () => {
    startRunner();
    const { caller, versionId } = await setUp();
    // Stored while the key was set, then the key is removed before the job runs.
    await runner!.stop();
    const { batchId } = await caller.harness.batch({ versionId, rows: topics(2, "nokey"), models: TWO_MODELS });
    delete process.env.ANTHROPIC_API_KEY;
    try {
      startRunner();
      await send(batchId);
      await runner!.idle();
      const status = await caller.harness.batchStatus({ batchId });
      expect(status.status).toBe("failed");
      expect(status.error).toMatch(/Provider "anthropic" is not configured/);
    } finally {
      process.env.ANTHROPIC_API_KEY = "sk-ant-test-batch";
    }
  });

  it("removing one's own provider stops the batches calling it at once, keeping finished cells", async () => {
    startRunner();
    const { caller, versionId } = await setUp();
    const own = await caller.provider.add({ name: "mybox", kind: "openai-compatible", baseUrl: openai.baseUrl, apiKey: "sk-own-box-key-1234" });
    latency = 150;
    const { batchId } = await caller.harness.batch({ versionId, rows: topics(40, "removed"), models: [{ provider: "mybox", model: "gpt-4o-mini" }] });
    await expect.poll(async () => (await caller.harness.batchStatus({ batchId })).done, { timeout: 10_000 }).toBeGreaterThan(0);
    await caller.provider.remove({ id: own.id });
    const callsAtRemoval = openai.requests.filter((r) => r.prompt.includes("removed")).length;
    await runner!.idle();
    const status = await caller.harness.batchStatus({ batchId });
    expect(status.status).toBe("failed");
    expect(status.error).toMatch(/Provider "mybox" was removed/);
    // Only the calls already in flight when it was removed (at most the provider limit) went out after.
    const callsAfter = openai.requests.filter((r) => r.prompt.includes("removed")).length - callsAtRemoval;
    expect(callsAfter).toBeLessThanOrEqual(10);
    expect(status.pending).toBeGreaterThan(0);
  });
});
