import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Db } from "@/server/db/prisma";
import { createPrompt } from "@/server/domain/prompts/create-prompt";
import { makeUser } from "@/test/callers";
import { createTestDatabase, type TestDatabase } from "@/test/test-db";
import { identifyCapture } from "./identify-capture";
import { localEmbedder, LOCAL_MODEL } from "../embeddings/local-embedder";
import { createOpenAIEmbedder, OPENAI_MODEL } from "../embeddings/openai-embedder";
import { ensurePromptEmbeddings } from "../embeddings/prompt-embeddings";
import { reembedAllPrompts } from "../embeddings/reembed";

const BASE = `You are a friendly customer support assistant for Acme Cloud Storage.
Answer the customer's question using only the knowledge base articles provided below.
If the answer is not in the articles, say you don't know and offer to open a ticket.
Keep answers under 150 words and always end by asking whether the problem is solved.
Customer name: Maria Lopez`;
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

const capture = (ownerId: string, promptText: string | null, extra: Partial<{ captureMode: string; createdAt: Date }> = {}) =>
  db.capture.create({ data: { ownerId, provider: "openai", endpoint: "/chat/completions", method: "POST", model: "gpt-4o-mini", status: 200, latencyMs: 20, promptText, ...extra } });

describe("identifyCapture", () => {
  test("new, then same (usage recorded), then variant (a private fork with lineage), each stored on the capture", async () => {
    const { user } = await makeUser(db);
    const first = await capture(user.id, BASE);
    const r1 = await identifyCapture(db, first.id, localEmbedder);
    expect(r1).toMatchObject({ decision: "new", matchedPromptId: null, similarity: null, embeddingModel: LOCAL_MODEL, alreadyProcessed: false });
    const created = await db.prompt.findUniqueOrThrow({ where: { id: r1.resultPromptId! }, include: { versions: true } });
    expect(created).toMatchObject({ ownerId: user.id, visibility: "private", category: "agents", title: "You are a friendly customer support assistant for Acme Cloud Storage.", captureCount: 1, forkedFromVersionId: null });
    expect(created.versions[0].body).toBe(BASE);

    const again = await capture(user.id, BASE.replace(/\n/g, "\n  ").toUpperCase(), { createdAt: new Date(Date.now() + 60_000) });
    const r2 = await identifyCapture(db, again.id, localEmbedder);
    expect(r2).toMatchObject({ decision: "same", matchedPromptId: r1.resultPromptId, resultPromptId: r1.resultPromptId });
    expect(r2.similarity).toBeGreaterThan(0.99);
    const used = await db.prompt.findUniqueOrThrow({ where: { id: r1.resultPromptId! } });
    expect(used.captureCount).toBe(2);
    expect(used.lastCapturedAt?.getTime()).toBe(again.createdAt.getTime());

    const edited = await capture(user.id, EDITED);
    const r3 = await identifyCapture(db, edited.id, localEmbedder);
    expect(r3).toMatchObject({ decision: "variant", matchedPromptId: r1.resultPromptId });
    expect(r3.similarity).toBeGreaterThanOrEqual(0.7);
    expect(r3.similarity).toBeLessThan(0.945);
    const fork = await db.prompt.findUniqueOrThrow({ where: { id: r3.resultPromptId! }, include: { forkedFromVersion: true } });
    expect(fork).toMatchObject({ visibility: "private", ownerId: user.id });
    expect(fork.forkedFromVersion?.promptId).toBe(r1.resultPromptId);

    const other = await capture(user.id, UNRELATED);
    const r4 = await identifyCapture(db, other.id, localEmbedder);
    expect(r4.decision).toBe("new");
    expect(r4.similarity).toBeLessThan(0.7);

    const stored = await db.capture.findUniqueOrThrow({ where: { id: edited.id } });
    expect(stored).toMatchObject({ decision: "variant", matchedPromptId: r1.resultPromptId, resultPromptId: r3.resultPromptId, embeddingModel: LOCAL_MODEL });
    expect(stored.processedAt).toBeInstanceOf(Date);
  });

  test("a processed capture is skipped on a second run (idempotent)", async () => {
    const { user } = await makeUser(db);
    const c = await capture(user.id, BASE);
    const first = await identifyCapture(db, c.id, localEmbedder);
    const second = await identifyCapture(db, c.id, localEmbedder);
    expect(second).toMatchObject({ ...first, alreadyProcessed: true });
    expect(await db.prompt.count({ where: { ownerId: user.id } })).toBe(1);
    expect((await db.prompt.findUniqueOrThrow({ where: { id: first.resultPromptId! } })).captureCount).toBe(1);
  });

  test("metadata-only and empty captures are skipped; a missing capture is reported, not thrown", async () => {
    const { user } = await makeUser(db);
    const meta = await capture(user.id, BASE, { captureMode: "metadata" });
    const empty = await capture(user.id, "   ");
    expect((await identifyCapture(db, meta.id, localEmbedder)).decision).toBe("skipped");
    expect((await identifyCapture(db, empty.id, localEmbedder)).decision).toBe("skipped");
    expect((await db.capture.findUniqueOrThrow({ where: { id: meta.id } })).decision).toBe("skipped");
    expect((await identifyCapture(db, "no-such-capture", localEmbedder)).decision).toBe("missing");
    expect(await db.prompt.count({ where: { ownerId: user.id } })).toBe(0);
  });

  test("two captures of one new prompt processed at once create it once", async () => {
    const { user } = await makeUser(db);
    const [a, b, c] = await Promise.all([capture(user.id, UNRELATED), capture(user.id, UNRELATED), capture(user.id, UNRELATED)]);
    const results = await Promise.all([a, b, c].map((x) => identifyCapture(db, x.id, localEmbedder)));
    expect(results.map((r) => r.decision).sort()).toEqual(["new", "same", "same"]);
    expect(new Set(results.map((r) => r.resultPromptId)).size).toBe(1);
    expect(await db.prompt.count({ where: { ownerId: user.id } })).toBe(1);
    expect((await db.prompt.findUniqueOrThrow({ where: { id: results[0].resultPromptId! } })).captureCount).toBe(3);
  });

  test("the owner's existing prompts are embedded and matched; other owners' prompts are not", async () => {
    const { user, actor } = await makeUser(db);
    const { user: stranger, actor: strangerActor } = await makeUser(db);
    await createPrompt(db, strangerActor, { title: "Stranger's support bot", description: "", category: "support", tags: [], visibility: "public", body: UNRELATED });
    const mine = await createPrompt(db, actor, { title: "Support bot", description: "", category: "support", tags: [], visibility: "public", body: BASE });
    const c = await capture(user.id, BASE);
    const r = await identifyCapture(db, c.id, localEmbedder);
    expect(r).toMatchObject({ decision: "same", resultPromptId: mine.id });
    const theirs = await capture(stranger.id, BASE);
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
