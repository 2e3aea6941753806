// The embed job and the re-embed job through the real background functions (in-process runner):
// creating a prompt, saving a version and forking each send prompt/embed.requested once the save
// commits, and the job leaves an embedding of the latest body; a failed send never fails the save;
// a failing embedder is retried; reembed reports its progress on a BackgroundJob row, covers
// detected prompts, and is admin-only through the API.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { anonymous, makeUser } from "@/test/callers";
import { rejects } from "@/test/expect-trpc-error";
import { setUpTestDatabase } from "@/test/set-up-test-database";
import { localEmbedder } from "@/server/domain/embeddings/local-embedder";
import type { Embedder } from "@/server/domain/embeddings/embedder";
import { textHash } from "@/server/domain/embeddings/prompt-embeddings";
import { runReembedJob } from "@/server/domain/embeddings/reembed";
import { openJob } from "@/server/domain/background-jobs/background-jobs";
import { registerInProcessDispatcher } from "@/server/jobs/send-event";
import { createPromptEmbed } from "./functions/prompt-embed";
import { createEmbeddingsReembed } from "./functions/embeddings-reembed";
import { startInProcessRunner, type InProcessRunner } from "./in-process-runner";

const t = setUpTestDatabase();
const ENV = ["INNGEST_EVENT_KEY", "INNGEST_DEV", "INNGEST_BASE_URL", "EMBEDDING_PROVIDER"];
const saved: Record<string, string | undefined> = {};

let runner: InProcessRunner | undefined;
/** Every text the job's embedder was asked for, in order. */
let embedded: string[] = [];
/** How many more calls of the job's embedder fail. */
let failures = 0;
const countingEmbedder: Embedder = {
  ...localEmbedder,
  embed: async (texts) => {
    if (failures > 0) {
      failures--;
      throw new Error("embeddings API unavailable");
    }
    embedded.push(...texts);
    return localEmbedder.embed(texts);
  },
};

function startRunner() {
  runner = startInProcessRunner({
    functions: [createPromptEmbed({ db: () => t.db, embedder: () => countingEmbedder }), createEmbeddingsReembed({ db: () => t.db, embedder: () => countingEmbedder })],
    backoffMs: () => 10,
    logger: { info: () => {}, warn: () => {}, error: () => {} },
  });
  return runner;
}

async function embeddingOf(promptId: string) {
  const [row] = await t.db.$queryRaw<{ textHash: string; ownerId: string; hasVector: boolean }[]>`
    SELECT "textHash", "ownerId", "local256" IS NOT NULL AS "hasVector" FROM "PromptEmbedding" WHERE "promptId" = ${promptId} AND model = ${localEmbedder.model}`;
  return row ?? null;
}

beforeAll(() => {
  for (const k of ENV) saved[k] = process.env[k];
  Object.assign(process.env, { INNGEST_EVENT_KEY: "", INNGEST_DEV: "", INNGEST_BASE_URL: "", EMBEDDING_PROVIDER: "local" });
});
afterEach(async () => {
  await runner?.stop();
  runner = undefined;
  embedded = [];
  failures = 0;
});
afterAll(() => {
  for (const k of ENV) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

describe("prompt/embed.requested", () => {
  it("embeds a new prompt, each new version and a fork, once their saves commit", async () => {
    const r = startRunner();
    const { caller, user } = await makeUser(t.db);
    const body = "Summarise {{document}} for a busy executive in five bullet points.";
    const created = await caller.prompt.create({ title: "Executive summary", category: "productivity", body });
    await r.idle();
    expect(await embeddingOf(created.id)).toEqual({ textHash: textHash(body), ownerId: user.id, hasVector: true });
    expect(embedded).toEqual([body]);

    const v2 = "Summarise {{document}} for a busy executive in three bullet points, then one risk.";
    await caller.version.create({ promptId: created.id, body: v2 });
    await r.idle();
    expect((await embeddingOf(created.id))?.textHash).toBe(textHash(v2));

    const forker = await makeUser(t.db);
    const latest = await t.db.promptLabel.findUniqueOrThrow({ where: { promptId_name: { promptId: created.id, name: "latest" } } });
    const fork = await forker.caller.prompt.fork({ versionId: latest.versionId });
    await r.idle();
    expect(await embeddingOf(fork.id)).toEqual({ textHash: textHash(v2), ownerId: forker.user.id, hasVector: true });
    expect(embedded).toEqual([body, v2, v2]);
  });

  it("does not embed again when the embedding is already of the latest body (a second delivery)", async () => {
    const r = startRunner();
    const { caller } = await makeUser(t.db);
    const created = await caller.prompt.create({ title: "Idempotent", category: "writing", body: "Rewrite {{text}} in plain English." });
    await r.idle();
    r.dispatch("prompt/embed.requested", { promptId: created.id });
    await r.idle();
    expect(embedded).toEqual(["Rewrite {{text}} in plain English."]);
  });

  it("retries when the embedder fails, and ends with the embedding", async () => {
    const r = startRunner();
    failures = 2;
    const { caller } = await makeUser(t.db);
    const created = await caller.prompt.create({ title: "Flaky embedder", category: "writing", body: "Turn {{notes}} into a tidy changelog." });
    await r.idle();
    expect(failures).toBe(0);
    expect((await embeddingOf(created.id))?.textHash).toBe(textHash("Turn {{notes}} into a tidy changelog."));
  });

  it("a failed send never fails the user's save", async () => {
    registerInProcessDispatcher(() => {
      throw new Error("queue unavailable");
    });
    try {
      const { caller } = await makeUser(t.db);
      const created = await caller.prompt.create({ title: "Saved anyway", category: "writing", body: "Proofread {{text}}." });
      const v2 = await caller.version.create({ promptId: created.id, body: "Proofread {{text}} twice." });
      expect(v2.number).toBe(2);
      expect(await embeddingOf(created.id)).toBeNull();
    } finally {
      registerInProcessDispatcher(undefined);
    }
  });
});

describe("reembed as a job", () => {
  async function detectedPrompt(ownerId: string, identityText: string) {
    const now = new Date();
    return t.db.detectedPrompt.create({
      data: { ownerId, title: identityText.slice(0, 40), identityText, identityHash: textHash(identityText), exampleText: identityText, firstSeenAt: now, lastSeenAt: now },
    });
  }

  it("re-embeds every prompt and detected prompt, reporting progress on the job row", async () => {
    const { caller, user } = await makeUser(t.db);
    for (let i = 0; i < 3; i++) await caller.prompt.create({ title: `Reembed me ${i}`, category: "writing", body: `Write a haiku about the number ${i}.` });
    const detected = await detectedPrompt(user.id, "system: You are a terse SQL assistant. Answer with one query.");
    const prompts = await t.db.prompt.count();
    const detectedCount = await t.db.detectedPrompt.count();

    const { job } = await openJob(t.db, "embeddings.reembed", null);
    const progress: [number, number][] = [];
    const result = await runReembedJob(t.db, job.id, countingEmbedder, (done, total) => progress.push([done, total]));
    expect(result).toMatchObject({ model: localEmbedder.model, prompts, detectedPrompts: detectedCount });
    expect(progress[0]).toEqual([0, prompts + detectedCount]);
    expect(progress.at(-1)).toEqual([prompts + detectedCount, prompts + detectedCount]);
    for (let i = 1; i < progress.length; i++) expect(progress[i][0]).toBeGreaterThanOrEqual(progress[i - 1][0]);

    const row = await t.db.backgroundJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(row).toMatchObject({ status: "done", done: prompts + detectedCount, total: prompts + detectedCount, error: null });
    expect(row.finishedAt).not.toBeNull();
    const [d] = await t.db.$queryRaw<{ embeddingModel: string; hasVector: boolean }[]>`
      SELECT "embeddingModel", "local256" IS NOT NULL AS "hasVector" FROM "DetectedPrompt" WHERE id = ${detected.id}`;
    expect(d).toEqual({ embeddingModel: localEmbedder.model, hasVector: true });
  });

  it("records a failure on the job row", async () => {
    const { job } = await openJob(t.db, "embeddings.reembed", null);
    failures = 1;
    await expect(runReembedJob(t.db, job.id, countingEmbedder)).rejects.toThrow("embeddings API unavailable");
    const row = await t.db.backgroundJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(row).toMatchObject({ status: "failed", error: "embeddings API unavailable" });
  });

  it("admins start it through the API and read its progress; others may not", async () => {
    const r = startRunner();
    const admin = await makeUser(t.db, { role: "admin" });
    const someone = await makeUser(t.db);
    await rejects(someone.caller.embeddings.reembed(), "FORBIDDEN");
    await rejects(someone.caller.embeddings.reembedJob({}), "FORBIDDEN");
    await rejects(anonymous(t.db).embeddings.reembed(), "UNAUTHORIZED");

    const started = await admin.caller.embeddings.reembed();
    expect(started.created).toBe(true);
    await r.idle();
    const view = await admin.caller.embeddings.reembedJob({ jobId: started.jobId });
    const total = (await t.db.prompt.count()) + (await t.db.detectedPrompt.count());
    expect(view).toMatchObject({ id: started.jobId, kind: "embeddings.reembed", status: "done", done: total, total });
    expect((await admin.caller.embeddings.reembedJob({}))?.id).toBe(started.jobId);
    await rejects(admin.caller.embeddings.reembedJob({ jobId: "no-such-job" }), "NOT_FOUND");
  });
});
