import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymous, makeUser } from "@/test/callers";
import { setUpTestDatabase } from "@/test/set-up-test-database";
import { rejects } from "@/test/expect-trpc-error";
import { DEFAULT_OPENAI_MODELS, defaultBehaviour, startFakeModelProvider, type ModelBehaviour } from "@/test/fake-model-provider";
import type { Db } from "@/server/db/prisma";
import { runSettled } from "@/server/domain/harness/live-run-bus";

const t = setUpTestDatabase();

const body = "Summarise {{document}} in {{length|3}} bullet points.";
const REWRITE = "Summarise {{document}} in exactly {{length|3}} bullet points.\nStart your answer with \"Summary:\".";

let fake: Awaited<ReturnType<typeof startFakeModelProvider>>;
/** What the writer model answers next; reset by each test that needs another answer. */
let writerAnswer: ModelBehaviour = { text: REWRITE };
const saved = { key: process.env.OPENAI_API_KEY, url: process.env.OPENAI_BASE_URL };

beforeAll(async () => {
  fake = await startFakeModelProvider({
    openaiModels: [...DEFAULT_OPENAI_MODELS, "writer-model"],
    behave: (model, prompt) => (model === "writer-model" ? writerAnswer : defaultBehaviour(model, prompt, { slowMs: 5000 })),
  });
  // The instance's built-in `openai` provider, pointed at the loopback fake (env is read lazily).
  process.env.OPENAI_API_KEY = "sk-test-suggest";
  process.env.OPENAI_BASE_URL = fake.baseUrl;
});
afterAll(async () => {
  await fake.close();
  if (saved.key === undefined) delete process.env.OPENAI_API_KEY;
  else process.env.OPENAI_API_KEY = saved.key;
  if (saved.url === undefined) delete process.env.OPENAI_BASE_URL;
  else process.env.OPENAI_BASE_URL = saved.url;
});

/** A finished run as harness.run stores it: one model failed an assertion, another timed out. */
async function storedRun(db: Db, owner: { id: string }, versionId: string, promptId: string, candidateBody?: string) {
  return db.harnessRun.create({
    data: {
      versionId,
      promptId,
      ownerId: owner.id,
      variables: { document: "the Q3 report" },
      renderedText: "Summarise the Q3 report in 3 bullet points.",
      candidateBody: candidateBody ?? null,
      assertions: [{ type: "contains", value: "Summary:" }, { type: "latency", value: 2000 }],
      status: "done",
      finishedAt: new Date(),
      results: {
        create: [
          {
            position: 0,
            provider: "openai",
            model: "gpt-4o-mini",
            output: "- revenue grew\n- costs fell\n- outlook stable",
            status: "done",
            latencyMs: 420,
            assertions: [
              { type: "contains", value: "Summary:", pass: false, detail: 'does not contain "Summary:"' },
              { type: "latency", value: 2000, pass: true, detail: "420 ms ≤ 2000 ms" },
            ],
          },
          {
            position: 1,
            provider: "openai",
            model: "slow-model",
            output: "",
            status: "error",
            error: "timed out after 30000 ms",
            latencyMs: 30000,
            assertions: [{ type: "contains", value: "Summary:", pass: false, detail: "the call failed" }],
          },
        ],
      },
    },
  });
}

async function promptWithRun(visibility: "public" | "private" = "public") {
  const owner = await makeUser(t.db);
  const p = await owner.caller.prompt.create({ title: "Report summariser", category: "writing", body, visibility });
  const run = await storedRun(t.db, owner.user, p.version.id, p.id);
  return { owner, p, run };
}

describe("harness.suggest", () => {
  it("asks the chosen model with the failing assertions and outputs, and returns the rewrite with a diff", async () => {
    const { owner, p, run } = await promptWithRun();
    writerAnswer = { text: REWRITE };
    const before = fake.requests.length;
    const s = await owner.caller.harness.suggest({ runId: run.id, provider: "openai", model: "writer-model" });

    const sent = fake.requests.slice(before).find((r) => r.model === "writer-model" && r.path.endsWith("/chat/completions"));
    expect(sent).toBeDefined();
    // The template, each model's output or error, and the failed checks with their details.
    expect(sent!.prompt).toContain(body);
    expect(sent!.prompt).toContain('FAIL contains "Summary:": does not contain "Summary:"');
    expect(sent!.prompt).toContain("PASS latency 2000: 420 ms ≤ 2000 ms");
    expect(sent!.prompt).toContain("- revenue grew");
    expect(sent!.prompt).toContain("The call failed: timed out after 30000 ms");
    expect(sent!.prompt).toContain("openai/slow-model");
    expect(sent!.prompt).toMatch(/3 failing checks/);
    expect(sent!.system).toMatch(/Keep every \{\{variable\}\} placeholder/);

    expect(s).toMatchObject({ runId: run.id, versionId: p.version.id, versionNumber: 1, promptId: p.id, canSave: true, provider: "openai", model: "writer-model", baseBody: body, body: REWRITE });
    expect(s.missingVariables).toEqual([]);
    expect(s.addedVariables).toEqual([]);
    expect(s.invalidSlots).toEqual([]);
    expect(s.diff.added).toBe(2);
    expect(s.diff.removed).toBe(1);
    expect(s.outputTokens).toBe(Math.ceil(REWRITE.length / 4));
    expect(s.tokensEstimated).toBe(false);
    // writer-model is not in the price table: unknown, never 0.
    expect(s.costUsd).toBeNull();

    // The owner saves it as a new version with the existing procedure; the suggestion stored nothing itself.
    expect(await t.db.promptVersion.count({ where: { promptId: p.id } })).toBe(1);
    const v2 = await owner.caller.version.create({ promptId: p.id, body: s.body, changelog: "Suggested by writer-model" });
    expect(v2.number).toBe(2);
  });

  it("works from a real run, and the rewrite runs through the same models with harness.run's candidateBody", async () => {
    const owner = await makeUser(t.db);
    const p = await owner.caller.prompt.create({ title: "Real run", category: "writing", body });
    const { runId } = await owner.caller.harness.run({
      versionId: p.version.id,
      variables: { document: "the Q3 report" },
      models: [{ provider: "openai", model: "gpt-4o-mini" }, { provider: "openai", model: "broken-model" }],
      assertions: [{ type: "contains", value: "Summary:" }],
    });
    await runSettled(runId);
    writerAnswer = { text: REWRITE };
    const before = fake.requests.length;
    const s = await owner.caller.harness.suggest({ runId, provider: "openai", model: "writer-model" });
    const sent = fake.requests.slice(before).find((r) => r.model === "writer-model")!;
    expect(sent.prompt).toContain("openai/gpt-4o-mini");
    expect(sent.prompt).toContain("gpt-4o-mini says: Summarise the Q3 report in 3 bullet points.");
    expect(sent.prompt).toMatch(/FAIL contains "Summary:": does not contain "Summary:"/);
    expect(sent.prompt).toMatch(/The call failed: .*500/);

    const again = await owner.caller.harness.run({ versionId: p.version.id, variables: { document: "the Q3 report" }, models: [{ provider: "openai", model: "gpt-4o-mini" }], candidateBody: s.body });
    await runSettled(again.runId);
    const rerun = await owner.caller.harness.get({ runId: again.runId });
    expect(rerun.candidateBody).toBe(REWRITE);
    expect(rerun.renderedText).toBe('Summarise the Q3 report in exactly 3 bullet points.\nStart your answer with "Summary:".');
    expect(rerun.results[0].status).toBe("done");
  });

  it("prices a suggestion from a priced model, and takes the rewrite out of a code fence", async () => {
    const { owner, run } = await promptWithRun();
    const fakeAsPriced = await startFakeModelProvider({ behave: () => ({ text: "```\n" + REWRITE + "\n```" }) });
    process.env.OPENAI_BASE_URL = fakeAsPriced.baseUrl;
    try {
      const s = await owner.caller.harness.suggest({ runId: run.id, provider: "openai", model: "gpt-4o-mini" });
      expect(s.body).toBe(REWRITE);
      expect(Number(s.costUsd)).toBeGreaterThan(0);
    } finally {
      process.env.OPENAI_BASE_URL = fake.baseUrl;
      await fakeAsPriced.close();
    }
  });

  it("rewrites the candidate body a run tried, and reports placeholders the rewrite lost or invented", async () => {
    const owner = await makeUser(t.db);
    const p = await owner.caller.prompt.create({ title: "Candidate", category: "writing", body });
    const candidate = "Write {{length|3}} bullets about {{document}}.";
    const run = await storedRun(t.db, owner.user, p.version.id, p.id, candidate);
    writerAnswer = { text: "Write bullets about {{doc}}. {{bad name}}" };
    const before = fake.requests.length;
    const s = await owner.caller.harness.suggest({ runId: run.id, provider: "openai", model: "writer-model" });
    expect(fake.requests.slice(before).find((r) => r.model === "writer-model")!.prompt).toContain(candidate);
    expect(s.baseBody).toBe(candidate);
    expect(s.missingVariables.sort()).toEqual(["document", "length"]);
    expect(s.addedVariables).toEqual(["doc"]);
    expect(s.invalidSlots[0]).toMatch(/bad name/);
  });

  it("is NOT_FOUND for a run that is not the caller's, and needs a signed-in caller", async () => {
    const { run } = await promptWithRun();
    const other = await makeUser(t.db);
    const before = fake.requests.length;
    await rejects(other.caller.harness.suggest({ runId: run.id, provider: "openai", model: "writer-model" }), "NOT_FOUND");
    await rejects(other.caller.harness.suggest({ runId: "no-such-run", provider: "openai", model: "writer-model" }), "NOT_FOUND");
    await rejects(anonymous(t.db).harness.suggest({ runId: run.id, provider: "openai", model: "writer-model" }), "UNAUTHORIZED");
    expect(fake.requests.length).toBe(before);
  });

  it("names an unknown provider or model, and a provider without a key, before calling anything", async () => {
    const { owner, run } = await promptWithRun("private");
    const before = fake.requests.filter((r) => !r.path.endsWith("/models")).length;
    const e1 = await rejects(owner.caller.harness.suggest({ runId: run.id, provider: "nope", model: "writer-model" }), "BAD_REQUEST", /Unknown provider "nope"/);
    expect(JSON.stringify(e1.cause ?? e1)).toMatch(/provider/);
    await rejects(owner.caller.harness.suggest({ runId: run.id, provider: "openai", model: "gpt-99" }), "BAD_REQUEST", /Unknown model "gpt-99"/);
    await rejects(owner.caller.harness.suggest({ runId: run.id, provider: "anthropic", model: "claude-sonnet-4-5" }), "BAD_REQUEST", /ANTHROPIC_API_KEY/);
    await rejects(owner.caller.harness.suggest({ runId: run.id, provider: "", model: "writer-model" }), "BAD_REQUEST", /provider/);
    expect(fake.requests.filter((r) => !r.path.endsWith("/models")).length).toBe(before);
  });

  it("is a 502 naming the model when the writer fails", async () => {
    const { owner, run } = await promptWithRun();
    await rejects(owner.caller.harness.suggest({ runId: run.id, provider: "openai", model: "broken-model" }), "BAD_GATEWAY", /openai\/broken-model could not write a suggestion/);
    writerAnswer = { text: "   " };
    await rejects(owner.caller.harness.suggest({ runId: run.id, provider: "openai", model: "writer-model" }), "BAD_GATEWAY", /empty suggestion/);
  });
});
