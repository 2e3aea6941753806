// Without Inngest configured, sendEvent hands the event to the in-process runner, which runs the
// real capture-identify function against a test database: the Detected inbox, a variant of a library prompt.
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import type { Db } from "@/server/db/prisma";
import { localEmbedder } from "@/server/domain/embeddings/local-embedder";
import { createPrompt } from "@/server/domain/prompts/create-prompt";
import { inngestConfigured, sendEvent } from "@/server/jobs/send-event";
import { makeUser } from "@/test/callers";
import { createTestDatabase, type TestDatabase } from "@/test/test-db";
import { createCaptureIdentify } from "./functions/capture-identify";
import { startInProcessRunner, type InProcessRunner } from "./in-process-runner";

const PROMPT = `You are a travel agent for Sunny Tours. Recommend three destinations that match the traveller's
budget, dates and interests. For each destination give the best area to stay, one local dish to try,
and a rough daily budget in euros. Ask one follow-up question if the dates are unclear.`;
const EDITED = PROMPT.replace("Ask one follow-up question if the dates are unclear.", "Format the answer as a numbered list with a one-line summary at the top.\nAsk one follow-up question if the dates are unclear.");
const UNRELATED = "Write a limerick about a cat who learns to play the violin, suitable for children.";

let t: TestDatabase;
let db: Db;
let runner: InProcessRunner;
beforeAll(async () => {
  for (const key of ["INNGEST_EVENT_KEY", "INNGEST_DEV", "INNGEST_BASE_URL"]) vi.stubEnv(key, "");
  t = await createTestDatabase();
  db = t.db;
  runner = startInProcessRunner({ functions: [createCaptureIdentify({ db: () => db, embedder: () => localEmbedder })], backoffMs: () => 10 });
});
afterAll(async () => {
  await runner?.stop();
  await t?.close();
  vi.unstubAllEnvs();
});

const capture = (ownerId: string, promptText: string) =>
  db.capture.create({ data: { ownerId, provider: "openai", endpoint: "/chat/completions", method: "POST", model: "gpt-4o-mini", status: 200, latencyMs: 12, promptText } });

async function send(...ids: string[]) {
  await sendEvent("capture/request.recorded", { captureIds: ids });
  await runner.idle();
  return Promise.all(ids.map((id) => db.capture.findUniqueOrThrow({ where: { id } })));
}

test("captures are identified in the background: new (the Detected inbox), then joined, then variant and new; nothing enters the library", async () => {
  expect(inngestConfigured()).toBe(false);
  const { user, actor } = await makeUser(db);
  const [first] = await send((await capture(user.id, PROMPT)).id);
  expect(first).toMatchObject({ decision: "new", embeddingModel: "local-ngram-256", resultPromptId: null });
  expect(first.processedAt).toBeInstanceOf(Date);
  expect(first.detectedPromptId).not.toBeNull();

  const [again] = await send((await capture(user.id, PROMPT)).id);
  expect(again).toMatchObject({ decision: "new", detectedPromptId: first.detectedPromptId });
  expect((await db.detectedPrompt.findUniqueOrThrow({ where: { id: first.detectedPromptId! } })).callCount).toBe(2);

  // Once the owner has the prompt in the library, an edited call is a variant of it.
  const library = await createPrompt(db, actor, { title: "Travel agent", description: "", category: "agents", tags: [], visibility: "private", body: PROMPT.replace("three destinations", "3 destinations") });
  const edited = await capture(user.id, EDITED);
  const unrelated = await capture(user.id, UNRELATED);
  const [variant, fresh] = await send(edited.id, unrelated.id);
  expect(variant).toMatchObject({ decision: "variant", matchedPromptId: library.id, resultPromptId: null });
  expect((await db.detectedPrompt.findUniqueOrThrow({ where: { id: variant.detectedPromptId! } })).suggestedForkOfPromptId).toBe(library.id);
  expect(fresh).toMatchObject({ decision: "new", matchedPromptId: null });
  expect(await db.prompt.count({ where: { ownerId: user.id } })).toBe(1);
  expect(await db.detectedPrompt.count({ where: { ownerId: user.id } })).toBe(3);

  // Re-sending an event for processed captures changes nothing.
  await send(edited.id, unrelated.id);
  expect(await db.detectedPrompt.count({ where: { ownerId: user.id } })).toBe(3);
  expect((await db.detectedPrompt.findUniqueOrThrow({ where: { id: variant.detectedPromptId! } })).callCount).toBe(1);
});
