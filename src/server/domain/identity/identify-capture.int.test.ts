// Capture identity against the owner's library: captured calls fill the Detected inbox (one entry
// per prompt a person would name), renders of library prompts are uses of their versions with the
// values, variants suggest a fork, templates are joined incrementally, and identity work is done
// once per distinct identity text. Nothing is created in the library.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Db } from "@/server/db/prisma";
import { createPrompt } from "@/server/domain/prompts/create-prompt";
import { makeUser } from "@/test/callers";
import { createTestDatabase, type TestDatabase } from "@/test/test-db";
import { identifyCapture } from "./identify-capture";
import type { Embedder } from "../embeddings/embedder";
import { localEmbedder, LOCAL_MODEL } from "../embeddings/local-embedder";
import { createOpenAIEmbedder, OPENAI_MODEL } from "../embeddings/openai-embedder";
import { ensurePromptEmbeddings } from "../embeddings/prompt-embeddings";
import { reembedAllPrompts } from "../embeddings/reembed";
import { thresholdsFor } from "./thresholds";

const BASE = `You are a friendly customer support assistant for Acme Cloud Storage.
Answer the customer's question using only the knowledge base articles provided below.
If the answer is not in the articles, say you don't know and offer to open a ticket.
Keep answers under 150 words and always end by asking whether the problem is solved.`;
const EDITED = BASE.replace("Keep answers under 150 words", "Never promise refunds; refer billing questions to the billing team.\nKeep answers under 150 words");
const UNRELATED = `Extract the invoice fields from the text below and return them as JSON with the keys
invoice_number, issue_date, due_date, vendor_name, total_amount and currency. Use ISO 8601 dates.`;

let t: TestDatabase;
let db: Db;
beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
});
afterAll(async () => t?.close());

type Extra = Partial<{ captureMode: string; createdAt: Date; status: number; model: string; costUsd: string }>;

/** A stored capture with only its prompt text (as the recorder stores it). */
const capture = (ownerId: string, promptText: string | null, extra: Extra = {}) =>
  db.capture.create({ data: { ownerId, provider: "openai", endpoint: "/chat/completions", method: "POST", model: "gpt-4o-mini", status: 200, latencyMs: 20, promptText, ...extra } });

/** A chat completion as the recorder stores it: the request body, the system prompt, and "role: text" prompt text. */
const chat = (ownerId: string, system: string | null, user: string, extra: Extra = {}) => {
  const messages = [...(system ? [{ role: "system", content: system }] : []), { role: "user", content: user }];
  const promptText = [system, `user: ${user}`].filter(Boolean).join("\n\n");
  return db.capture.create({
    data: {
      ownerId,
      provider: "openai",
      endpoint: "chat/completions",
      method: "POST",
      model: "gpt-4o-mini",
      status: 200,
      latencyMs: 20,
      requestBody: { model: extra.model ?? "gpt-4o-mini", messages },
      systemPrompt: system,
      promptText,
      ...extra,
    },
  });
};

/** The local embedder, counting the texts it is asked to embed. */
function countingEmbedder(): Embedder & { texts: string[]; calls: number } {
  const counting = {
    model: localEmbedder.model,
    dimensions: localEmbedder.dimensions,
    column: localEmbedder.column,
    texts: [] as string[],
    calls: 0,
    async embed(texts: string[]) {
      counting.calls++;
      counting.texts.push(...texts);
      return localEmbedder.embed(texts);
    },
  };
  return counting;
}

const cosine = async (a: string, b: string) => {
  const [x, y] = await localEmbedder.embed([a, b]);
  return x.reduce((sum, v, i) => sum + v * y[i], 0);
};

async function makePrompt(actor: Awaited<ReturnType<typeof makeUser>>["actor"], title: string, body: string) {
  return createPrompt(db, actor, { title, description: "", category: "support", tags: [], visibility: "private", body });
}

describe("identifyCapture", () => {
  test("four chat calls with one system prompt and different user messages are one detected prompt; nothing enters the library", async () => {
    const { user } = await makeUser(db);
    const questions = ["How do I restore a deleted file?", "Why is my upload stuck at 99%?", "Can I share a folder with a guest?", "My invoice shows two charges"];
    const results = [];
    for (const [i, q] of questions.entries()) {
      const c = await chat(user.id, BASE, q, { createdAt: new Date(Date.UTC(2026, 10, 1, 10, i)), costUsd: "0.001", model: i === 3 ? "gpt-4o" : "gpt-4o-mini" });
      results.push(await identifyCapture(db, c.id, localEmbedder));
    }
    expect(results.map((r) => r.decision)).toEqual(["new", "new", "new", "new"]);
    expect(new Set(results.map((r) => r.detectedPromptId)).size).toBe(1);
    expect(results.every((r) => r.resultPromptId === null)).toBe(true);
    expect(await db.prompt.count({ where: { ownerId: user.id } })).toBe(0);

    const detected = await db.detectedPrompt.findMany({ where: { ownerId: user.id } });
    expect(detected).toHaveLength(1);
    expect(detected[0]).toMatchObject({
      callCount: 4,
      title: "You are a friendly customer support assistant for Acme Cloud Storage.",
      identityText: BASE,
      status: "detected",
      suggestedForkOfPromptId: null,
      embeddingModel: LOCAL_MODEL,
      firstSeenAt: new Date(Date.UTC(2026, 10, 1, 10, 0)),
      lastSeenAt: new Date(Date.UTC(2026, 10, 1, 10, 3)),
    });
    expect(detected[0].exampleText).toContain("My invoice shows two charges");
    expect(detected[0].models.sort()).toEqual(["gpt-4o", "gpt-4o-mini"]);
    expect(Number(detected[0].costUsd)).toBeCloseTo(0.004, 10);
    const stored = await db.capture.findMany({ where: { ownerId: user.id } });
    expect(new Set(stored.map((c) => c.identityHash)).size).toBe(1);
    expect(stored.every((c) => c.detectedPromptId === detected[0].id && c.processedAt)).toBe(true);
  });

  test("a call matching a library prompt by embedding is a use of it (usage counted), not a new prompt", async () => {
    const { user, actor } = await makeUser(db);
    const mine = await makePrompt(actor, "Support bot", BASE);
    const c = await chat(user.id, BASE.replace(/\n/g, "\n  ").toUpperCase(), "Where are my files?", { createdAt: new Date(Date.now() + 60_000) });
    const r = await identifyCapture(db, c.id, localEmbedder);
    expect(r).toMatchObject({ decision: "same", matchedPromptId: mine.id, resultPromptId: mine.id, detectedPromptId: null, matchedVersionId: null, embeddingModel: LOCAL_MODEL });
    expect(r.similarity).toBeGreaterThan(0.99);
    const used = await db.prompt.findUniqueOrThrow({ where: { id: mine.id } });
    expect(used.captureCount).toBe(1);
    expect(used.lastCapturedAt?.getTime()).toBe(c.createdAt.getTime());
    expect(await db.prompt.count({ where: { ownerId: user.id } })).toBe(1);
    expect(await db.detectedPrompt.count({ where: { ownerId: user.id } })).toBe(0);
  });

  test("a render of a library prompt with its variables filled is a use of that version with the values, however far the embedding", async () => {
    const { user, actor } = await makeUser(db);
    const body = "Summarise the following support ticket for the on-call engineer in three bullet points.\n\nTicket:\n{{ticket}}\n\nCustomer tier: {{tier}}";
    const prompt = await makePrompt(actor, "Ticket summary", body);
    const version = await db.promptVersion.findFirstOrThrow({ where: { promptId: prompt.id } });
    const ticket = Array.from({ length: 60 }, (_, i) => `Line ${i}: the nightly backup job for cluster eu-west-${i % 4} failed with error code E${1000 + i} after retrying.`).join("\n");
    const rendered = body.replace("{{ticket}}", ticket).replace("{{tier}}", "enterprise");
    // The long value drowns the instructions: by embedding alone this would be a new prompt.
    expect(await cosine(rendered, body)).toBeLessThan(thresholdsFor(LOCAL_MODEL).variant);

    const c = await chat(user.id, null, rendered);
    const r = await identifyCapture(db, c.id, localEmbedder);
    expect(r).toMatchObject({ decision: "same", matchedPromptId: prompt.id, resultPromptId: prompt.id, matchedVersionId: version.id, variableValues: { ticket, tier: "enterprise" }, detectedPromptId: null });
    const stored = await db.capture.findUniqueOrThrow({ where: { id: c.id } });
    expect(stored).toMatchObject({ matchedVersionId: version.id, variableValues: { ticket, tier: "enterprise" } });
    expect((await db.prompt.findUniqueOrThrow({ where: { id: prompt.id } })).captureCount).toBe(1);

    // The system prompt alone may be the render too, with the user turn as input.
    const sys = await chat(user.id, rendered, "Thanks!");
    expect(await identifyCapture(db, sys.id, localEmbedder)).toMatchObject({ decision: "same", matchedVersionId: version.id });

    // A new version moves `latest`: the cache sees it and renders of the new body match it.
    const v2body = body.replace("three bullet points", "two short sentences");
    await db.$transaction(async (tx) => {
      const v2 = await tx.promptVersion.create({ data: { promptId: prompt.id, number: 2, body: v2body, changelog: "shorter", authorId: user.id } });
      await tx.promptLabel.update({ where: { promptId_name: { promptId: prompt.id, name: "latest" } }, data: { versionId: v2.id } });
    });
    const v2 = await db.promptVersion.findFirstOrThrow({ where: { promptId: prompt.id, number: 2 } });
    const c2 = await chat(user.id, null, v2body.replace("{{ticket}}", "Disk full on db-3").replace("{{tier}}", "free"));
    expect(await identifyCapture(db, c2.id, localEmbedder)).toMatchObject({ decision: "same", matchedVersionId: v2.id, variableValues: { ticket: "Disk full on db-3", tier: "free" } });
    expect(await db.detectedPrompt.count({ where: { ownerId: user.id } })).toBe(0);

    // An archived prompt is out of the library: its renders are no longer recognised as such.
    await db.prompt.update({ where: { id: prompt.id }, data: { archivedAt: new Date() } });
    const c3 = await chat(user.id, null, rendered);
    expect(await identifyCapture(db, c3.id, localEmbedder)).toMatchObject({ matchedVersionId: null, variableValues: null });
  });

  test("a variant of a library prompt goes to the inbox with that prompt as a suggested fork", async () => {
    const { user, actor } = await makeUser(db);
    const mine = await makePrompt(actor, "Support bot", BASE);
    const c = await chat(user.id, EDITED, "Can I get a refund?");
    const r = await identifyCapture(db, c.id, localEmbedder);
    expect(r).toMatchObject({ decision: "variant", matchedPromptId: mine.id, resultPromptId: null });
    expect(r.similarity).toBeGreaterThanOrEqual(0.7);
    expect(r.similarity).toBeLessThan(thresholdsFor(LOCAL_MODEL).same);
    const detected = await db.detectedPrompt.findUniqueOrThrow({ where: { id: r.detectedPromptId! } });
    expect(detected).toMatchObject({ ownerId: user.id, suggestedForkOfPromptId: mine.id, callCount: 1, identityText: EDITED });
    expect(detected.suggestedSimilarity).toBeCloseTo(r.similarity!, 6);
    expect(await db.prompt.count({ where: { ownerId: user.id } })).toBe(1);

    // A second call of the variant joins the entry and stays a variant.
    const again = await chat(user.id, EDITED, "And a discount?");
    expect(await identifyCapture(db, again.id, localEmbedder)).toMatchObject({ decision: "variant", matchedPromptId: mine.id, detectedPromptId: detected.id });
    expect((await db.detectedPrompt.findUniqueOrThrow({ where: { id: detected.id } })).callCount).toBe(2);
  });

  test("an unrelated call is new; a reformatted copy of a detected prompt joins it by embedding", async () => {
    const { user, actor } = await makeUser(db);
    await makePrompt(actor, "Support bot", BASE);
    const first = await chat(user.id, UNRELATED, "Invoice #1");
    const r1 = await identifyCapture(db, first.id, localEmbedder);
    expect(r1).toMatchObject({ decision: "new", matchedPromptId: null });
    expect(r1.similarity).toBeLessThan(0.7);
    const second = await chat(user.id, UNRELATED.toUpperCase().replace(/\n/g, " "), "Invoice #2");
    const r2 = await identifyCapture(db, second.id, localEmbedder);
    expect(r2).toMatchObject({ decision: "new", detectedPromptId: r1.detectedPromptId });
    expect((await db.detectedPrompt.findUniqueOrThrow({ where: { id: r1.detectedPromptId! } })).callCount).toBe(2);
  });

  test("a burst of 50 identical calls costs one embedding and makes one detected prompt", async () => {
    const { user } = await makeUser(db);
    const embedder = countingEmbedder();
    const system = `${UNRELATED}\nThe vendor is always Burst Ltd.`;
    const captures = await Promise.all(Array.from({ length: 50 }, (_, i) => chat(user.id, system, `Invoice text number ${i}`)));
    const results = await Promise.all(captures.map((c) => identifyCapture(db, c.id, embedder)));
    expect(embedder.calls).toBe(1);
    expect(embedder.texts).toEqual([system]);
    expect(results.every((r) => r.decision === "new" && r.detectedPromptId === results[0].detectedPromptId)).toBe(true);
    const detected = await db.detectedPrompt.findMany({ where: { ownerId: user.id } });
    expect(detected.map((d) => d.callCount)).toEqual([50]);

    // Later calls of that text reuse the decision without embedding.
    const later = await chat(user.id, system, "Invoice text number 51");
    expect(await identifyCapture(db, later.id, embedder)).toMatchObject({ decision: "new", detectedPromptId: detected[0].id });
    expect(embedder.calls).toBe(1);
  });

  test("a call that fits an existing template joins it with its values; one that fits a promoted template is a use of the promoted prompt", async () => {
    const { user, actor } = await makeUser(db);
    const now = new Date();
    const shell = "user: Translate the following text from {{source}} to {{target}}, keeping the formatting:\n\n{{text}}";
    const template = await db.promptTemplate.create({ data: { ownerId: user.id, shell, variables: ["source", "target", "text"], memberCount: 3, captureCount: 3, firstSeenAt: now, lastSeenAt: now } });
    const entry = await db.detectedPrompt.create({
      data: { ownerId: user.id, title: "Translate the following text", identityText: "x", identityHash: "h-translate", exampleText: "x", callCount: 3, firstSeenAt: now, lastSeenAt: now, templateId: template.id },
    });
    const embedder = countingEmbedder();
    const c = await chat(user.id, null, "Translate the following text from German to Spanish, keeping the formatting:\n\nGuten Morgen!\nWie geht's?");
    const r = await identifyCapture(db, c.id, embedder);
    expect(r).toMatchObject({ decision: "new", detectedPromptId: entry.id, templateId: template.id, resultPromptId: null });
    expect(r.templateValues).toEqual({ source: "German", target: "Spanish", text: "Guten Morgen!\nWie geht's?" });
    expect(await db.capture.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ templateId: template.id, templateValues: { source: "German", target: "Spanish" , text: "Guten Morgen!\nWie geht's?" }, detectedPromptId: entry.id });
    // The template's counts move with the join, without waiting for a re-cluster.
    expect(await db.promptTemplate.findUniqueOrThrow({ where: { id: template.id } })).toMatchObject({ captureCount: 4, memberCount: 4 });
    expect((await db.detectedPrompt.findUniqueOrThrow({ where: { id: entry.id } })).callCount).toBe(4);
    expect(embedder.calls).toBe(0);

    const promoted = await makePrompt(actor, "Classifier", "Classify the sentiment of this review as positive, negative or neutral: {{review}}");
    const ptemplate = await db.promptTemplate.create({
      data: { ownerId: user.id, shell: "user: Rate this product review from 1 to 5 stars and explain briefly: {{review}}", variables: ["review"], firstSeenAt: now, lastSeenAt: now, promotedPromptId: promoted.id },
    });
    const pc = await chat(user.id, null, "Rate this product review from 1 to 5 stars and explain briefly: Great kettle, boils fast.");
    const pr = await identifyCapture(db, pc.id, embedder);
    expect(pr).toMatchObject({ decision: "same", resultPromptId: promoted.id, matchedPromptId: promoted.id, templateId: ptemplate.id, templateValues: { review: "Great kettle, boils fast." }, detectedPromptId: null });
    expect((await db.prompt.findUniqueOrThrow({ where: { id: promoted.id } })).captureCount).toBe(1);
  });

  test("calls of a promoted detected prompt are uses of the promoted prompt", async () => {
    const { user, actor } = await makeUser(db);
    const first = await chat(user.id, UNRELATED, "Invoice A");
    const r1 = await identifyCapture(db, first.id, localEmbedder);
    const promoted = await makePrompt(actor, "Invoice fields", "Pull the invoice fields out of the document as JSON please, thanks a lot.");
    await db.detectedPrompt.update({ where: { id: r1.detectedPromptId! }, data: { status: "promoted", promotedPromptId: promoted.id } });
    const next = await chat(user.id, UNRELATED, "Invoice B");
    expect(await identifyCapture(db, next.id, localEmbedder)).toMatchObject({ decision: "same", resultPromptId: promoted.id, detectedPromptId: null });
    expect((await db.detectedPrompt.findUniqueOrThrow({ where: { id: r1.detectedPromptId! } })).callCount).toBe(1);
  });

  test("an entry the migration moved in (whole prompt text as identity) is found again by the next call of its prompt", async () => {
    const { user } = await makeUser(db);
    const at = new Date("2026-11-01T10:00:00Z");
    const old = await chat(user.id, BASE, "Where is my invoice?", { createdAt: at });
    const moved = await db.detectedPrompt.create({
      data: { id: `det_${user.id.slice(-20)}`, ownerId: user.id, title: "Support", identityText: old.promptText!, identityHash: "old-hash", exampleText: old.promptText!, callCount: 1, firstSeenAt: at, lastSeenAt: at },
    });
    await db.capture.update({ where: { id: old.id }, data: { decision: "new", detectedPromptId: moved.id, processedAt: at } });
    const next = await chat(user.id, BASE, "How do I share a folder?");
    expect(await identifyCapture(db, next.id, localEmbedder)).toMatchObject({ decision: "new", detectedPromptId: moved.id });
    expect(await db.detectedPrompt.findUniqueOrThrow({ where: { id: moved.id } })).toMatchObject({ identityText: BASE, callCount: 2, embeddingModel: LOCAL_MODEL });
    expect(await db.detectedPrompt.count({ where: { ownerId: user.id } })).toBe(1);
  });

  test("a processed capture is left alone on a second run (idempotent)", async () => {
    const { user } = await makeUser(db);
    const c = await chat(user.id, BASE, "hello");
    const first = await identifyCapture(db, c.id, localEmbedder);
    const second = await identifyCapture(db, c.id, localEmbedder);
    expect(second).toEqual({ ...first, alreadyProcessed: true });
    expect((await db.detectedPrompt.findFirstOrThrow({ where: { ownerId: user.id } })).callCount).toBe(1);
  });

  test("failed calls, metadata-only and empty captures are skipped; a missing capture is reported, not thrown", async () => {
    const { user } = await makeUser(db);
    const embedder = countingEmbedder();
    const meta = await capture(user.id, BASE, { captureMode: "metadata" });
    const empty = await capture(user.id, "   ");
    const errored = await chat(user.id, BASE, "hi", { status: 500 });
    const limited = await chat(user.id, BASE, "hi", { status: 429 });
    const unreachable = await chat(user.id, BASE, "hi", { status: 0 });
    for (const c of [meta, empty, errored, limited, unreachable]) {
      expect((await identifyCapture(db, c.id, embedder)).decision).toBe("skipped");
      expect(await db.capture.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ decision: "skipped", detectedPromptId: null });
    }
    expect((await identifyCapture(db, "no-such-capture", embedder)).decision).toBe("missing");
    expect(embedder.calls).toBe(0);
    expect(await db.detectedPrompt.count({ where: { ownerId: user.id } })).toBe(0);
    expect(await db.prompt.count({ where: { ownerId: user.id } })).toBe(0);
  });

  test("two captures of one new prompt processed at once open one detected prompt", async () => {
    const { user } = await makeUser(db);
    const [a, b] = await Promise.all([chat(user.id, UNRELATED, "first"), chat(user.id, UNRELATED, "second")]);
    const results = await Promise.all([a, b].map((x) => identifyCapture(db, x.id, localEmbedder)));
    expect(results.map((r) => r.decision)).toEqual(["new", "new"]);
    expect(results[0].detectedPromptId).toBe(results[1].detectedPromptId);
    const detected = await db.detectedPrompt.findMany({ where: { ownerId: user.id } });
    expect(detected.map((d) => d.callCount)).toEqual([2]);
  });

  test("the owner's prompts are matched; other owners' prompts are not", async () => {
    const { user, actor } = await makeUser(db);
    const { user: stranger } = await makeUser(db);
    const mine = await makePrompt(actor, "Support bot", BASE.toUpperCase());
    const c = await chat(user.id, BASE, "hi");
    expect(await identifyCapture(db, c.id, localEmbedder)).toMatchObject({ decision: "same", resultPromptId: mine.id });
    const theirs = await chat(stranger.id, BASE, "hi");
    expect((await identifyCapture(db, theirs.id, localEmbedder)).decision).toBe("new");
    // Up to date: nothing to embed the second time.
    expect(await ensurePromptEmbeddings(db, user.id, localEmbedder)).toBe(0);
  });

  test("reembed embeds every prompt with the current embedder; OpenAI vectors go to their own column", async () => {
    const requests: { model: string; input: string[]; encoding_format: string }[] = [];
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        const parsed = JSON.parse(body);
        requests.push(parsed);
        const data = parsed.input.map((text: string, index: number) => ({ object: "embedding", index, embedding: Array.from({ length: 1536 }, (_, i) => Math.sin(i + text.length)) }));
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ object: "list", data, model: parsed.model, usage: { prompt_tokens: 1, total_tokens: 1 } }));
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const openai = createOpenAIEmbedder({ apiKey: "sk-test", baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1` });
      const total = await db.prompt.count();
      const result = await reembedAllPrompts(db, openai);
      expect(result).toMatchObject({ model: OPENAI_MODEL, prompts: total, embedded: total });
      expect(requests.every((r) => r.model === OPENAI_MODEL && r.encoding_format === "float")).toBe(true);
      const rows = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "PromptEmbedding" WHERE model = ${OPENAI_MODEL} AND "openai1536" IS NOT NULL AND "local256" IS NULL`;
      expect(Number(rows[0].n)).toBe(total);
      expect((await reembedAllPrompts(db, localEmbedder)).embedded).toBe(total);
    } finally {
      server.close();
    }
  });
});
