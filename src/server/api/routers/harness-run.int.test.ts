import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { anonymous, makeUser } from "@/test/callers";
import { setUpTestDatabase } from "@/test/set-up-test-database";
import { rejects } from "@/test/expect-trpc-error";
import { DEFAULT_OPENAI_MODELS, defaultBehaviour, startFakeModelProvider, type FakeModelRequest, type ModelBehaviour } from "@/test/fake-model-provider";
import { DomainError } from "@/server/domain/errors";
import { runSettled } from "@/server/domain/harness/live-run-bus";
import type { RunStreamEvent } from "@/server/domain/harness/stream-run";
import { estimateTokens } from "@/shared/models/token-estimate";
import { costUsd } from "@/shared/models/model-prices";
import type { Assertion } from "@/shared/harness/assertions";
import superjson from "superjson";
import { serveTrpcHttp, TRPC_ENDPOINT } from "@/server/api/http-handler";

const t = setUpTestDatabase();

const body = "Summarise {{document}} in {{length|three}} bullet points";
const PROMPT = "Summarise the Q3 report in three bullet points";
const TIMEOUT_MS = 3000;

let fake: Awaited<ReturnType<typeof startFakeModelProvider>>;

/** The judge answers by the rubric's first word; gpt-4.1-nano as a judge rambles instead of answering JSON. */
function behave(model: string, prompt: string, request: FakeModelRequest): ModelBehaviour {
  if (request.system?.includes("strict grader") && !model.startsWith("broken")) {
    if (model === "gpt-4.1-nano") return { text: "Looks fine to me." };
    const rubric = /Rubric:\n<<<\n([\s\S]*?)\n>>>/.exec(prompt)?.[1] ?? "";
    const pass = rubric.startsWith("PASS-ME");
    return { text: "```json\n" + JSON.stringify({ pass, score: pass ? 0.9 : 0.2, reason: pass ? "It names the report." : "It never mentions bananas." }) + "\n```" };
  }
  // Priced like gpt-4o-mini (the price table matches the family) but sends no usage.
  if (model === "gpt-4o-mini-nousage") return { ...defaultBehaviour("gpt-4o-mini", prompt, { slowMs: 0 }), text: `${model} says: ${prompt}`, noUsage: true };
  if (model === "drip-model") return { text: `${model} says: ${prompt}`, chunkDelayMs: 40 };
  return defaultBehaviour(model, prompt, { slowMs: 8000 });
}

beforeAll(async () => {
  fake = await startFakeModelProvider({ openaiModels: [...DEFAULT_OPENAI_MODELS, "gpt-4o-mini-nousage", "drip-model"], behave });
  // The built-in providers pointed at the loopback fake (env is read lazily); the local embedder, not OpenAI's.
  vi.stubEnv("OPENAI_API_KEY", "sk-test-run");
  vi.stubEnv("OPENAI_BASE_URL", fake.baseUrl);
  vi.stubEnv("ANTHROPIC_API_KEY", "sk-ant-test-run");
  vi.stubEnv("ANTHROPIC_BASE_URL", fake.baseUrl);
  vi.stubEnv("EMBEDDING_PROVIDER", "local");
  vi.stubEnv("HARNESS_TIMEOUT_MS", String(TIMEOUT_MS));
  // A compatible server that is down: its model list cannot be fetched.
  vi.stubEnv("HARNESS_PROVIDERS", JSON.stringify([{ name: "down", baseUrl: "http://127.0.0.1:9/v1" }]));
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await fake.close();
});

async function promptOf(visibility: "public" | "private" = "private") {
  const owner = await makeUser(t.db);
  const p = await owner.caller.prompt.create({ title: "Report summariser", category: "writing", body, visibility });
  return { owner, p, versionId: p.version.id };
}

type Caller = Awaited<ReturnType<typeof makeUser>>["caller"];

/** Runs and waits until every cell has finished; answers the stored run. */
async function runToEnd(caller: Caller, input: Parameters<Caller["harness"]["run"]>[0]) {
  const { runId } = await caller.harness.run(input);
  await runSettled(runId);
  return caller.harness.get({ runId });
}

async function collect(stream: AsyncIterable<RunStreamEvent>) {
  const events: RunStreamEvent[] = [];
  for await (const e of stream) events.push(e);
  return events;
}

/** The fields a 400 names, from a domain error or a zod error. */
function fieldsOf(e: TRPCError): string[] {
  const cause = e.cause;
  if (cause instanceof DomainError) return Object.keys(cause.fieldErrors ?? {});
  if (cause instanceof ZodError) return cause.issues.map((i) => i.path.join("."));
  return [];
}

const modelCalls = () => fake.requests.filter((r) => !r.path.endsWith("/models")).length;

describe("harness.run / get", () => {
  it("answers {runId} at once, then stores each model's streamed output, tokens, cost, timings and finish reason", async () => {
    const { owner, p, versionId } = await promptOf();
    const { runId } = await owner.caller.harness.run({
      versionId,
      variables: { document: "the Q3 report" },
      models: [
        { provider: "openai", model: "gpt-4o-mini", params: { temperature: 0.3, maxTokens: 200, system: "Be brief." } },
        { provider: "anthropic", model: "claude-3-5-haiku-latest" },
        { provider: "openai", model: "json-model" },
      ],
    });
    const pending = await owner.caller.harness.get({ runId });
    expect(pending.results.map((r) => [r.position, r.model])).toEqual([[0, "gpt-4o-mini"], [1, "claude-3-5-haiku-latest"], [2, "json-model"]]);

    await runSettled(runId);
    const run = await owner.caller.harness.get({ runId });
    expect(run).toMatchObject({ id: runId, versionId, promptId: p.id, versionNumber: 1, status: "done", renderedText: PROMPT, candidateBody: null, variables: { document: "the Q3 report" } });
    expect(run.finishedAt).toBeInstanceOf(Date);

    const [gpt, claude, json] = run.results;
    expect(gpt).toMatchObject({ provider: "openai", model: "gpt-4o-mini", status: "done", params: { temperature: 0.3, maxTokens: 200, system: "Be brief." }, output: `gpt-4o-mini says: ${PROMPT}`, finishReason: "stop", error: null, tokensEstimated: false });
    // Usage as the provider streamed it (the fake counts four characters a token).
    expect(gpt.inputTokens).toBe(Math.ceil(`Be brief.${PROMPT}`.length / 4));
    expect(gpt.outputTokens).toBe(Math.ceil(gpt.output.length / 4));
    expect(gpt.costUsd).toBe(costUsd("gpt-4o-mini", { inputTokens: gpt.inputTokens!, outputTokens: gpt.outputTokens!, cachedTokens: 0 }, new Date()));
    expect(Number(gpt.costUsd)).toBeGreaterThan(0);
    expect(gpt.ttftMs).toBeGreaterThanOrEqual(0);
    expect(gpt.latencyMs).toBeGreaterThanOrEqual(gpt.ttftMs!);
    const sent = fake.requests.find((r) => r.model === "gpt-4o-mini" && r.prompt === PROMPT)!;
    expect(sent.system).toBe("Be brief.");
    expect(sent.body).toMatchObject({ temperature: 0.3, max_completion_tokens: 200, stream: true });

    expect(claude).toMatchObject({ provider: "anthropic", model: "claude-3-5-haiku-latest", status: "done", output: `claude-3-5-haiku-latest says: ${PROMPT}`, finishReason: "end_turn", tokensEstimated: false });
    expect(claude.inputTokens).toBe(Math.ceil(PROMPT.length / 4));
    expect(Number(claude.costUsd)).toBeGreaterThan(0);

    // A model without a price: cost unknown (null), never 0.
    expect(JSON.parse(json.output)).toMatchObject({ model: "json-model", ok: true });
    expect(json.costUsd).toBeNull();
    expect(json.outputTokens).toBeGreaterThan(0);
  });

  it("estimates tokens when the provider sends no usage, marks them so, and prices them when the model has a price", async () => {
    const { owner, versionId } = await promptOf();
    const run = await runToEnd(owner.caller, {
      versionId,
      variables: { document: "the Q3 report" },
      models: [{ provider: "openai", model: "nousage-model" }, { provider: "openai", model: "gpt-4o-mini-nousage" }],
    });
    const [unpriced, priced] = run.results;
    expect(unpriced).toMatchObject({ status: "done", tokensEstimated: true, inputTokens: estimateTokens(PROMPT), outputTokens: estimateTokens(unpriced.output), costUsd: null });
    expect(priced).toMatchObject({ status: "done", tokensEstimated: true, inputTokens: estimateTokens(PROMPT) });
    expect(priced.costUsd).toBe(costUsd("gpt-4o-mini", { inputTokens: priced.inputTokens!, outputTokens: priced.outputTokens!, cachedTokens: 0 }, new Date()));
  });

  it("times out a slow model and fails a broken one while the others finish on time", async () => {
    const { owner, versionId } = await promptOf();
    const { runId } = await owner.caller.harness.run({
      versionId,
      variables: { document: "the Q3 report" },
      models: [{ provider: "openai", model: "slow-model" }, { provider: "openai", model: "gpt-4o-mini" }, { provider: "openai", model: "broken-model" }, { provider: "anthropic", model: "claude-sonnet-4-5" }],
      assertions: [{ type: "contains", value: "says" }],
    });
    // {runId} came back at once: the slow model has not answered yet.
    const justStarted = await owner.caller.harness.get({ runId });
    expect(justStarted.status).toBe("running");
    expect(["pending", "running"]).toContain(justStarted.results[0].status);
    // The fast cells are finished long before the slow one's deadline.
    await expect.poll(async () => (await owner.caller.harness.get({ runId })).results.filter((r) => r.status !== "pending" && r.status !== "running").length, { timeout: TIMEOUT_MS - 500, interval: 50 }).toBe(3);
    const early = await owner.caller.harness.get({ runId });
    expect(early.status).toBe("running");
    expect(early.results[0].status).toBe("running");

    await runSettled(runId);
    const run = await owner.caller.harness.get({ runId });
    const [slow, gpt, broken, sonnet] = run.results;
    expect(slow).toMatchObject({ status: "error", error: `timed out after ${TIMEOUT_MS} ms`, costUsd: null });
    expect(slow.latencyMs).toBeGreaterThanOrEqual(TIMEOUT_MS);
    expect(slow.assertions).toEqual([{ type: "contains", value: "says", pass: false, detail: "the call failed" }]);
    expect(broken.status).toBe("error");
    expect(broken.error).toMatch(/500/);
    for (const ok of [gpt, sonnet]) {
      expect(ok.status).toBe("done");
      expect(ok.latencyMs).toBeLessThan(TIMEOUT_MS);
      expect(ok.finishedAt!.getTime()).toBeLessThan(slow.finishedAt!.getTime());
      expect(ok.assertions[0]).toMatchObject({ type: "contains", pass: true });
    }
    expect(run.status).toBe("done");
  });

  it("tries a candidate body with the same variables and stores it", async () => {
    const { owner, versionId } = await promptOf();
    const run = await runToEnd(owner.caller, {
      versionId,
      variables: { document: "the Q3 report" },
      candidateBody: "Explain {{document}} in {{length|three}} short sentences",
      models: [{ provider: "openai", model: "gpt-4o-mini" }],
    });
    expect(run.candidateBody).toBe("Explain {{document}} in {{length|three}} short sentences");
    expect(run.renderedText).toBe("Explain the Q3 report in three short sentences");
    expect(run.results[0].output).toBe("gpt-4o-mini says: Explain the Q3 report in three short sentences");
  });
});

describe("assertions", () => {
  const sameAsOutput = `gpt-4o-mini says: ${PROMPT}`;
  const schemaOk = { type: "object", required: ["ok", "model"], properties: { ok: { const: true }, model: { type: "string" } } };
  const schemaBad = { type: "object", required: ["missing"] };
  const assertions: Assertion[] = [
    { type: "contains", value: "says:" },
    { type: "contains", value: "banana" },
    { type: "icontains", value: "SUMMARISE" },
    { type: "icontains", value: "BANANA" },
    { type: "not-contains", value: "banana" },
    { type: "not-contains", value: "says" },
    { type: "equals", value: ` ${sameAsOutput}\n` },
    { type: "equals", value: "something else" },
    { type: "regex", value: "says: \\w+" },
    { type: "regex", value: "^\\d+$" },
    { type: "is-json" },
    { type: "is-json", value: schemaOk },
    { type: "is-json", value: schemaBad },
    { type: "latency", value: 10_000 },
    { type: "latency", value: 1 },
    { type: "cost", value: 1 },
    { type: "cost", value: 0 },
    { type: "similar", value: sameAsOutput },
    { type: "similar", value: "Quantum chromodynamics of the gluon plasma at high energy", threshold: 0.5 },
    { type: "llm-rubric", value: "PASS-ME: the answer names the report" },
    { type: "llm-rubric", value: "FAIL-ME: the answer talks about bananas", provider: "anthropic", model: "claude-3-5-haiku-latest" },
    { type: "llm-rubric", value: "PASS-ME: anything", provider: "openai", model: "gpt-4.1-nano" },
    { type: "llm-rubric", value: "PASS-ME: anything", provider: "openai", model: "broken-model" },
  ];

  it("checks every assertion type per cell, pass and fail, and stores each result with its detail", async () => {
    const { owner, versionId } = await promptOf();
    const before = fake.requests.length;
    // A run takes at most 20 assertions: two runs, their results read as one list.
    const models = [{ provider: "openai", model: "gpt-4o-mini" }, { provider: "openai", model: "json-model" }];
    const [textRun, modelRun] = await Promise.all([
      runToEnd(owner.caller, { versionId, variables: { document: "the Q3 report" }, models, assertions: assertions.slice(0, 13) }),
      runToEnd(owner.caller, { versionId, variables: { document: "the Q3 report" }, models, assertions: assertions.slice(13) }),
    ]);
    const [gpt, json] = textRun.results.map((r, i) => ({ ...r, assertions: [...r.assertions, ...modelRun.results[i].assertions] }));
    expect(gpt.assertions).toHaveLength(assertions.length);
    const byIndex = (cell: typeof gpt) => cell.assertions.map((a) => a.pass);
    expect(byIndex(gpt)).toEqual([
      true, false, // contains
      true, false, // icontains
      true, false, // not-contains
      true, false, // equals (trimmed)
      true, false, // regex
      false, false, false, // is-json (not JSON)
      true, false, // latency
      true, false, // cost
      true, false, // similar
      true, false, // llm-rubric: own model as judge, then anthropic's
      false, false, // a judge that rambles, a judge that fails
    ]);
    expect(gpt.assertions.map((a) => a.type)).toEqual(assertions.map((a) => a.type));
    expect(gpt.assertions[1]).toEqual({ type: "contains", value: "banana", pass: false, detail: 'does not contain "banana"' });
    expect(gpt.assertions[10].detail).toMatch(/is not JSON/);
    expect(gpt.assertions[14].detail).toMatch(/ms > 1 ms/);
    expect(gpt.assertions[16].detail).toMatch(/> \$0/);
    expect(gpt.assertions[17].detail).toMatch(/similarity 1\.000 ≥ 0\.8 \(local-ngram-256\)/);
    expect(gpt.assertions[18].detail).toMatch(/similarity 0\.\d+ < 0\.5/);
    expect(gpt.assertions[19]).toMatchObject({ pass: true, score: 0.9, detail: "pass, score 0.9 (judged by openai/gpt-4o-mini): It names the report." });
    expect(gpt.assertions[20]).toMatchObject({ pass: false, score: 0.2, detail: "fail, score 0.2 (judged by anthropic/claude-3-5-haiku-latest): It never mentions bananas." });
    expect(gpt.assertions[21].detail).toMatch(/^the judge's answer was not a verdict \(judged by openai\/gpt-4\.1-nano\)/);
    expect(gpt.assertions[22].detail).toMatch(/^the judge failed \(judged by openai\/broken-model\): .*500/);

    // The JSON cell: valid JSON, matching one schema and not the other; the unpriced model's cost is unknown.
    expect(json.assertions[10]).toMatchObject({ type: "is-json", pass: true, value: null });
    expect(json.assertions[11]).toMatchObject({ type: "is-json", pass: true, value: schemaOk, detail: "is valid JSON matching the schema" });
    expect(json.assertions[12]).toMatchObject({ type: "is-json", pass: false, value: schemaBad });
    expect(json.assertions[12].detail).toMatch(/does not match the schema: output must have required property 'missing'/);
    expect(json.assertions[15]).toMatchObject({ type: "cost", pass: false, detail: "cost unknown (the model has no price)" });

    // The judge saw the rubric and the output it grades, with the grader's instructions.
    // (Each cell asks the judge; the cells finish in any order, so look for the one grading this output.)
    const judged = fake.requests.slice(before).filter((r) => r.system?.includes("strict grader") && r.model === "claude-3-5-haiku-latest");
    expect(judged.some((r) => r.prompt.includes("FAIL-ME: the answer talks about bananas") && r.prompt.includes(sameAsOutput))).toBe(true);
  });

  it("fails every assertion of a cell whose call failed, without asking a judge", async () => {
    const { owner, versionId } = await promptOf();
    const before = fake.requests.length;
    const run = await runToEnd(owner.caller, { versionId, variables: { document: "the Q3 report" }, models: [{ provider: "openai", model: "broken-model" }], assertions: assertions.slice(3) });
    expect(run.results[0].assertions.every((a) => !a.pass && a.detail === "the call failed")).toBe(true);
    expect(fake.requests.slice(before).filter((r) => r.system?.includes("strict grader"))).toHaveLength(0);
  });
});

describe("harness.stream", () => {
  it("sends the run, then each cell's text as it streams, the finished cells, and ends when the run is done", async () => {
    const { owner, versionId } = await promptOf();
    const { runId } = await owner.caller.harness.run({ versionId, variables: { document: "the Q3 report" }, models: [{ provider: "openai", model: "drip-model" }, { provider: "openai", model: "gpt-4o-mini" }], assertions: [{ type: "icontains", value: "q3" }] });
    const events = await collect(await owner.caller.harness.stream({ runId }));

    expect(events[0].type).toBe("snapshot");
    expect(events.at(-1)).toMatchObject({ type: "done" });
    const deltas = events.filter((e): e is Extract<RunStreamEvent, { type: "delta" }> => e.type === "delta" && e.position === 0);
    // drip-model sends a word every 40 ms: the text arrives in several pieces.
    expect(deltas.length).toBeGreaterThan(3);
    const cells = events.filter((e): e is Extract<RunStreamEvent, { type: "cell" }> => e.type === "cell");
    const lastDrip = cells.filter((c) => c.result.position === 0).at(-1)!.result;
    expect(lastDrip).toMatchObject({ status: "done", output: `drip-model says: ${PROMPT}` });
    expect(lastDrip.assertions[0]).toMatchObject({ type: "icontains", pass: true });
    // Applying the messages in order gives what harness.get stores.
    const held = new Map<number, string>();
    for (const e of events) {
      if (e.type === "snapshot") for (const r of e.run.results) held.set(r.position, r.output);
      if (e.type === "delta") held.set(e.position, held.get(e.position)! + e.text);
      if (e.type === "cell") held.set(e.result.position, e.result.output);
    }
    const stored = await owner.caller.harness.get({ runId });
    expect(stored.results.map((r) => held.get(r.position))).toEqual(stored.results.map((r) => r.output));

    // A finished run streams whole and ends at once.
    const again = await collect(await owner.caller.harness.stream({ runId }));
    expect(again.map((e) => e.type)).toEqual(["snapshot", "done"]);
  });

  it("streams over HTTP as server-sent events, as the browser's subscription link reads them", async () => {
    const { owner, versionId } = await promptOf();
    const { runId } = await owner.caller.harness.run({ versionId, variables: { document: "the Q3 report" }, models: [{ provider: "openai", model: "drip-model" }] });
    const input = encodeURIComponent(JSON.stringify(superjson.serialize({ runId })));
    const response = await serveTrpcHttp(new Request(`http://localhost${TRPC_ENDPOINT}/harness.stream?input=${input}`), async () => ({ db: t.db, viewer: owner.actor }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    const arrivals: number[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      arrivals.push(Date.now());
    }
    // Each message is a `data:` line holding the superjson-serialised event.
    const events = text
      .split("\n\n")
      .map((block) => block.split("\n").find((l) => l.startsWith("data: ")))
      .filter((l): l is string => Boolean(l && l.length > 6))
      .map((l) => JSON.parse(l.slice(6)) as unknown)
      .filter((d): d is { json: unknown; meta?: never } => typeof d === "object" && d !== null && "json" in d)
      .map((d) => superjson.deserialize(d as Parameters<typeof superjson.deserialize>[0]) as RunStreamEvent);
    expect(events[0].type).toBe("snapshot");
    expect(events.filter((e) => e.type === "delta").length).toBeGreaterThan(3);
    expect(events.at(-1)!.type).toBe("done");
    // The events came as they happened, not in one piece at the end.
    expect(arrivals.at(-1)! - arrivals[0]).toBeGreaterThan(150);
    // Someone else's request is refused before anything streams.
    const stranger = await makeUser(t.db);
    const refused = await serveTrpcHttp(new Request(`http://localhost${TRPC_ENDPOINT}/harness.stream?input=${input}`), async () => ({ db: t.db, viewer: stranger.actor }));
    expect(await refused.text()).toMatch(/Run not found/);
  });

  it("follows a run executing in another process through the database", async () => {
    const { owner, p, versionId } = await promptOf();
    // A run this process knows nothing of, as another replica would have stored it.
    const run = await t.db.harnessRun.create({
      data: { versionId, promptId: p.id, ownerId: owner.user.id, renderedText: PROMPT, results: { create: [{ position: 0, provider: "openai", model: "gpt-4o-mini" }] } },
    });
    const stream = await owner.caller.harness.stream({ runId: run.id });
    const events: RunStreamEvent[] = [];
    const reading = (async () => {
      for await (const e of stream) events.push(e);
    })();
    const where = { runId_position: { runId: run.id, position: 0 } };
    await expect.poll(() => events.length).toBe(1);
    await t.db.harnessResult.update({ where, data: { status: "running" } });
    await expect.poll(() => events.length, { timeout: 3000 }).toBe(2);
    await t.db.harnessResult.update({ where, data: { output: "Hello" } });
    await expect.poll(() => events.length, { timeout: 3000 }).toBe(3);
    await t.db.harnessResult.update({ where, data: { output: "Hello world" } });
    await expect.poll(() => events.length, { timeout: 3000 }).toBe(4);
    await t.db.harnessResult.update({ where, data: { status: "done", latencyMs: 42, finishedAt: new Date() } });
    await t.db.harnessRun.update({ where: { id: run.id }, data: { status: "done", finishedAt: new Date() } });
    await reading;
    expect(events.map((e) => e.type)).toEqual(["snapshot", "cell", "delta", "delta", "cell", "done"]);
    expect(events[2]).toEqual({ type: "delta", position: 0, text: "Hello" });
    expect(events[3]).toEqual({ type: "delta", position: 0, text: " world" });
    expect(events[4]).toMatchObject({ type: "cell", result: { status: "done", output: "Hello world", latencyMs: 42 } });
  });
});

describe("partial output and abandoned runs", () => {
  it("writes a streaming cell's partial output while it runs, for readers in other processes", async () => {
    const { owner, versionId } = await promptOf();
    const { runId } = await owner.caller.harness.run({ versionId, variables: { document: "the Q3 report" }, models: [{ provider: "openai", model: "drip-model" }] });
    const final = `drip-model says: ${PROMPT}`;
    // Somewhere mid-stream the stored output is a proper, non-empty beginning of the answer.
    await expect
      .poll(async () => {
        const r = await t.db.harnessResult.findFirstOrThrow({ where: { runId, position: 0 } });
        return r.status === "running" && r.output.length > 0 && r.output.length < final.length && final.startsWith(r.output);
      }, { timeout: 3000, interval: 30 })
      .toBe(true);
    await runSettled(runId);
    expect((await owner.caller.harness.get({ runId })).results[0]).toMatchObject({ status: "done", output: final });
  });

  it("ends a run a dead process left running once it is past every deadline", async () => {
    const { owner, p, versionId } = await promptOf();
    const longAgo = new Date(Date.now() - 2 * TIMEOUT_MS - 61_000);
    const run = await t.db.harnessRun.create({
      data: {
        versionId, promptId: p.id, ownerId: owner.user.id, renderedText: PROMPT, createdAt: longAgo,
        results: { create: [{ position: 0, provider: "openai", model: "gpt-4o-mini", status: "done", output: "finished before the crash" }, { position: 1, provider: "openai", model: "slow-model", status: "running", output: "half an ans" }] },
      },
    });
    const recent = await t.db.harnessRun.create({ data: { versionId, promptId: p.id, ownerId: owner.user.id, renderedText: PROMPT, results: { create: [{ position: 0, provider: "openai", model: "gpt-4o-mini" }] } } });
    const listed = await owner.caller.harness.list({ versionId });
    expect(listed.items.find((r) => r.id === run.id)).toMatchObject({ status: "done", failedCells: 1 });
    // A run still within its deadlines may be executing elsewhere: left alone.
    expect(listed.items.find((r) => r.id === recent.id)).toMatchObject({ status: "running" });
    const got = await owner.caller.harness.get({ runId: run.id });
    expect(got.status).toBe("done");
    expect(got.results.map((r) => [r.status, r.error])).toEqual([["done", null], ["error", "interrupted: the server stopped before this model finished"]]);
    expect(got.results[1].output).toBe("half an ans");
    const events = await collect(await owner.caller.harness.stream({ runId: run.id }));
    expect(events.map((e) => e.type)).toEqual(["snapshot", "done"]);
    await t.db.harnessRun.delete({ where: { id: recent.id } });
  });
});

describe("harness.list", () => {
  it("lists the caller's runs of a version or a prompt, newest first, with models and pass counts", async () => {
    const { owner, p, versionId } = await promptOf();
    const first = await runToEnd(owner.caller, { versionId, variables: { document: "the Q3 report" }, models: [{ provider: "openai", model: "gpt-4o-mini" }, { provider: "openai", model: "broken-model" }], assertions: [{ type: "contains", value: "says" }] });
    const v2 = await owner.caller.version.create({ promptId: p.id, body: "Briefly: {{document}}", changelog: "shorter" });
    const second = await runToEnd(owner.caller, { versionId: v2.id, variables: { document: "the Q3 report" }, models: [{ provider: "anthropic", model: "claude-3-5-haiku-latest" }] });

    const byPrompt = await owner.caller.harness.list({ promptId: p.id });
    expect(byPrompt.items.map((r) => r.id)).toEqual([second.id, first.id]);
    expect(byPrompt.items[1]).toMatchObject({ versionId, versionNumber: 1, status: "done", passed: 1, checked: 2, failedCells: 1, triedCandidate: false });
    expect(byPrompt.items[1].models).toMatchObject([
      { position: 0, provider: "openai", model: "gpt-4o-mini", status: "done", passed: 1, checked: 1 },
      { position: 1, provider: "openai", model: "broken-model", status: "error", passed: 0, checked: 1, costUsd: null },
    ]);
    const byVersion = await owner.caller.harness.list({ versionId });
    expect(byVersion.items.map((r) => r.id)).toEqual([first.id]);
    const paged = await owner.caller.harness.list({ promptId: p.id, limit: 1 });
    expect(paged.items.map((r) => r.id)).toEqual([second.id]);
    expect((await owner.caller.harness.list({ promptId: p.id, limit: 1, cursor: paged.nextCursor })).items.map((r) => r.id)).toEqual([first.id]);
    const e = await rejects(owner.caller.harness.list({}), "BAD_REQUEST");
    expect(fieldsOf(e)).toContain("versionId");
  });
});

describe("who may see a run", () => {
  it("is the owner's alone: anyone else gets NOT_FOUND for get and stream and sees none in list", async () => {
    const { owner, p, versionId } = await promptOf("public");
    const run = await runToEnd(owner.caller, { versionId, variables: { document: "the Q3 report" }, models: [{ provider: "openai", model: "gpt-4o-mini" }] });
    const other = await makeUser(t.db);
    await rejects(other.caller.harness.get({ runId: run.id }), "NOT_FOUND");
    await rejects(other.caller.harness.stream({ runId: run.id }), "NOT_FOUND");
    expect((await other.caller.harness.list({ promptId: p.id })).items).toEqual([]);
    expect((await other.caller.harness.list({ versionId })).items).toEqual([]);
    await rejects(anonymous(t.db).harness.get({ runId: run.id }), "UNAUTHORIZED");
    await rejects(anonymous(t.db).harness.stream({ runId: run.id }), "UNAUTHORIZED");
    await rejects(anonymous(t.db).harness.run({ versionId, variables: { document: "x" }, models: [{ provider: "openai", model: "gpt-4o-mini" }] }), "UNAUTHORIZED");
    // Another user may run a public prompt themselves; that run is theirs.
    const theirs = await runToEnd(other.caller, { versionId, variables: { document: "the Q3 report" }, models: [{ provider: "openai", model: "gpt-4o-mini" }] });
    expect((await other.caller.harness.list({ versionId })).items.map((r) => r.id)).toEqual([theirs.id]);
    await rejects(owner.caller.harness.get({ runId: theirs.id }), "NOT_FOUND");
  });
});

describe("bad input", () => {
  it("names the problem and stores nothing, calling no model", async () => {
    const { owner, versionId } = await promptOf();
    const stranger = await makeUser(t.db);
    const ok = { versionId, variables: { document: "the Q3 report" }, models: [{ provider: "openai", model: "gpt-4o-mini" }] };
    const counts = async () => [await t.db.harnessRun.count(), await t.db.harnessResult.count()];
    const stored = await counts();
    const calls = modelCalls();

    // A private version someone else cannot read does not exist for them.
    await rejects(stranger.caller.harness.run(ok), "NOT_FOUND", /Version not found/);
    await rejects(owner.caller.harness.run({ ...ok, versionId: "no-such-version" }), "NOT_FOUND");

    let e = await rejects(owner.caller.harness.run({ ...ok, variables: {} }), "BAD_REQUEST", /Missing value for \{\{document\}\}/);
    expect(fieldsOf(e)).toEqual(["variables.document"]);
    e = await rejects(owner.caller.harness.run({ ...ok, candidateBody: "Try {{document}} with {{tone}}" }), "BAD_REQUEST", /\{\{tone\}\}/);
    expect(fieldsOf(e)).toEqual(["variables.tone"]);

    e = await rejects(owner.caller.harness.run({ ...ok, models: Array.from({ length: 9 }, () => ({ provider: "openai", model: "gpt-4o-mini" })) }), "BAD_REQUEST", /at most 8 models/);
    expect(fieldsOf(e)).toEqual(["models"]);
    e = await rejects(owner.caller.harness.run({ ...ok, models: [] }), "BAD_REQUEST", /at least one model/);

    e = await rejects(owner.caller.harness.run({ ...ok, models: [{ provider: "openai", model: "gpt-4o-mini" }, { provider: "nope", model: "x" }] }), "BAD_REQUEST", /Unknown provider "nope"/);
    expect(fieldsOf(e)).toEqual(["models.1.provider"]);
    e = await rejects(owner.caller.harness.run({ ...ok, models: [{ provider: "openai", model: "gpt-4o-mini" }, { provider: "openai", model: "gpt-99" }] }), "BAD_REQUEST", /Unknown model "gpt-99" for provider "openai"/);
    expect(fieldsOf(e)).toEqual(["models.1.model"]);
    // A catalogue that cannot be fetched is said to be so, naming the provider.
    await rejects(owner.caller.harness.run({ ...ok, models: [{ provider: "down", model: "llama3" }] }), "BAD_GATEWAY", /Could not list the models of provider "down"/);

    vi.stubEnv("ANTHROPIC_API_KEY", "");
    try {
      e = await rejects(owner.caller.harness.run({ ...ok, models: [{ provider: "anthropic", model: "claude-3-5-haiku-latest" }] }), "BAD_REQUEST", /not configured.*ANTHROPIC_API_KEY/);
      expect(fieldsOf(e)).toEqual(["models.0.provider"]);
      e = await rejects(owner.caller.harness.run({ ...ok, assertions: [{ type: "llm-rubric", value: "fair", provider: "anthropic", model: "claude-3-5-haiku-latest" }] }), "BAD_REQUEST", /ANTHROPIC_API_KEY/);
      expect(fieldsOf(e)).toEqual(["assertions.0.provider"]);
    } finally {
      vi.stubEnv("ANTHROPIC_API_KEY", "sk-ant-test-run");
    }

    e = await rejects(owner.caller.harness.run({ ...ok, assertions: [{ type: "contains", value: "x" }, { type: "regex", value: "(unclosed" }] }), "BAD_REQUEST", /not a valid regex/);
    expect(fieldsOf(e)).toEqual(["assertions.1.value"]);
    e = await rejects(owner.caller.harness.run({ ...ok, assertions: [{ type: "is-json", value: { type: "nope" } }] }), "BAD_REQUEST", /not a valid JSON Schema/);
    expect(fieldsOf(e)).toEqual(["assertions.0.value"]);
    e = await rejects(owner.caller.harness.run({ ...ok, assertions: [{ type: "is-json", value: { $ref: "https://example.com/elsewhere.json" } }] }), "BAD_REQUEST", /not a valid JSON Schema/);
    expect(fieldsOf(e)).toEqual(["assertions.0.value"]);
    e = await rejects(owner.caller.harness.run({ ...ok, assertions: [{ type: "is-json", value: "not a schema" as never }] }), "BAD_REQUEST");
    expect(fieldsOf(e)).toEqual(["assertions.0.value"]);
    e = await rejects(owner.caller.harness.run({ ...ok, assertions: [{ type: "similar", value: "x", threshold: 2 }] }), "BAD_REQUEST", /between 0 and 1/);
    expect(fieldsOf(e)).toEqual(["assertions.0.threshold"]);
    e = await rejects(owner.caller.harness.run({ ...ok, assertions: [{ type: "llm-rubric", value: "fair", provider: "openai", model: "gpt-99" }] }), "BAD_REQUEST", /Unknown model "gpt-99"/);
    expect(fieldsOf(e)).toEqual(["assertions.0.model"]);
    e = await rejects(owner.caller.harness.run({ ...ok, assertions: [{ type: "llm-rubric", value: "fair", provider: "openai" }] }), "BAD_REQUEST", /both a provider and a model/);
    expect(fieldsOf(e)).toEqual(["assertions.0.model"]);
    e = await rejects(owner.caller.harness.run({ ...ok, assertions: [{ type: "bogus" as never, value: "x" }] }), "BAD_REQUEST");
    expect(fieldsOf(e)).toEqual(["assertions.0.type"]);

    expect(await counts()).toEqual(stored);
    expect(modelCalls()).toBe(calls);
  });
});
